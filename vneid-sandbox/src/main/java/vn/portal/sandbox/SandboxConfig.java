package vn.portal.sandbox;

import com.nimbusds.jose.JWSAlgorithm;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * Everything a sandbox instance needs to know, validated on construction.
 *
 * <p>Each key can come from an environment variable ({@code SANDBOX_PORT}) or from a Java system property of the
 * lower-case dotted form ({@code sandbox.port}); the system property wins because it is the more deliberate,
 * per-process choice. Tests build instances directly with {@link #builder()}.
 *
 * @param port                   TCP port; 0 picks a free one
 * @param bindAddress            host or address to listen on (loopback by default)
 * @param issuer                 issuer URL, or {@code null} for {@code http://localhost:<actual port>}
 * @param dataDir                where generated signing keys and the client secret are kept
 * @param citizensFile           CSV of demo citizens, or {@code null} for the bundled {@code sandbox-citizens.csv}
 * @param clientId               the registered client
 * @param clientSecret           its secret, or {@code null} to generate one into {@code dataDir/client-secret}
 * @param redirectUris           exact redirect URIs the client may use
 * @param postLogoutRedirectUris exact post-logout redirect URIs the client may use
 * @param backchannelLogoutUri   where logout tokens are posted, or {@code null} for none
 * @param clientJwksUri          client public keys for private_key_jwt, by URL (or {@code null})
 * @param clientJwksFile         client public keys for private_key_jwt, as a JWK set file (or {@code null})
 * @param otp                    one-time code the picker asks for, or {@code null} for no OTP step
 * @param idTokenAlgorithm       RS256 or ES256
 * @param acrEnforced            true (default): {@code acr_values} is binding, level-1 citizens cannot be chosen when
 *                               level 2 is asked for; false: it is a voluntary request as in OpenID Connect Core 1.0
 *                               §3.1.2.1, so a relying party's handling of a too-low {@code acr} can be tested
 * @param threads                size of the request thread pool
 * @param clock                  time source (tests substitute a fixed or movable clock)
 */
public record SandboxConfig(
        int port,
        String bindAddress,
        URI issuer,
        Path dataDir,
        Path citizensFile,
        String clientId,
        String clientSecret,
        List<URI> redirectUris,
        List<URI> postLogoutRedirectUris,
        URI backchannelLogoutUri,
        URI clientJwksUri,
        Path clientJwksFile,
        String otp,
        JWSAlgorithm idTokenAlgorithm,
        boolean acrEnforced,
        int threads,
        Clock clock) {

    public static final int DEFAULT_PORT = 9080;
    public static final String DEFAULT_BIND = "127.0.0.1";
    public static final String DEFAULT_DATA_DIR = "./data/sandbox";
    public static final String DEFAULT_CLIENT_ID = "vneid-portal";
    public static final String DEFAULT_REDIRECT_URI = "http://localhost:8080/callback";
    public static final String DEFAULT_POST_LOGOUT_REDIRECT_URI = "http://localhost:8080/";
    public static final String DEFAULT_BACKCHANNEL_LOGOUT_URI = "http://localhost:8080/backchannel-logout";

    public SandboxConfig {
        if (port < 0 || port > 65_535) {
            throw new SandboxConfigException("SANDBOX_PORT", "must be between 0 and 65535, was " + port);
        }
        requireText("SANDBOX_BIND", bindAddress);
        if (issuer != null) {
            issuer = validIssuer(issuer);
        }
        Objects.requireNonNull(dataDir, "dataDir");
        requireText("SANDBOX_CLIENT_ID", clientId);
        if (clientSecret != null && clientSecret.length() < 16) {
            // RFC 6749 §10.10: credentials must resist guessing; a short secret would teach bad habits even here.
            throw new SandboxConfigException("SANDBOX_CLIENT_SECRET", "must be at least 16 characters long");
        }
        redirectUris = absoluteUris("SANDBOX_REDIRECT_URIS", redirectUris, false);
        if (redirectUris.isEmpty()) {
            throw new SandboxConfigException("SANDBOX_REDIRECT_URIS", "must list at least one redirect URI");
        }
        postLogoutRedirectUris = absoluteUris("SANDBOX_POST_LOGOUT_REDIRECT_URIS", postLogoutRedirectUris, true);
        if (backchannelLogoutUri != null) {
            absoluteUris("SANDBOX_BACKCHANNEL_LOGOUT_URI", List.of(backchannelLogoutUri), true);
        }
        if (clientJwksUri != null) {
            absoluteUris("SANDBOX_CLIENT_JWKS_URI", List.of(clientJwksUri), true);
        }
        if (clientJwksUri != null && clientJwksFile != null) {
            throw new SandboxConfigException("SANDBOX_CLIENT_JWKS_URI",
                    "give either SANDBOX_CLIENT_JWKS_URI or SANDBOX_CLIENT_JWKS_FILE, not both");
        }
        if (otp != null && !otp.matches("\\d{4,10}")) {
            throw new SandboxConfigException("SANDBOX_OTP", "must be 4 to 10 digits");
        }
        if (!JWSAlgorithm.RS256.equals(idTokenAlgorithm) && !JWSAlgorithm.ES256.equals(idTokenAlgorithm)) {
            throw new SandboxConfigException("SANDBOX_ID_TOKEN_ALG", "must be RS256 or ES256, was " + idTokenAlgorithm);
        }
        if (threads < 1 || threads > 512) {
            throw new SandboxConfigException("SANDBOX_THREADS", "must be between 1 and 512, was " + threads);
        }
        Objects.requireNonNull(clock, "clock");
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Reads the process environment and system properties. */
    public static SandboxConfig fromEnvironment() {
        return fromSources(System.getenv(), System.getProperties());
    }

    /**
     * Reads configuration from the given sources, so the lookup rules can be tested without touching the process.
     *
     * @throws SandboxConfigException naming the key when a value is malformed
     */
    public static SandboxConfig fromSources(Map<String, String> env, Properties properties) {
        Lookup lookup = new Lookup(env, properties);
        Builder b = builder();
        lookup.get("SANDBOX_PORT").ifPresent(v -> b.port(parseInt("SANDBOX_PORT", v)));
        lookup.get("SANDBOX_BIND").ifPresent(b::bindAddress);
        lookup.get("SANDBOX_ISSUER").ifPresent(v -> b.issuer(parseUri("SANDBOX_ISSUER", v)));
        lookup.get("SANDBOX_DATA_DIR").ifPresent(v -> b.dataDir(Path.of(v)));
        lookup.get("SANDBOX_CITIZENS").ifPresent(v -> b.citizensFile(Path.of(v)));
        lookup.get("SANDBOX_CLIENT_ID").ifPresent(b::clientId);
        lookup.get("SANDBOX_CLIENT_SECRET").ifPresent(b::clientSecret);
        lookup.get("SANDBOX_REDIRECT_URIS").ifPresent(v -> b.redirectUris(parseUriList("SANDBOX_REDIRECT_URIS", v)));
        lookup.get("SANDBOX_POST_LOGOUT_REDIRECT_URIS").ifPresent(
                v -> b.postLogoutRedirectUris(parseUriList("SANDBOX_POST_LOGOUT_REDIRECT_URIS", v)));
        lookup.raw("SANDBOX_BACKCHANNEL_LOGOUT_URI").ifPresent(v -> b.backchannelLogoutUri(
                v.isBlank() ? null : parseUri("SANDBOX_BACKCHANNEL_LOGOUT_URI", v.trim())));
        lookup.get("SANDBOX_CLIENT_JWKS_URI").ifPresent(v -> b.clientJwksUri(parseUri("SANDBOX_CLIENT_JWKS_URI", v)));
        lookup.get("SANDBOX_CLIENT_JWKS_FILE").ifPresent(v -> b.clientJwksFile(Path.of(v)));
        lookup.get("SANDBOX_OTP").ifPresent(b::otp);
        lookup.get("SANDBOX_ID_TOKEN_ALG").ifPresent(v -> b.idTokenAlgorithm(JWSAlgorithm.parse(v.toUpperCase(Locale.ROOT))));
        lookup.get("SANDBOX_ACR_MODE").ifPresent(v -> b.acrEnforced(parseAcrMode(v)));
        lookup.get("SANDBOX_THREADS").ifPresent(v -> b.threads(parseInt("SANDBOX_THREADS", v)));
        return b.build();
    }

    /** The issuer for a server listening on {@code actualPort}. */
    public URI effectiveIssuer(int actualPort) {
        return issuer != null ? issuer : URI.create("http://localhost:" + actualPort);
    }

    /** Whether private_key_jwt client authentication is possible for the registered client. */
    public boolean clientKeysConfigured() {
        return clientJwksUri != null || clientJwksFile != null;
    }

    public Builder toBuilder() {
        return new Builder()
                .port(port).bindAddress(bindAddress).issuer(issuer).dataDir(dataDir).citizensFile(citizensFile)
                .clientId(clientId).clientSecret(clientSecret).redirectUris(redirectUris)
                .postLogoutRedirectUris(postLogoutRedirectUris).backchannelLogoutUri(backchannelLogoutUri)
                .clientJwksUri(clientJwksUri).clientJwksFile(clientJwksFile).otp(otp)
                .idTokenAlgorithm(idTokenAlgorithm).acrEnforced(acrEnforced).threads(threads).clock(clock);
    }

    @Override
    public String toString() {
        // Never print the secret or the OTP: this string ends up in logs.
        return "SandboxConfig[port=" + port + ", bind=" + bindAddress + ", issuer=" + issuer + ", dataDir=" + dataDir
                + ", citizens=" + (citizensFile == null ? "(bundled)" : citizensFile) + ", clientId=" + clientId
                + ", redirectUris=" + redirectUris + ", postLogoutRedirectUris=" + postLogoutRedirectUris
                + ", backchannelLogoutUri=" + backchannelLogoutUri + ", otp=" + (otp == null ? "off" : "on")
                + ", idTokenAlg=" + idTokenAlgorithm + ", acr=" + (acrEnforced ? "strict" : "voluntary")
                + ", threads=" + threads + "]";
    }

    private static void requireText(String key, String value) {
        if (value == null || value.isBlank()) {
            throw new SandboxConfigException(key, "must not be empty");
        }
    }

    private static URI validIssuer(URI issuer) {
        // OpenID Connect Discovery 1.0 §3: the issuer is a case-sensitive https (here also http, for loopback
        // development) URL with scheme and host, optionally a path, and no query or fragment.
        String scheme = issuer.getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new SandboxConfigException("SANDBOX_ISSUER", "must be an http or https URL, was " + issuer);
        }
        if (issuer.getHost() == null || issuer.getRawQuery() != null || issuer.getRawFragment() != null) {
            throw new SandboxConfigException("SANDBOX_ISSUER", "must have a host and no query or fragment, was " + issuer);
        }
        String text = issuer.toString();
        return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : issuer;
    }

    private static List<URI> absoluteUris(String key, List<URI> uris, boolean allowEmpty) {
        if (uris == null) {
            if (allowEmpty) {
                return List.of();
            }
            throw new SandboxConfigException(key, "must not be empty");
        }
        for (URI uri : uris) {
            if (uri == null || !uri.isAbsolute() || uri.getHost() == null || uri.getRawFragment() != null
                    || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                // RFC 6749 §3.1.2: a redirection endpoint is an absolute URI without a fragment.
                throw new SandboxConfigException(key, "'" + uri + "' is not an absolute http(s) URI without fragment");
            }
        }
        return List.copyOf(uris);
    }

    private static boolean parseAcrMode(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "strict" -> true;
            case "voluntary" -> false;
            default -> throw new SandboxConfigException("SANDBOX_ACR_MODE", "must be strict or voluntary, was '" + value + "'");
        };
    }

    private static int parseInt(String key, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new SandboxConfigException(key, "must be a whole number, was '" + value + "'");
        }
    }

    private static URI parseUri(String key, String value) {
        try {
            return new URI(value.trim());
        } catch (URISyntaxException e) {
            throw new SandboxConfigException(key, "'" + value + "' is not a valid URI: " + e.getReason());
        }
    }

    private static List<URI> parseUriList(String key, String value) {
        List<URI> uris = new ArrayList<>();
        for (String part : value.split(",")) {
            if (!part.isBlank()) {
                uris.add(parseUri(key, part));
            }
        }
        return uris;
    }

    /** Environment variable or system property lookup with the documented precedence. */
    private record Lookup(Map<String, String> env, Properties properties) {
        java.util.Optional<String> raw(String key) {
            String property = properties.getProperty(key.toLowerCase(Locale.ROOT).replace('_', '.'));
            if (property != null) {
                return java.util.Optional.of(property);
            }
            return java.util.Optional.ofNullable(env.get(key));
        }

        java.util.Optional<String> get(String key) {
            return raw(key).map(String::trim).filter(v -> !v.isEmpty());
        }
    }

    /** Mutable builder with the documented defaults. */
    public static final class Builder {
        private int port = DEFAULT_PORT;
        private String bindAddress = DEFAULT_BIND;
        private URI issuer;
        private Path dataDir = Path.of(DEFAULT_DATA_DIR);
        private Path citizensFile;
        private String clientId = DEFAULT_CLIENT_ID;
        private String clientSecret;
        private List<URI> redirectUris = List.of(URI.create(DEFAULT_REDIRECT_URI));
        private List<URI> postLogoutRedirectUris = List.of(URI.create(DEFAULT_POST_LOGOUT_REDIRECT_URI));
        private URI backchannelLogoutUri = URI.create(DEFAULT_BACKCHANNEL_LOGOUT_URI);
        private URI clientJwksUri;
        private Path clientJwksFile;
        private String otp;
        private JWSAlgorithm idTokenAlgorithm = JWSAlgorithm.RS256;
        private boolean acrEnforced = true;
        private int threads = Math.max(8, Runtime.getRuntime().availableProcessors() * 4);
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        public Builder port(int port) { this.port = port; return this; }
        public Builder bindAddress(String bindAddress) { this.bindAddress = bindAddress; return this; }
        public Builder issuer(URI issuer) { this.issuer = issuer; return this; }
        public Builder dataDir(Path dataDir) { this.dataDir = dataDir; return this; }
        public Builder citizensFile(Path citizensFile) { this.citizensFile = citizensFile; return this; }
        public Builder clientId(String clientId) { this.clientId = clientId; return this; }
        public Builder clientSecret(String clientSecret) { this.clientSecret = clientSecret; return this; }
        public Builder redirectUris(List<URI> redirectUris) { this.redirectUris = redirectUris; return this; }
        public Builder postLogoutRedirectUris(List<URI> uris) { this.postLogoutRedirectUris = uris; return this; }
        public Builder backchannelLogoutUri(URI uri) { this.backchannelLogoutUri = uri; return this; }
        public Builder clientJwksUri(URI uri) { this.clientJwksUri = uri; return this; }
        public Builder clientJwksFile(Path file) { this.clientJwksFile = file; return this; }
        public Builder otp(String otp) { this.otp = otp; return this; }
        public Builder idTokenAlgorithm(JWSAlgorithm alg) { this.idTokenAlgorithm = alg; return this; }
        public Builder acrEnforced(boolean enforced) { this.acrEnforced = enforced; return this; }
        public Builder threads(int threads) { this.threads = threads; return this; }
        public Builder clock(Clock clock) { this.clock = clock; return this; }

        public SandboxConfig build() {
            return new SandboxConfig(port, bindAddress, issuer, dataDir, citizensFile, clientId, clientSecret,
                    redirectUris, postLogoutRedirectUris, backchannelLogoutUri, clientJwksUri, clientJwksFile, otp,
                    idTokenAlgorithm, acrEnforced, threads, clock);
        }
    }
}
