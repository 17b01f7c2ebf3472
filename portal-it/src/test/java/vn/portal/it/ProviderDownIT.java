package vn.portal.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.portal.it.portal.AuditTrail;
import vn.portal.it.portal.ErrorPage;
import vn.portal.it.portal.PortalBrowser;
import vn.portal.it.portal.SignInAttempt;
import vn.portal.it.provider.HostileProvider;
import vn.portal.it.provider.ProviderCase;
import vn.portal.it.provider.ProviderTraffic.Endpoint;

import java.io.IOException;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal deployed while its provider is unreachable (nothing listens on the discovery port):
 * it must start, explain the outage with a clear page instead of a stack trace, report readiness
 * DOWN (also when it is up but too slow), refuse a discovery document that names another issuer,
 * and recover by itself once the provider is back. (These cases need a portal that has not loaded
 * provider metadata yet, hence their own deployment.)
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProviderDownIT {

    private static HostileProvider provider;

    @Deployment(testable = false)
    static WebArchive portal() {
        return PortalDeployment.rootWar();
    }

    @AfterAll
    static void stopProvider() {
        if (provider != null) {
            provider.close();
        }
    }

    @Test
    @Order(1)
    @DisplayName("provider down: /login shows PROVIDER_UNAVAILABLE with a correlation id, no stack trace, no session")
    void loginExplainsThatTheProviderIsUnavailable() {
        PortalDeployment.requireDeployed();
        PortalBrowser browser = new PortalBrowser(ItSettings.portal());

        HttpResponse<String> login = browser.get("/login");

        ErrorPage page = ErrorPage.of(login);
        String context = "status " + login.statusCode() + ", body: " + login.body();
        // 502/503/504 say "the upstream is the problem"; a 500 would mean the outage escaped as an unhandled error.
        assertThat(page.status()).as("status; " + context).isIn(502, 503, 504);
        assertThat(page.errorCode()).as("data-error-code; " + context).contains("PROVIDER_UNAVAILABLE");
        assertThat(page.correlationId()).as("data-correlation-id; " + context).isPresent();
        assertThat(page.leaksInternals()).as("no stack trace; " + context).isFalse();
        assertThat(browser.me().statusCode()).as("/api/me").isEqualTo(401);
        AuditTrail audit = new AuditTrail(ItSettings.databaseUrl(), "portal", "portal");
        assertThat(audit.byCorrelationId(page.correlationId().orElseThrow()))
                .as("audit rows for the outage, if any, carry the reason")
                .allSatisfy(event -> assertThat(event.reason()).isEqualTo("PROVIDER_UNAVAILABLE"));
    }

    @Test
    @Order(2)
    @DisplayName("provider down: /health/ready is DOWN (503)")
    void readinessIsDownWhileTheProviderIsUnreachable() {
        HttpResponse<String> ready = new PortalBrowser(ItSettings.portal()).get("/health/ready");

        assertThat(ready.statusCode()).as("readiness; body " + ready.body()).isEqualTo(503);
        assertThat(ready.body()).as("readiness body").contains("DOWN");
    }

    @Test
    @Order(3)
    @DisplayName("provider up but slow: discovery past the portal's timeout gives PROVIDER_UNAVAILABLE and readiness DOWN")
    void explainsASlowProviderAndReportsReadinessDown() throws IOException {
        provider = HostileProvider.start(ItSettings.providerPort(), ItSettings.clientSecret(), ItSettings.redirectUri());
        provider.behave(ProviderCase.honest("discovery-stalled").withStalledDiscovery());
        PortalBrowser browser = new PortalBrowser(ItSettings.portal());

        HttpResponse<String> login = browser.get("/login");

        ErrorPage page = ErrorPage.of(login);
        String context = "status " + login.statusCode() + ", body: " + login.body() + "\n" + provider.describe();
        assertThat(page.status()).as("status; " + context).isIn(502, 503, 504);
        assertThat(page.errorCode()).as("data-error-code; " + context).contains("PROVIDER_UNAVAILABLE");
        assertThat(page.leaksInternals()).as("no stack trace; " + context).isFalse();
        HttpResponse<String> ready = browser.get("/health/ready");
        assertThat(ready.statusCode()).as("readiness with a stalled provider; body " + ready.body()).isEqualTo(503);
    }

    @Test
    @Order(4)
    @DisplayName("provider up with another issuer in its discovery document: /login refuses with PROVIDER_METADATA_INVALID")
    void refusesDiscoveryDocumentDeclaringAnotherIssuer() throws IOException {
        if (provider == null) {
            provider = HostileProvider.start(ItSettings.providerPort(), ItSettings.clientSecret(), ItSettings.redirectUri());
        }
        provider.behave(ProviderCase.honest("discovery-issuer-mismatch").advertisingIssuer("http://127.0.0.1:18099"));
        PortalBrowser browser = new PortalBrowser(ItSettings.portal());

        HttpResponse<String> login = browser.get("/login");

        ErrorPage page = ErrorPage.of(login);
        String context = "status " + login.statusCode() + ", body: " + login.body() + "\n" + provider.describe();
        assertThat(login.headers().firstValue("Location").orElse("")).as("no redirect to the provider; " + context)
                .doesNotContain("/authorize");
        // OpenID Connect Discovery 1.0 §4.3: the issuer in the document MUST be identical to the one it was fetched for.
        assertThat(page.errorCode()).as("data-error-code; " + context).contains("PROVIDER_METADATA_INVALID");
        assertThat(page.status()).as("status; " + context).isIn(502, 503);
        assertThat(page.correlationId()).as("data-correlation-id; " + context).isPresent();
        assertThat(page.leaksInternals()).as("no stack trace; " + context).isFalse();
        assertThat(provider.traffic().count(Endpoint.AUTHORIZE)).as("authorize calls").isZero();
    }

    @Test
    @Order(5)
    @DisplayName("provider back: sign-in and readiness recover without restarting the portal")
    void recoversOnceTheProviderIsBack() throws IOException {
        if (provider == null) {
            provider = HostileProvider.start(ItSettings.providerPort(), ItSettings.clientSecret(), ItSettings.redirectUri());
        }
        provider.behave(ProviderCase.honest("provider-back"));
        PortalBrowser browser = new PortalBrowser(ItSettings.portal());

        SignInAttempt attempt = browser.signIn();

        assertThat(attempt.callbackLocation()).as("sign-in after recovery; " + attempt + "\n" + provider.describe())
                .hasValueSatisfying(location -> assertThat(location).endsWith("/dashboard"));
        assertThat(browser.me().statusCode()).as("/api/me after recovery").isEqualTo(200);
        HttpResponse<String> ready = browser.get("/health/ready");
        assertThat(ready.statusCode()).as("readiness after recovery; body " + ready.body()).isEqualTo(200);
    }
}
