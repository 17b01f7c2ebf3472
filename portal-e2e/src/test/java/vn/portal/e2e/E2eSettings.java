package vn.portal.e2e;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The fixed loopback coordinates of one suite run, handed over by failsafe as system properties (pom.xml) so the
 * test JVM, the sandbox it starts and the Payara Micro child process agree on them.
 */
public final class E2eSettings {

    private E2eSettings() {
    }

    public static URI portal() {
        return URI.create("http://localhost:" + required("e2e.http.port"));
    }

    public static int providerPort() {
        return Integer.parseInt(required("e2e.provider.port"));
    }

    /** The sandbox issuer: "localhost" as the portal's PORTAL_OIDC_ISSUER spells it (exact match required). */
    public static URI provider() {
        return URI.create("http://localhost:" + providerPort());
    }

    public static String clientId() {
        return required("e2e.client.id");
    }

    public static String clientSecret() {
        return required("e2e.client.secret");
    }

    /** The portal's H2 file database (AUTO_SERVER), which the admin journeys seed from the test JVM. */
    public static String databaseUrl() {
        return required("e2e.db.url");
    }

    public static Path sandboxDataDir() {
        return Path.of(required("e2e.sandbox.dir"));
    }

    public static Path screenshotDir() {
        return Path.of(required("e2e.screenshot.dir"));
    }

    public static Path chromiumProfileRoot() {
        return Path.of(required("e2e.chromium.profile.dir"));
    }

    public static Path chromium() {
        return Path.of(required("e2e.chromium"));
    }

    public static Path chromedriver() {
        return Path.of(required("e2e.chromedriver"));
    }

    public static Path portalWar() {
        Path war = Path.of(required("e2e.runtime.dir"), "portal-web.war");
        if (!Files.isRegularFile(war)) {
            throw new IllegalStateException(war + " is missing: run the suite through Maven (mvn -pl portal-e2e verify)");
        }
        return war;
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + property + " is not set: run the suite through Maven");
        }
        return value;
    }
}
