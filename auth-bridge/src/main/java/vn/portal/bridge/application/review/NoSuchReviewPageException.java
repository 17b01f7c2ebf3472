package vn.portal.bridge.application.review;

/** A reviewer asked for a page of the review queue beyond its last one (a stale bookmark, or a typed address). */
public final class NoSuchReviewPageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int requested;
    private final int pageCount;

    public NoSuchReviewPageException(int requested, int pageCount) {
        super("page " + requested + " of the review queue does not exist: the filter selects " + pageCount + " page(s)");
        this.requested = requested;
        this.pageCount = pageCount;
    }

    public int requested() {
        return requested;
    }

    public int pageCount() {
        return pageCount;
    }
}
