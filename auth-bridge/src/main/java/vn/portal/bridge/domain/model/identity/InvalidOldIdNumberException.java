package vn.portal.bridge.domain.model.identity;

/** Thrown when text is not a 9-digit old ID card (CMND) number. */
public final class InvalidOldIdNumberException extends InvalidIdentityValueException {

    private static final long serialVersionUID = 1L;

    /** Why the text was refused, in the order the checks run. */
    public enum Reason {
        EMPTY,
        NOT_DIGITS,
        WRONG_LENGTH
    }

    private final Reason reason;

    InvalidOldIdNumberException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
