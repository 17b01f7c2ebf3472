package vn.portal.bridge.domain.model.audit;

/** What happened. Stored by name, so names must never be changed once released. */
public enum AuditEventType {
    SIGN_IN_SUCCEEDED,
    SIGN_IN_REJECTED,
    SIGNED_OUT,
    BACKCHANNEL_LOGOUT_ACCEPTED,
    BACKCHANNEL_LOGOUT_REJECTED,
    STEP_UP_REQUESTED,
    STEP_UP_REFUSED,
    ACCESS_DENIED,
    IDENTITY_INCONSISTENT,
    SESSION_EXPIRED,
    STAFF_GRANT_ADDED,
    STAFF_GRANT_REMOVED,
    /** The linking engine tied a legacy account to a person automatically (target: the account). */
    LINK_CREATED,
    /** The linking engine queued a legacy account for a reviewer (target: the account). */
    LINK_REVIEW_OPENED,
    /** One chunk of a linking run: counts per outcome and a digest of every decision written. */
    LINK_BATCH,
    /** One file of agencies, services, population records or legacy accounts imported (target: import/&lt;kind&gt;; details: file, encoding, counts). */
    LEGACY_DATA_IMPORTED,
    /** A citizen proved a legacy account's old password and it was linked to them (target: the account). */
    LEGACY_CLAIM_SUCCEEDED,
    /** A claim failed: wrong password, locked, no usable hash (reason says which; target: the account). */
    LEGACY_CLAIM_FAILED,
    /** The fifth wrong password locked the claim of that account by that citizen for 15 minutes. */
    LEGACY_CLAIM_LOCKED,
    /** A citizen disputed a link to them; it is DISPUTED and waits for a reviewer (target: the link). */
    LINK_DISPUTED,
    /** A self-linking request named an account or link the citizen may not see (changed id); refused. */
    SELF_LINK_DENIED,
    /** A reviewer resolved a review item by linking or rejecting (reason: RESOLVED_LINKED or RESOLVED_REJECTED). */
    REVIEW_RESOLVED,
    /** An uploaded file's import was started in the background (target: import/&lt;kind&gt;; correlation: the import's id). Its end is LEGACY_DATA_IMPORTED. */
    LEGACY_IMPORT_STARTED,
    /** An upload was refused because the same kind and file name is being imported (reason: ALREADY_RUNNING). */
    LEGACY_IMPORT_REFUSED,
    /** A background import broke off with an error other than a refused file (reason: UNEXPECTED_ERROR, NOT_SCHEDULED). */
    LEGACY_IMPORT_FAILED,
    /** A background import's node stopped before it ended (reason: NODE_RESTARTED or NO_HEARTBEAT). */
    LEGACY_IMPORT_INTERRUPTED
}
