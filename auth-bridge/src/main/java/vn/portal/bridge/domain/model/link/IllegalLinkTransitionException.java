package vn.portal.bridge.domain.model.link;

/** Thrown when a link or review item is asked to change state in a way its life cycle does not allow. */
public final class IllegalLinkTransitionException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public IllegalLinkTransitionException(String message) {
        super(message);
    }
}
