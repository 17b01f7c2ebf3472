package vn.portal.bridge.domain.model.credential;

/**
 * A stored legacy password hash that does not follow DESIGN.md §5. The message says what is wrong but never
 * repeats the hash itself, so it may be shown in an import report or a log.
 */
public final class InvalidPasswordHashException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidPasswordHashException(String message) {
        super(message);
    }

    public InvalidPasswordHashException(String message, Throwable cause) {
        super(message, cause);
    }
}
