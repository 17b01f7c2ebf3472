package vn.portal.bridge.domain.model.identity;

/** Thrown when a number or text does not denote a VNeID assurance level (1 or 2). */
public final class InvalidAssuranceLevelException extends InvalidIdentityValueException {

    private static final long serialVersionUID = 1L;

    InvalidAssuranceLevelException(String message) {
        super(message);
    }
}
