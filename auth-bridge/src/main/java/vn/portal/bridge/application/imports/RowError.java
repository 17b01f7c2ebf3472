package vn.portal.bridge.application.imports;

import java.util.Objects;

/**
 * One rejected row: where it is (file, 1-based physical line where the record starts, column name, or
 * {@code null} when the whole row is wrong) and why, in words an agency's data officer can act on.
 */
public record RowError(String file, long line, String column, String reason) {

    public RowError {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(reason, "reason");
        if (line < 1) {
            throw new IllegalArgumentException("line must be 1 or more but is " + line);
        }
    }

    /** {@code accounts-BTP.csv:17: birth_date: '31/02/1990' is not a date} */
    @Override
    public String toString() {
        return file + ":" + line + ": " + (column == null ? "" : column + ": ") + reason;
    }
}
