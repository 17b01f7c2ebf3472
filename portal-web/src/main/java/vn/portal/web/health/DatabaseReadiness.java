package vn.portal.web.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import vn.portal.bridge.infrastructure.persistence.PortalDatabase;

import java.time.Duration;

/** Ready only while the portal database answers and holds the migrated schema. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    @Inject
    PortalDatabase database;

    @Override
    public HealthCheckResponse call() {
        try {
            database.checkReady(TIMEOUT);
            return HealthCheckResponse.named("database").withData("url", database.settings().redactedUrl()).up().build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("database").withData("error", e.getMessage()).down().build();
        }
    }
}
