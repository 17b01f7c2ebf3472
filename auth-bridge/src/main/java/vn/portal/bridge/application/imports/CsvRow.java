package vn.portal.bridge.application.imports;

import java.util.Map;

import org.apache.commons.csv.CSVRecord;

/** One data row, read by column name; values are trimmed and blank values are null. */
final class CsvRow {

    private final CSVRecord record;
    private final Map<String, Integer> columns;
    private final long line;

    CsvRow(CSVRecord record, Map<String, Integer> columns, long line) {
        this.record = record;
        this.columns = columns;
        this.line = line;
    }

    /** The trimmed value of {@code column} (a documented lower-case name), or null when blank. */
    String get(String column) {
        Integer index = columns.get(column);
        if (index == null) {
            throw new IllegalArgumentException("no column " + column);
        }
        String value = record.get(index).strip();
        return value.isEmpty() ? null : value;
    }

    long line() {
        return line;
    }
}
