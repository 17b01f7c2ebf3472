package vn.portal.sandbox.keys;

/** The stored signing keys cannot be used, or new ones cannot be made. */
public class KeyStoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public KeyStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
