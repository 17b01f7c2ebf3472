package vn.portal.web.infrastructure;

import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.portal.bridge.application.AuditLog;
import vn.portal.bridge.domain.model.audit.AuditEntry;
import vn.portal.bridge.domain.model.audit.AuditEventType;
import vn.portal.web.security.session.SignedInUser;

/**
 * The web layer's security decisions, each written to the hash-chained audit log with one vocabulary. Actors are
 * personal IDs (the audit log is where they may be looked up); tokens never appear.
 */
@ApplicationScoped
public class PortalAudit {

    @Inject
    AuditLog log;

    protected PortalAudit() {
        // for CDI's client proxy
    }

    /** For callers outside a container (tests): the same vocabulary over an explicitly given log. */
    public PortalAudit(AuditLog log) {
        this.log = Objects.requireNonNull(log, "log");
    }

    public void signInRejected(String actor, String code, String message, String correlationId) {
        log.record(AuditEntry.failure(AuditEventType.SIGN_IN_REJECTED, code)
                .withActor(actor)
                .withCorrelationId(correlationId)
                .withDetails(message));
    }

    public void stepUpRequested(SignedInUser user, String serviceCode) {
        log.record(AuditEntry.success(AuditEventType.STEP_UP_REQUESTED)
                .withActor(user.personalId())
                .withTarget("public_service/" + serviceCode));
    }

    public void stepUpRefused(String actor, String message, String correlationId) {
        log.record(AuditEntry.failure(AuditEventType.STEP_UP_REFUSED, "STEP_UP_REFUSED")
                .withActor(actor)
                .withCorrelationId(correlationId)
                .withDetails(message));
    }

    public void signedOut(SignedInUser user, String reason) {
        log.record(AuditEntry.success(AuditEventType.SIGNED_OUT)
                .withActor(user.personalId())
                .withReason(reason));
    }

    public void backChannelLogoutAccepted(String subject, String sid, int sessionsEnded, String correlationId) {
        log.record(AuditEntry.success(AuditEventType.BACKCHANNEL_LOGOUT_ACCEPTED)
                .withActor("provider")
                .withTarget(sid != null ? "sid/" + sid : "sub/" + subject)
                .withCorrelationId(correlationId)
                .withDetails(sessionsEnded + " session(s) ended"));
    }

    public void backChannelLogoutRejected(String message, String correlationId) {
        log.record(AuditEntry.failure(AuditEventType.BACKCHANNEL_LOGOUT_REJECTED, "LOGOUT_TOKEN_INVALID")
                .withActor("provider")
                .withCorrelationId(correlationId)
                .withDetails(message));
    }

    /**
     * A state-changing form of a signed-in user came without the session's CSRF token (forged, or another site's).
     * {@code details} says what was wrong with the field, never the token itself.
     */
    public void csrfRefused(SignedInUser user, String form, String correlationId, String details) {
        log.record(AuditEntry.failure(AuditEventType.ACCESS_DENIED, "CSRF_TOKEN_INVALID")
                .withActor(user.personalId())
                .withTarget(form)
                .withCorrelationId(correlationId)
                .withDetails(details));
    }

    public void accessDenied(SignedInUser user, String path) {
        log.record(AuditEntry.failure(AuditEventType.ACCESS_DENIED, "ROLE_MISSING")
                .withActor(user.personalId())
                .withTarget(path));
    }
}
