package vn.portal.web.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import vn.portal.web.security.oidc.OidcSettings;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Ready only while the provider's discovery document answers: without it nobody can sign in, so a load balancer
 * should send citizens elsewhere (or to a maintenance page).
 */
@Readiness
@ApplicationScoped
public class ProviderReadiness implements HealthCheck {

    @Inject
    OidcSettings settings;

    private HttpClient http;

    @jakarta.annotation.PostConstruct
    void init() {
        http = HttpClient.newBuilder().connectTimeout(settings.httpTimeout()).build();
    }

    @Override
    public HealthCheckResponse call() {
        URI discovery = settings.discoveryUri();
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(discovery).timeout(settings.httpTimeout()).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return HealthCheckResponse.named("oidc-provider")
                    .withData("discovery", discovery.toString())
                    .withData("status", response.statusCode())
                    .status(response.statusCode() == 200)
                    .build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return HealthCheckResponse.named("oidc-provider").withData("error", "interrupted").down().build();
        } catch (Exception e) {
            return HealthCheckResponse.named("oidc-provider")
                    .withData("discovery", discovery.toString())
                    .withData("error", e.getClass().getSimpleName() + ": " + e.getMessage())
                    .down()
                    .build();
        }
    }
}
