package vn.portal.sandbox.citizen;

/** One field of a demo citizen is invalid. */
public class InvalidCitizenException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public InvalidCitizenException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
    }

    /** The CSV column name of the offending field, e.g. {@code birth_date}. */
    public String field() {
        return field;
    }
}
