package vn.portal.bridge.domain.model.audit;

/** Whether the audited action succeeded. */
public enum AuditOutcome {
    SUCCESS,
    FAILURE
}
