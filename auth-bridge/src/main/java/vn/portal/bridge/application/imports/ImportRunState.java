package vn.portal.bridge.application.imports;

/** Where a background import stands. Stored by name in {@code import_run.state}. */
public enum ImportRunState {
    /** Started and not yet ended; its node reports progress. */
    RUNNING,
    /** Every row was read: the counts and the first row errors are final. */
    FINISHED,
    /** The file as a whole was refused (nothing written) or the import broke off with an error. */
    FAILED,
    /** Its node stopped or went silent before the import ended; rows already stored stay stored. */
    INTERRUPTED
}
