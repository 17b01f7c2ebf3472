package vn.portal.bridge.domain.model.legacy;

/** What the free-text id number column of a legacy account turned out to hold. */
public enum IdNumberKind {
    /** A valid 12-digit personal ID (also the 12-digit CMND issued since 2012, which uses the same layout). */
    PERSONAL_ID,
    /** A 9-digit old identity card (CMND) number; it names a person only through the population register. */
    OLD_ID_CARD,
    /** A passport number (Vietnamese: one letter and seven digits; foreign: 6-9 letters and digits). */
    PASSPORT,
    /** Something was typed but it is none of the above (wrong length, unknown province, letters in a number). */
    INVALID,
    /** The column was empty. */
    MISSING
}
