package vn.portal.sandbox.http;

/** The request is malformed at the HTTP level (too large, wrong content type, duplicated parameter). */
public class BadRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    public BadRequestException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** The HTTP status to answer with (400, 413, 414 or 415). */
    public int status() {
        return status;
    }
}
