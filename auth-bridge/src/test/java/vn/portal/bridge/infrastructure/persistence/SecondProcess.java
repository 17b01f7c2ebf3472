package vn.portal.bridge.infrastructure.persistence;

import java.time.Clock;

import vn.portal.bridge.application.AuditLog;
import vn.portal.bridge.domain.model.audit.AuditEntry;
import vn.portal.bridge.domain.model.audit.AuditEventType;

/**
 * Run in its own JVM by {@link CrossProcessDatabaseTest}, playing the CLI that opens the portal's H2 file
 * while the portal holds it: migrates (nothing to do), appends audit events, exits.
 */
public final class SecondProcess {

    private SecondProcess() {
    }

    public static void main(String[] args) {
        DatabaseSettings settings = DatabaseSettings.defaults().withUrl(args[0]).withPool(1, 2);
        int events = Integer.parseInt(args[1]);
        try (PortalDatabase database = PortalDatabase.open(settings, true)) {
            AuditLog log = new BridgeServices(database.entityManagerFactory(), Clock.systemUTC()).auditLog();
            for (int i = 0; i < events; i++) {
                log.record(AuditEntry.success(AuditEventType.STAFF_GRANT_ADDED).withActor("second-process")
                        .withCorrelationId("second-process-" + i));
            }
        }
        System.out.println("DONE");
    }
}
