package vn.portal.bridge.domain.model.matching;

/** Thrown when a matching model file or a threshold override is not a usable model, naming the bad key. */
public final class InvalidMatchingModelException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    InvalidMatchingModelException(String message) {
        super(message);
    }

    InvalidMatchingModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
