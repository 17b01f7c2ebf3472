package vn.portal.bridge.domain.model.matching;

/** Thrown when an account or person record cannot take part in matching, saying which field is wrong. */
public final class InvalidMatchRecordException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    InvalidMatchRecordException(String message) {
        super(message);
    }
}
