package vn.portal.bridge.domain.model.shared;

/**
 * Raised by a repository when a write lost a race with another writer (possibly on another JVM): a unique
 * key was taken in the meantime or the row changed since it was read. The caller may re-read and retry.
 */
public class ConflictingUpdateException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConflictingUpdateException(String message, Throwable cause) {
        super(message, cause);
    }
}
