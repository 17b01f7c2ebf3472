package vn.portal.bridge.domain.model.identity;

/** Thrown when text is not a Vietnamese phone number. */
public final class InvalidPhoneNumberException extends InvalidIdentityValueException {

    private static final long serialVersionUID = 1L;

    /** Why the text was refused, in the order the checks run. */
    public enum Reason {
        /** null, blank, or only separators. */
        EMPTY,
        /** something other than digits after an optional leading '+'. */
        NOT_DIGITS,
        /** does not start with +84, 0084, 84 or 0 (e.g. a foreign number). */
        UNRECOGNISED_PREFIX,
        /** the digits after the prefix name no Vietnamese network or area (e.g. 04x, or an unassigned 01xx mobile prefix). */
        UNKNOWN_NETWORK_PREFIX,
        /** too few or too many digits for the kind of number its prefix announces. */
        WRONG_LENGTH
    }

    private final Reason reason;

    InvalidPhoneNumberException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
