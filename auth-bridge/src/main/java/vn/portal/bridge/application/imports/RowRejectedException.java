package vn.portal.bridge.application.imports;

/** A field of one row is wrong; the importer turns it into a {@link RowError} and goes on with the next row. */
final class RowRejectedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String column;

    RowRejectedException(String column, String reason) {
        super(reason, null, false, false);
        this.column = column;
    }

    String column() {
        return column;
    }
}
