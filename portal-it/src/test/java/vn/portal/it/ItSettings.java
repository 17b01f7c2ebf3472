package vn.portal.it;

import java.io.File;
import java.net.URI;

/**
 * The fixed loopback coordinates of one suite run, handed over by failsafe as system properties
 * (pom.xml) so the test JVM and the Payara Micro child process agree on them.
 */
final class ItSettings {

    private ItSettings() {
    }

    static URI portal() {
        return URI.create("http://localhost:" + required("it.http.port"));
    }

    static int providerPort() {
        return Integer.parseInt(required("it.provider.port"));
    }

    static String clientSecret() {
        return required("it.client.secret");
    }

    static URI redirectUri() {
        return portal().resolve("/callback");
    }

    static String databaseUrl() {
        return required("it.db.url");
    }

    static File portalWar() {
        File war = new File(required("it.runtime.dir"), "portal-web.war");
        if (!war.isFile()) {
            throw new IllegalStateException(war + " is missing: run the suite through Maven (mvn -pl portal-it verify)");
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
