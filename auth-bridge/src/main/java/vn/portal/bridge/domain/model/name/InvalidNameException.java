package vn.portal.bridge.domain.model.name;

/** Thrown when text cannot be a person's name. */
public final class InvalidNameException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** Why the text was refused. */
    public enum Reason {
        /** null or only whitespace. */
        EMPTY,
        /** contains something other than letters, combining marks, spaces, hyphens and apostrophes. */
        INVALID_CHARACTER,
        /** longer than {@link VietnameseName#MAX_LENGTH} characters after normalisation. */
        TOO_LONG
    }

    private final Reason reason;

    InvalidNameException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
