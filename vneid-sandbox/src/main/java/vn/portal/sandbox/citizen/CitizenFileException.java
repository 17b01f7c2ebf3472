package vn.portal.sandbox.citizen;

/** The citizens CSV cannot be used; the message names the source, the line and, when known, the field. */
public class CitizenFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final long line;
    private final String field;

    public CitizenFileException(String source, long line, String field, String problem, Throwable cause) {
        super(source + (line > 0 ? " line " + line : "") + (field != null ? ", field '" + field + "'" : "")
                + ": " + problem, cause);
        this.source = source;
        this.line = line;
        this.field = field;
    }

    public String source() {
        return source;
    }

    /** One-based physical line in the file, 0 when the problem concerns the whole file. */
    public long line() {
        return line;
    }

    /** Column name, or {@code null} when the problem is not about one field. */
    public String field() {
        return field;
    }
}
