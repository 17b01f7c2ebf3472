package vn.portal.bridge.infrastructure.persistence;

/** Thrown by {@link PortalDatabase#checkReady(java.time.Duration)} when the database cannot serve the portal. */
public final class DatabaseUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    DatabaseUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
