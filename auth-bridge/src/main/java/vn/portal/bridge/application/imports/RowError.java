package vn.portal.bridge.application.imports;

import java.util.List;
import java.util.Objects;

/**
 * One rejected row: where it is (file, 1-based physical line where the record starts, column name, or
 * {@code null} when the whole row is wrong) and why: in English words an agency's data officer can act on
 * ({@link #reason}, what the CLI and logs show) and as a {@link RowErrorCode} with its arguments, which a user
 * interface words in its own language. {@code code} is null only for errors stored before codes existed.
 */
public record RowError(String file, long line, String column, String reason, RowErrorCode code, List<String> arguments) {

    public RowError {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(reason, "reason");
        if (line < 1) {
            throw new IllegalArgumentException("line must be 1 or more but is " + line);
        }
        arguments = List.copyOf(arguments);
        if (code == null ? !arguments.isEmpty() : arguments.size() != code.arity()) {
            throw new IllegalArgumentException("row error " + code + " takes " + (code == null ? 0 : code.arity())
                    + " arguments but has " + arguments.size());
        }
    }

    /** An error with a code; {@code arguments} as {@link RowErrorCode} lists them. */
    public RowError(String file, long line, String column, String reason, RowErrorCode code, String... arguments) {
        this(file, line, column, reason, Objects.requireNonNull(code, "code"), List.of(arguments));
    }

    /** An error stored before codes existed: only its English text is known. */
    public RowError(String file, long line, String column, String reason) {
        this(file, line, column, reason, null, List.of());
    }

    /** {@code accounts-BTP.csv:17: birth_date: '31/02/1990' is not a date} */
    @Override
    public String toString() {
        return file + ":" + line + ": " + (column == null ? "" : column + ": ") + reason;
    }
}
