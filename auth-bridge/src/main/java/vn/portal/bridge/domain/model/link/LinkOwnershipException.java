package vn.portal.bridge.domain.model.link;

/**
 * Thrown when a citizen acts on a link that is not theirs (e.g. disputes another person's link by changing
 * an id in a request). Deliberately says nothing about whose link it is.
 */
public final class LinkOwnershipException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LinkOwnershipException(long linkId) {
        super("link " + linkId + " does not belong to the requesting citizen");
    }
}
