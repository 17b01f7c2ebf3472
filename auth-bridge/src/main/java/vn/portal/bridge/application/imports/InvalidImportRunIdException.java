package vn.portal.bridge.application.imports;

/** A text that is not an import id (22 base64url characters): a mistyped or tampered status-page address. */
public final class InvalidImportRunIdException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;
    private static final int MAX_SHOWN = 40;

    public InvalidImportRunIdException(String value) {
        super(value == null ? "no import id given" : "not an import id (22 base64url characters): '"
                + (value.length() > MAX_SHOWN ? value.substring(0, MAX_SHOWN) + "…" : value) + "'");
    }
}
