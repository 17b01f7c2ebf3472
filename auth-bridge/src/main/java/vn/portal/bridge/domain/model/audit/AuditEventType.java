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
    STAFF_GRANT_REMOVED
}
