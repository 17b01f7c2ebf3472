package vn.portal.it.provider;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.util.URLUtils;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A small OpenID provider on loopback that behaves as the current {@link ProviderCase} dictates.
 * Apart from the one misbehaviour of a case it is strict: it accepts only the registered client with
 * {@code client_secret_basic}, the exact registered redirect URI, PKCE S256, and single-use codes,
 * so a portal that cuts corners there fails the honest cases too. Protocol violations by the portal
 * are kept in {@link #complaints()} so a failing test can say what the portal did wrong.
 */
public final class HostileProvider implements AutoCloseable {

    public static final String CLIENT_ID = "portal-it";
    /** OpenID Connect Back-Channel Logout 1.0 §2.4: the event a logout token must carry. */
    public static final String BACKCHANNEL_LOGOUT_EVENT = "http://schemas.openid.net/event/backchannel-logout";

    private static final Logger LOG = Logger.getLogger(HostileProvider.class.getName());

    private final HttpServer server;
    private final ExecutorService executor;
    private final String issuer;
    private final String clientSecret;
    private final URI redirectUri;
    private final ProviderKeys keys = new ProviderKeys();
    private final ProviderTraffic traffic = new ProviderTraffic();
    private final Map<String, Grant> grantsByCode = new ConcurrentHashMap<>();
    private final Map<String, Grant> grantsByAccessToken = new ConcurrentHashMap<>();
    private final List<String> complaints = new CopyOnWriteArrayList<>();
    private volatile ProviderCase currentCase = ProviderCase.honest("honest");
    private volatile Grant lastIssuedGrant;
    private volatile Map<String, List<String>> lastEndSessionRequest = Map.of();

    private HostileProvider(int port, String clientSecret, URI redirectUri) throws IOException {
        this.issuer = "http://127.0.0.1:" + port;
        this.clientSecret = Objects.requireNonNull(clientSecret, "clientSecret");
        this.redirectUri = Objects.requireNonNull(redirectUri, "redirectUri");
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        this.executor = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "hostile-provider");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/.well-known/openid-configuration", this::discovery);
        server.createContext("/jwks", this::jwks);
        server.createContext("/authorize", this::authorize);
        server.createContext("/token", this::token);
        server.createContext("/userinfo", this::userInfo);
        server.createContext("/logout", this::endSession);
    }

    /**
     * Starts the provider on {@code 127.0.0.1:port} with a single registered client, {@link #CLIENT_ID},
     * whose secret and redirect URI are given.
     */
    public static HostileProvider start(int port, String clientSecret, URI redirectUri) throws IOException {
        HostileProvider provider = new HostileProvider(port, clientSecret, redirectUri);
        provider.server.start();
        LOG.info(() -> "Hostile provider listening at " + provider.issuer);
        return provider;
    }

    public String issuer() { return issuer; }
    public ProviderTraffic traffic() { return traffic; }
    public List<String> complaints() { return List.copyOf(complaints); }

    /** Sets the behaviour for the next sign-ins and forgets earlier traffic and complaints. */
    public void behave(ProviderCase providerCase) {
        this.currentCase = Objects.requireNonNull(providerCase);
        traffic.reset();
        complaints.clear();
    }

    /** The grant of the most recent authorization request this provider answered. */
    public Grant lastIssuedGrant() {
        Grant grant = lastIssuedGrant;
        if (grant == null) {
            throw new IllegalStateException("the provider has not answered any authorization request yet");
        }
        return grant;
    }

    /** Publishes a new RSA key under a new kid and withdraws the old one; returns the new kid. */
    public String rotateSigningKey() {
        return keys.rotateRsa();
    }

    /** Parameters of the last RP-initiated logout request (OpenID Connect RP-Initiated Logout 1.0 §2). */
    public Map<String, List<String>> lastEndSessionRequest() {
        return lastEndSessionRequest;
    }

    public String currentRsaKeyId() {
        return keys.rsa().getKeyID();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    // ---------------------------------------------------------------- endpoints

    private void discovery(HttpExchange exchange) throws IOException {
        traffic.record(ProviderTraffic.Endpoint.DISCOVERY);
        if (currentCase.stallDiscovery()) {
            stall();
        }
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("issuer", Objects.requireNonNullElse(currentCase.advertisedIssuer(), issuer));
        metadata.put("authorization_endpoint", issuer + "/authorize");
        metadata.put("token_endpoint", issuer + "/token");
        metadata.put("userinfo_endpoint", issuer + "/userinfo");
        metadata.put("jwks_uri", issuer + "/jwks");
        metadata.put("end_session_endpoint", issuer + "/logout");
        metadata.put("response_types_supported", List.of("code"));
        metadata.put("grant_types_supported", List.of("authorization_code"));
        metadata.put("subject_types_supported", List.of("public"));
        metadata.put("scopes_supported", List.of("openid", "profile"));
        metadata.put("id_token_signing_alg_values_supported", List.of("RS256", "ES256"));
        metadata.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic"));
        metadata.put("code_challenge_methods_supported", List.of("S256"));
        metadata.put("acr_values_supported", List.of("urn:vneid:loa:1", "urn:vneid:loa:2"));
        metadata.put("claims_supported", List.of("sub", "iss", "aud", "exp", "iat", "nonce", "sid", "acr",
                "citizenPid", "fullName", "birthDate", "gender", "accountLevel"));
        metadata.put("backchannel_logout_supported", true);
        metadata.put("backchannel_logout_session_supported", true);
        // RFC 9207 §3: having advertised this, a response without iss must be refused by the client.
        metadata.put("authorization_response_iss_parameter_supported", true);
        sendJson(exchange, 200, metadata);
    }

    private void jwks(HttpExchange exchange) throws IOException {
        traffic.record(ProviderTraffic.Endpoint.JWKS);
        JWKSet published = currentCase.keyId() == ProviderCase.KeyId.ABSENT_SINGLE_KEY_JWKS
                ? keys.singleKeyWithoutKid()
                : keys.publishedKeys();
        Map<String, Object> body = published.toJSONObject(true);
        if (currentCase.unusableKeysInJwks()) {
            List<Object> keyList = new ArrayList<>((List<?>) body.get("keys"));
            // RFC 8037 §A.2's example Ed25519 public key: valid JSON Web Key, not an algorithm the portal allows.
            keyList.add(0, Map.of("kty", "OKP", "crv", "Ed25519", "use", "sig", "kid", "okp-unusable",
                    "x", "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"));
            keyList.add(1, keys.encryptionOnlyRsa());
            keyList.add(Map.of("kty", "PQC-FUTURE", "kid", "future-unusable", "pub", "AAAA"));
            body = new LinkedHashMap<>(body);
            body.put("keys", keyList);
        }
        sendJson(exchange, 200, body);
    }

    private void authorize(HttpExchange exchange) throws IOException {
        traffic.record(ProviderTraffic.Endpoint.AUTHORIZE);
        ProviderCase behaviour = currentCase;
        AuthenticationRequest request;
        try {
            request = AuthenticationRequest.parse(exchange.getRequestURI());
        } catch (ParseException e) {
            refuse(exchange, "authorization request is not a valid OpenID authentication request: " + e.getMessage());
            return;
        }
        String violation = authorizationRequestViolation(request);
        if (violation != null) {
            refuse(exchange, violation);
            return;
        }
        String state = request.getState().getValue();
        Map<String, List<String>> response = new LinkedHashMap<>();
        if (behaviour.authorizationError() != null) {
            response.put("error", List.of(behaviour.authorizationError()));
            response.put("error_description", List.of("The citizen declined the sign-in"));
        } else {
            Grant grant;
            if (behaviour.replayEarlierCode()) {
                grant = lastIssuedGrant();
                if (!grant.isRedeemed()) {
                    refuse(exchange, "replay case needs an earlier, already redeemed code");
                    return;
                }
            } else {
                grant = new Grant(UUID.randomUUID().toString(), request.getRedirectionURI(),
                        request.getCodeChallenge(), request.getNonce().getValue(), UUID.randomUUID().toString(),
                        behaviour);
                grantsByCode.put(grant.code(), grant);
                lastIssuedGrant = grant;
            }
            response.put("code", List.of(grant.code()));
        }
        switch (behaviour.authorizationState()) {
            case ECHOED -> response.put("state", List.of(state));
            case WRONG -> response.put("state", List.of("forged-" + UUID.randomUUID()));
            case ABSENT -> { }
        }
        switch (behaviour.authorizationIssuer()) {
            case CORRECT -> response.put("iss", List.of(issuer));
            case WRONG -> response.put("iss", List.of("http://127.0.0.1:18099"));
            case ABSENT -> { }
        }
        URI location = URI.create(request.getRedirectionURI() + "?" + URLUtils.serializeParameters(response));
        exchange.getResponseHeaders().add("Location", location.toString());
        exchange.getResponseHeaders().add("Cache-Control", "no-store");
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    /** What a strict provider checks before issuing a code; null when the request is acceptable. */
    private String authorizationRequestViolation(AuthenticationRequest request) {
        if (!CLIENT_ID.equals(request.getClientID().getValue())) {
            return "unknown client_id " + request.getClientID();
        }
        // OAuth 2.0 Security BCP (RFC 9700 §2.1): exact string matching of redirect URIs.
        if (!redirectUri.equals(request.getRedirectionURI())) {
            return "redirect_uri " + request.getRedirectionURI() + " is not the registered " + redirectUri;
        }
        if (!request.getResponseType().impliesCodeFlow() || request.getResponseType().size() != 1) {
            return "response_type must be code, was " + request.getResponseType();
        }
        if (request.getCodeChallenge() == null || !CodeChallengeMethod.S256.equals(request.getCodeChallengeMethod())) {
            return "PKCE with code_challenge_method=S256 is required (RFC 7636 §4.3)";
        }
        if (request.getState() == null) {
            return "state is required by this provider";
        }
        if (request.getNonce() == null) {
            return "nonce is required by this provider";
        }
        return null;
    }

    private void token(HttpExchange exchange) throws IOException {
        traffic.record(ProviderTraffic.Endpoint.TOKEN);
        if (!"POST".equals(exchange.getRequestMethod())) {
            oauthError(exchange, 405, "invalid_request", "the token endpoint accepts POST only");
            return;
        }
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        ClientSecretBasic basic;
        try {
            basic = ClientSecretBasic.parse(authorization);
        } catch (ParseException e) {
            complain("token request without valid client_secret_basic: " + e.getMessage());
            exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"hostile\"");
            oauthError(exchange, 401, "invalid_client", "client_secret_basic required");
            return;
        }
        if (!CLIENT_ID.equals(basic.getClientID().getValue())
                || !clientSecret.equals(basic.getClientSecret().getValue())) {
            complain("token request with wrong client credentials for " + basic.getClientID());
            exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"hostile\"");
            oauthError(exchange, 401, "invalid_client", "bad client credentials");
            return;
        }
        Map<String, List<String>> form = URLUtils.parseParameters(readBody(exchange));
        if (!"authorization_code".equals(first(form, "grant_type"))) {
            oauthError(exchange, 400, "unsupported_grant_type", "only authorization_code");
            return;
        }
        Grant grant = grantsByCode.get(Objects.requireNonNullElse(first(form, "code"), ""));
        if (grant == null) {
            oauthError(exchange, 400, "invalid_grant", "unknown code");
            return;
        }
        if (grant.providerCase().stallTokenEndpoint()) {
            stall();
        }
        String accessToken = "at-" + UUID.randomUUID();
        // RFC 6749 §4.1.2: a code used twice is refused (the replayed-code case relies on it).
        if (!grant.redeem(accessToken)) {
            oauthError(exchange, 400, "invalid_grant", "authorization code already used");
            return;
        }
        // RFC 6749 §4.1.3: redirect_uri must be identical to the one in the authorization request.
        if (!grant.redirectUri().toString().equals(first(form, "redirect_uri"))) {
            complain("token request redirect_uri " + first(form, "redirect_uri") + " differs from " + grant.redirectUri());
            oauthError(exchange, 400, "invalid_grant", "redirect_uri mismatch");
            return;
        }
        // RFC 7636 §4.6: the verifier must hash to the challenge sent with the authorization request.
        String verifier = first(form, "code_verifier");
        if (verifier == null || !CodeChallenge.compute(CodeChallengeMethod.S256, new CodeVerifier(verifier))
                .equals(grant.codeChallenge())) {
            complain("token request PKCE verifier missing or not matching the S256 challenge");
            oauthError(exchange, 400, "invalid_grant", "PKCE verification failed");
            return;
        }
        grantsByAccessToken.put(accessToken, grant);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", accessToken);
        body.put("token_type", "Bearer");
        body.put("expires_in", 300);
        body.put("scope", "openid profile");
        if (!grant.providerCase().omitIdToken()) {
            body.put("id_token", idToken(grant));
        }
        exchange.getResponseHeaders().add("Cache-Control", "no-store");
        exchange.getResponseHeaders().add("Pragma", "no-cache");
        sendJson(exchange, 200, body);
    }

    private void userInfo(HttpExchange exchange) throws IOException {
        traffic.record(ProviderTraffic.Endpoint.USERINFO);
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        Grant grant = authorization != null && authorization.startsWith("Bearer ")
                ? grantsByAccessToken.get(authorization.substring("Bearer ".length()).trim())
                : null;
        if (grant == null) {
            exchange.getResponseHeaders().add("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            sendJson(exchange, 401, Map.of("error", "invalid_token"));
            return;
        }
        ProviderCase behaviour = grant.providerCase();
        Map<String, Object> claims = new LinkedHashMap<>();
        if (!behaviour.userInfoWithoutSubject()) {
            claims.put("sub", behaviour.userInfoSubject());
        }
        claims.putAll(behaviour.citizen().claims());
        sendJson(exchange, 200, claims);
    }

    private void endSession(HttpExchange exchange) throws IOException {
        traffic.record(ProviderTraffic.Endpoint.END_SESSION);
        Map<String, List<String>> query = URLUtils.parseParameters(exchange.getRequestURI().getRawQuery());
        lastEndSessionRequest = Map.copyOf(query);
        String postLogout = first(query, "post_logout_redirect_uri");
        if (postLogout != null) {
            String state = first(query, "state");
            exchange.getResponseHeaders().add("Location",
                    state == null ? postLogout : postLogout + "?" + URLUtils.serializeParameters(Map.of("state", List.of(state))));
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
            return;
        }
        sendText(exchange, 200, "signed out at the hostile provider");
    }

    // ---------------------------------------------------------------- tokens

    /** The honest ID token claims for a grant (OpenID Connect Core 1.0 §2), before the case's edit. */
    private JWTClaimsSet.Builder honestIdTokenClaims(Grant grant) {
        Instant now = Instant.now();
        Citizen citizen = grant.providerCase().citizen();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(citizen.subject())
                .audience(CLIENT_ID)
                .expirationTime(Date.from(now.plusSeconds(300)))
                .issueTime(Date.from(now))
                .claim("auth_time", now.getEpochSecond())
                .claim("nonce", grant.nonce())
                .claim("sid", grant.sid())
                .claim("acr", citizen.acr());
        citizen.claims().forEach(claims::claim);
        return claims;
    }

    private String idToken(Grant grant) {
        ProviderCase behaviour = grant.providerCase();
        JWTClaimsSet claims = behaviour.idTokenEdit().apply(honestIdTokenClaims(grant)).build();
        String token = sign(claims, behaviour.signing(), behaviour.keyId(), null);
        return behaviour.corruptSignature() ? corruptSignature(token) : token;
    }

    /**
     * A logout token for the given grant's session (OpenID Connect Back-Channel Logout 1.0 §2.4),
     * honest unless {@code edit} changes it, signed as {@code signing} says.
     */
    public String logoutToken(Grant grant, ProviderCase.Signing signing, UnaryOperator<JWTClaimsSet.Builder> edit) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(grant.subject())
                .audience(CLIENT_ID)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(120)))
                .jwtID(UUID.randomUUID().toString())
                .claim("sid", grant.sid())
                .claim("events", Map.of(BACKCHANNEL_LOGOUT_EVENT, Map.of()));
        return sign(edit.apply(claims).build(), signing, ProviderCase.KeyId.PUBLISHED,
                new JOSEObjectType("logout+jwt"));
    }

    private String sign(JWTClaimsSet claims, ProviderCase.Signing signing, ProviderCase.KeyId keyId,
                        JOSEObjectType type) {
        try {
            switch (signing) {
                case NONE:
                    return new PlainJWT(claims).serialize();
                case HS256_FOREIGN_SECRET:
                    return signed(new JWSHeader.Builder(JWSAlgorithm.HS256).type(type).build(), claims,
                            new MACSigner(keys.foreignHmacSecret()));
                case HS256_KEYED_WITH_RSA_PUBLIC_KEY:
                    return signed(new JWSHeader.Builder(JWSAlgorithm.HS256).type(type).keyID(keys.rsa().getKeyID()).build(),
                            claims, new MACSigner(keys.rsa().toRSAPublicKey().getEncoded()));
                case ES256:
                    if (keyId != ProviderCase.KeyId.PUBLISHED) {
                        throw new IllegalArgumentException("ES256 cases sign with the published EC key only");
                    }
                    return signed(new JWSHeader.Builder(JWSAlgorithm.ES256).type(type).keyID(keys.ec().getKeyID()).build(),
                            claims, new ECDSASigner(keys.ec()));
                case RS256:
                default:
                    RSAKey key = keyId == ProviderCase.KeyId.UNPUBLISHED ? keys.unpublished() : keys.rsa();
                    JWSHeader.Builder header = new JWSHeader.Builder(JWSAlgorithm.RS256).type(type);
                    if (keyId != ProviderCase.KeyId.ABSENT_SINGLE_KEY_JWKS) {
                        header.keyID(key.getKeyID());
                    }
                    return signed(header.build(), claims, new RSASSASigner(key));
            }
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a test token", e);
        }
    }

    private static String signed(JWSHeader header, JWTClaimsSet claims, JWSSigner signer) throws JOSEException {
        SignedJWT jwt = new SignedJWT(header, claims);
        jwt.sign(signer);
        return jwt.serialize();
    }

    /** Flips bits in the middle of the signature: the token stays well-formed but no longer verifies. */
    public static String corruptSignature(String compactJws) {
        String[] parts = compactJws.split("\\.");
        if (parts.length != 3 || parts[2].isEmpty()) {
            throw new IllegalArgumentException("only a signed JWS can have its signature corrupted");
        }
        byte[] signature = new Base64URL(parts[2]).decode();
        signature[signature.length / 2] ^= 0x5A;
        return parts[0] + "." + parts[1] + "." + Base64URL.encode(signature);
    }

    // ---------------------------------------------------------------- plumbing

    /** Longer than any timeout the suite configures for the portal, short enough to keep the suite quick. */
    private static final long STALL_MILLIS = 6_000;

    private static void stall() {
        try {
            Thread.sleep(STALL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void complain(String complaint) {
        LOG.warning(() -> "Portal protocol violation seen by the hostile provider: " + complaint);
        complaints.add(complaint);
    }

    private void refuse(HttpExchange exchange, String reason) throws IOException {
        complain(reason);
        sendText(exchange, 400, reason);
    }

    private static String first(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static String readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void oauthError(HttpExchange exchange, int status, String error, String description)
            throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("error_description", description);
        sendJson(exchange, status, body);
    }

    private static void sendJson(HttpExchange exchange, int status, Map<String, ?> body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        send(exchange, status, JSONObjectUtils.toJSONString(new LinkedHashMap<>(body)));
    }

    private static void sendText(HttpExchange exchange, int status, String text) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
        send(exchange, status, text);
    }

    private static void send(HttpExchange exchange, int status, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        try {
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (IOException e) {
            LOG.log(Level.FINE, "client went away", e);
            throw e;
        } finally {
            exchange.close();
        }
    }

    /** For diagnostics in assertion messages. */
    public String describe() {
        List<String> lines = new ArrayList<>();
        lines.add("case=" + currentCase + " traffic[" + traffic + "]");
        complaints.forEach(complaint -> lines.add("complaint: " + complaint));
        return String.join("\n", lines);
    }
}
