package vn.portal.bridge.application.review;

/** No review item with this id exists. */
public final class UnknownReviewItemException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnknownReviewItemException(long itemId) {
        super("review item " + itemId + " does not exist");
    }
}
