package vn.portal.bridge.domain.model.identity;

/**
 * Common parent of the exceptions thrown when raw input cannot become an identity value object, so
 * importers and the sign-in flow can catch "bad identity input" in one place while each subtype still
 * says precisely what was wrong.
 */
public abstract class InvalidIdentityValueException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    protected InvalidIdentityValueException(String message) {
        super(message);
    }
}
