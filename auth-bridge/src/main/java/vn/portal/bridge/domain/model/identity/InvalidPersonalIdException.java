package vn.portal.bridge.domain.model.identity;

/**
 * Thrown when text is not a valid 12-digit personal ID. The {@link Reason} lets callers map the failure
 * to an error code; the message is precise but never repeats the full number (it may reach a log).
 */
public final class InvalidPersonalIdException extends InvalidIdentityValueException {

    private static final long serialVersionUID = 1L;

    /** Why the text was refused, in the order the checks run. */
    public enum Reason {
        /** null, blank, or only separators. */
        EMPTY,
        /** contains a character other than a digit once spaces, dots and dashes are removed. */
        NOT_DIGITS,
        /** all digits, but not twelve of them. */
        WRONG_LENGTH,
        /** digits 1-3 are not one of the 63 codes of Circular 07/2016/TT-BCA. */
        UNKNOWN_PROVINCE,
        /** digits 4-6 encode a birth year after the current year (e.g. century digit 4 = 2100s). */
        BIRTH_YEAR_IN_FUTURE
    }

    private final Reason reason;

    InvalidPersonalIdException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
