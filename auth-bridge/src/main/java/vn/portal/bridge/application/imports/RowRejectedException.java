package vn.portal.bridge.application.imports;

import java.util.List;

/** A field of one row is wrong; the importer turns it into a {@link RowError} and goes on with the next row. */
final class RowRejectedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String column;
    private final RowErrorCode code;
    private final List<String> arguments;

    /**
     * @param reason the English wording, for the CLI and logs
     * @param arguments as {@link RowErrorCode} lists them for {@code code}
     */
    RowRejectedException(String column, RowErrorCode code, String reason, String... arguments) {
        super(reason, null, false, false);
        if (arguments.length != code.arity()) {
            throw new IllegalArgumentException(code + " takes " + code.arity() + " arguments but has " + arguments.length);
        }
        this.column = column;
        this.code = code;
        this.arguments = List.of(arguments);
    }

    String column() {
        return column;
    }

    RowErrorCode code() {
        return code;
    }

    List<String> arguments() {
        return arguments;
    }
}
