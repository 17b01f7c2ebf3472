package vn.portal.bridge.domain.model.identity;

/** Thrown by {@link Gender#parse(String)} for a value that names neither gender. */
public final class InvalidGenderException extends InvalidIdentityValueException {

    private static final long serialVersionUID = 1L;

    InvalidGenderException(String message) {
        super(message);
    }
}
