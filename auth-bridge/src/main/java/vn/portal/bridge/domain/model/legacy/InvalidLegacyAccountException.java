package vn.portal.bridge.domain.model.legacy;

/**
 * Thrown when a legacy account cannot be built from the values given, naming the field so an importer can
 * report the file column. Values that are merely unusable for linking (an unparseable name, phone or id
 * number) are not errors: they are kept raw and classified instead.
 */
public final class InvalidLegacyAccountException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** The offending field, named after the column of the accounts file where there is one. */
    public enum Field {
        AGENCY_CODE,
        ACCOUNT_ID,
        USERNAME,
        FULL_NAME,
        BIRTH_DATE,
        ID_NUMBER,
        PHONE,
        EMAIL,
        PASSWORD_HASH,
        CREATED_AT,
        LAST_LOGIN_AT,
        STATUS,
        SOURCE,
        UNLINKABLE_REASON
    }

    private final Field field;

    public InvalidLegacyAccountException(Field field, String message) {
        super(message);
        this.field = field;
    }

    public Field field() {
        return field;
    }
}
