package vn.portal.web.security.session;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import vn.portal.bridge.application.AuditLog;
import vn.portal.bridge.application.SessionRegistry;
import vn.portal.bridge.domain.model.audit.AuditEntry;
import vn.portal.bridge.domain.model.audit.AuditEventType;
import vn.portal.bridge.domain.model.session.SessionEndReason;

/**
 * When the container drops an idle HTTP session, the matching {@code portal_session} row is ended too, so the
 * registry never reports a session as active that no browser can use any more. Sessions ended on purpose (logout,
 * back-channel logout) are already ended and are left alone.
 */
@WebListener
public class SessionExpiryListener implements HttpSessionListener {

    @Inject
    SessionRegistry sessions;

    @Inject
    AuditLog auditLog;

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        if (event.getSession().getAttribute(SignedInUser.SESSION_ATTRIBUTE) instanceof SignedInUser user
                && sessions.end(user.sessionKey(), SessionEndReason.IDLE_TIMEOUT)) {
            auditLog.record(AuditEntry.success(AuditEventType.SESSION_EXPIRED)
                    .withActor(user.personalId())
                    .withReason(SessionEndReason.IDLE_TIMEOUT.name()));
        }
    }
}
