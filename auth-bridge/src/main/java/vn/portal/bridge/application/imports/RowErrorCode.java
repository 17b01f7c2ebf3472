package vn.portal.bridge.application.imports;

/**
 * Why a row was rejected, as a stable code a user interface can word in its own language; the arguments each code
 * carries are listed in order. The English {@link RowError#reason()} stays the wording for the CLI and logs.
 * Codes are stored with the first errors of an import, so a code is never renamed or removed, only added.
 */
public enum RowErrorCode {

    /** The column is empty but required. No arguments. */
    EMPTY(0),
    /** The row has another number of fields than the header: actual, expected. */
    WRONG_COLUMN_COUNT(2),
    /** The rest of the file could not be decoded or parsed as CSV from this row on: encoding name, byte offset (or "" when not a decoding problem). */
    UNREADABLE_REST(2),
    /** Not a date: value, accepted formats. */
    BAD_DATE(2),
    /** A slashed date that looks like month/day/year: value, month. */
    DATE_MONTH_FIRST(2),
    /** A date outside 1880..today: value. */
    IMPLAUSIBLE_BIRTH_DATE(1),
    /** Not a timestamp: value, accepted formats. */
    BAD_TIMESTAMP(2),
    /** Not a gender: value. */
    BAD_GENDER(1),
    /** Not a true/false flag: value. */
    BAD_FLAG(1),
    /** A code longer than allowed: value, maximum length. */
    CODE_TOO_LONG(2),
    /** A code containing white space: value. */
    CODE_HAS_SPACE(1),
    /** A text longer than the column holds: length, maximum length. */
    TEXT_TOO_LONG(2),
    /** An agency kind other than MINISTRY or PROVINCE: value. */
    UNKNOWN_AGENCY_KIND(1),
    /** An agency naming itself as parent: agency code. */
    OWN_PARENT(1),
    /** A parent agency not imported (yet): parent code. */
    UNKNOWN_PARENT_AGENCY(1),
    /** An agency not imported (yet): agency code. */
    UNKNOWN_AGENCY(1),
    /** Not an assurance level: value. */
    BAD_ASSURANCE_LEVEL(1),
    /** integrated_on empty although vneid_integrated is true. No arguments. */
    INTEGRATION_DATE_MISSING(0),
    /** integrated_on set although vneid_integrated is false. No arguments. */
    INTEGRATION_DATE_UNEXPECTED(0),
    /** A password hash the credential code cannot read. No arguments: a hash is never echoed. */
    UNPARSEABLE_HASH(0),
    /** A legacy account status other than ACTIVE, LOCKED or CLOSED: value. */
    BAD_ACCOUNT_STATUS(1),
    /** Not a 12-digit personal ID: value. */
    BAD_PERSONAL_ID(1),
    /** Not a 9-digit old ID card number: value. */
    BAD_OLD_ID_NUMBER(1),
    /** Not a Vietnamese personal name. No arguments (the English reason says what is wrong). */
    BAD_NAME(0),
    /** Not a Vietnamese phone number: value. */
    BAD_PHONE(1),
    /** Birth year or gender contradict the personal ID. No arguments. */
    INCONSISTENT_IDENTITY(0),
    /** The row was refused for a reason without a code of its own (a constraint of the store, say): the English detail. */
    OTHER(1);

    private final int arity;

    RowErrorCode(int arity) {
        this.arity = arity;
    }

    /** How many arguments an error with this code carries. */
    public int arity() {
        return arity;
    }
}
