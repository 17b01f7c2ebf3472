package vn.portal.web.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import vn.portal.bridge.domain.model.identity.AssuranceLevel;
import vn.portal.bridge.infrastructure.persistence.DatabaseSettings;
import vn.portal.web.security.oidc.OidcSettings;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads the portal's configuration once, from MicroProfile Config (environment variables in upper case, system
 * properties, {@code META-INF/microprofile-config.properties} for defaults). The keys are documented in the README;
 * every value has a safe development default except secrets.
 */
@ApplicationScoped
public class PortalConfiguration {

    private final Config config = ConfigProvider.getConfig();
    private OidcSettings oidc;

    public URI baseUri() {
        String base = string("PORTAL_BASE_URL", "http://localhost:8080");
        return URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
    }

    /** Dependent-scoped (a record cannot be proxied), but built once: configuration is read at first use. */
    @Produces
    public synchronized OidcSettings oidcSettings() {
        if (oidc == null) {
            oidc = readOidcSettings();
        }
        return oidc;
    }

    private OidcSettings readOidcSettings() {
        URI discovery = URI.create(string("PORTAL_OIDC_DISCOVERY_URI", "http://localhost:9080/.well-known/openid-configuration"));
        String issuer = optional("PORTAL_OIDC_ISSUER").orElse(OidcSettings.issuerOf(discovery));
        Path keyFile = optional("PORTAL_OIDC_CLIENT_KEY_FILE").map(Path::of).orElse(null);
        Set<String> trusted = optional("PORTAL_OIDC_TRUSTED_AUDIENCES")
                .map(v -> Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet()))
                .orElse(Set.of());
        return new OidcSettings(
                discovery,
                issuer,
                string("PORTAL_OIDC_CLIENT_ID", "vneid-portal"),
                optional("PORTAL_OIDC_CLIENT_SECRET").orElse(null),
                string("PORTAL_OIDC_CLIENT_AUTH", OidcSettings.CLIENT_SECRET_BASIC),
                keyFile,
                URI.create(baseUri() + "/callback"),
                URI.create(baseUri() + "/"),
                trusted,
                new OidcSettings.ClaimNames(
                        string("PORTAL_OIDC_CLAIM_PID", "citizenPid"),
                        string("PORTAL_OIDC_CLAIM_NAME", "fullName"),
                        string("PORTAL_OIDC_CLAIM_BIRTHDATE", "birthDate"),
                        string("PORTAL_OIDC_CLAIM_GENDER", "gender"),
                        string("PORTAL_OIDC_CLAIM_LEVEL", "accountLevel")),
                acrValues(),
                Duration.ofMillis(integer("PORTAL_OIDC_HTTP_TIMEOUT_MS", 3000)),
                Duration.ofSeconds(integer("PORTAL_OIDC_JWKS_MIN_REFRESH_SECONDS", 30)),
                Duration.ofSeconds(integer("PORTAL_OIDC_METADATA_REFRESH_SECONDS", 300)),
                Duration.ofSeconds(integer("PORTAL_OIDC_MAX_CLOCK_SKEW_SECONDS", 120)));
    }

    /** {@code PORTAL_OIDC_ACR_LEVEL_1}, {@code PORTAL_OIDC_ACR_LEVEL_2}: a provider's own words for the levels. */
    private Map<AssuranceLevel, String> acrValues() {
        Map<AssuranceLevel, String> values = new EnumMap<>(AssuranceLevel.class);
        for (AssuranceLevel level : AssuranceLevel.values()) {
            optional("PORTAL_OIDC_ACR_LEVEL_" + level.number()).ifPresent(acr -> values.put(level, acr));
        }
        return values;
    }

    public Duration sessionIdleTimeout() {
        return Duration.ofMinutes(integer("PORTAL_SESSION_IDLE_MINUTES", 15));
    }

    /** {@code PORTAL_DB_*}; the auth bridge owns the defaults (embedded H2 under ./data in Oracle mode). */
    public DatabaseSettings databaseSettings() {
        return DatabaseSettings.fromConfig(this::optional);
    }

    public boolean demoData() {
        return Boolean.parseBoolean(string("PORTAL_DEMO_DATA", "false"));
    }

    /**
     * This node's name, stored with each background import it runs so that, restarted, it can tell which RUNNING
     * imports died with it: {@code PORTAL_NODE_NAME}, by default the host name and the Payara instance name.
     */
    public String nodeName() {
        return optional("PORTAL_NODE_NAME").orElseGet(() -> {
            String host;
            try {
                host = java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.net.UnknownHostException e) {
                host = "localhost";
            }
            return host + "/" + System.getProperty("com.sun.aas.instanceName", "portal");
        });
    }

    private String string(String key, String defaultValue) {
        return optional(key).orElse(defaultValue);
    }

    private Optional<String> optional(String key) {
        return config.getOptionalValue(key, String.class).map(String::trim).filter(s -> !s.isEmpty());
    }

    private int integer(String key, int defaultValue) {
        String value = string(key, Integer.toString(defaultValue));
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, not '" + value + "'", e);
        }
    }
}
