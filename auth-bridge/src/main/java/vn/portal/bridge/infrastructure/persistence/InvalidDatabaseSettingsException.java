package vn.portal.bridge.infrastructure.persistence;

/** Thrown when database settings cannot work, e.g. a JDBC URL of an unsupported database. */
public final class InvalidDatabaseSettingsException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    InvalidDatabaseSettingsException(String message) {
        super(message);
    }
}
