package vn.portal.bridge.application.review;

/** The reviewer tried to link an account to a person the review item does not offer. */
public final class NotACandidateException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NotACandidateException(long itemId) {
        super("the chosen person is not a candidate of review item " + itemId);
    }
}
