package vn.portal.interop;

import java.io.File;
import java.net.URI;

/**
 * The fixed loopback coordinates of one run, handed over by failsafe as system properties (pom.xml), so the test
 * JVM, the in-process provider and the Payara Micro child process agree on them.
 */
final class InteropSettings {

    private InteropSettings() {
    }

    static URI portal() {
        return URI.create("http://localhost:" + required("interop.http.port"));
    }

    static int providerPort() {
        return Integer.parseInt(required("interop.provider.port"));
    }

    /** The path segment mock-oauth2-server puts in front of every endpoint of one issuer. */
    static String issuerId() {
        return required("interop.issuer.id");
    }

    static String clientId() {
        return required("interop.client.id");
    }

    static String clientSecret() {
        return required("interop.client.secret");
    }

    static File portalWar() {
        File war = new File(required("interop.runtime.dir"), "portal-web.war");
        if (!war.isFile()) {
            throw new IllegalStateException(war + " is missing: run the suite through Maven (mvn -pl portal-interop verify)");
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
