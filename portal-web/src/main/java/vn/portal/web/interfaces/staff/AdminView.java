package vn.portal.web.interfaces.staff;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import vn.portal.bridge.application.AuditLog;
import vn.portal.bridge.application.ChainVerification;
import vn.portal.bridge.domain.model.audit.AuditEvent;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * {@code /admin/}: what an administrator checks first: the latest security decisions and whether the audit log's
 * hash chain is still intact.
 */
@Named
@RequestScoped
public class AdminView {

    /** Audit times are shown in Vietnam's time zone; they are stored in UTC. */
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final int RECENT = 200;

    @Inject
    AuditLog auditLog;

    /** One audit event as the table shows it. */
    public record AuditRow(long id, ZonedDateTime occurredAt, String type, String outcome, String actor,
                           String reason, String correlationId, String details) {
    }

    private List<AuditRow> events;
    private ChainVerification verification;

    public List<AuditRow> getEvents() {
        if (events == null) {
            events = auditLog.recent(RECENT).stream().map(AdminView::row).toList();
        }
        return events;
    }

    public ChainVerification getVerification() {
        if (verification == null) {
            verification = auditLog.verify();
        }
        return verification;
    }

    public String getBrokenAt() {
        return getVerification().firstBrokenEventId().map(String::valueOf).orElse("");
    }

    public String getProblem() {
        return getVerification().problem().orElse("");
    }

    private static AuditRow row(AuditEvent event) {
        return new AuditRow(event.id(), event.occurredAt().atZone(VIETNAM), event.type().name(), event.outcome().name(),
                event.actor().orElse(""), event.reason().orElse(""), event.correlationId().orElse(""),
                event.details().orElse(""));
    }
}
