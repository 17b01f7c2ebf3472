package vn.portal.sandbox.oidc;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ResponseMode;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.openid.connect.sdk.AuthenticationErrorResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationSuccessResponse;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import vn.portal.sandbox.SandboxConfig;
import vn.portal.sandbox.citizen.Citizen;
import vn.portal.sandbox.citizen.CitizenDirectory;
import vn.portal.sandbox.http.Exchanges;
import vn.portal.sandbox.http.RequestLogFilter;
import vn.portal.sandbox.keys.SigningKeys;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.logging.Logger;

/**
 * The OpenID provider: its registered client, demo citizens, keys and short-lived protocol state, and the
 * endpoints that work on them. One instance per server; nothing is shared between instances.
 */
public final class OpenIdProvider {

    static final Duration TRANSACTION_LIFETIME = Duration.ofMinutes(10);
    /** RFC 6749 §4.1.2 recommends a maximum code lifetime of 10 minutes; a dev OP can afford to be stricter. */
    static final Duration CODE_LIFETIME = Duration.ofSeconds(60);
    /** Code records are kept this long after issue so replays are recognised, not merely unknown. */
    static final Duration CODE_REPLAY_MEMORY = Duration.ofMinutes(10);
    static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofMinutes(10);
    static final Duration SSO_SESSION_LIFETIME = Duration.ofHours(2);
    static final int MAX_OTP_ATTEMPTS = 5;

    static final String SSO_COOKIE = "VNEID_SANDBOX_SSO";
    static final String BROWSER_COOKIE = "VNEID_SANDBOX_BROWSER";

    private static final Logger LOG = Logger.getLogger(OpenIdProvider.class.getName());

    final String issuer;
    final Issuer nimbusIssuer;
    final String basePath;
    final URI authorizationEndpoint;
    final URI decisionEndpoint;
    final URI tokenEndpoint;
    final URI userInfoEndpoint;
    final URI jwksEndpoint;
    final URI endSessionEndpoint;
    final ClientRegistration client;
    final CitizenDirectory citizens;
    final SigningKeys keys;
    final Clock clock;
    final String otp;
    final boolean secureCookies;
    final boolean acrEnforced;
    final RandomTokens random = new RandomTokens();
    final TokenFactory tokens;
    final ClientAuthenticator clientAuthenticator;
    final BackChannelLogout backChannelLogout;

    final ExpiringMap<String, AuthorizationTransaction> transactions = new ExpiringMap<>();
    final ExpiringMap<String, CodeGrant> codes = new ExpiringMap<>();
    final ExpiringMap<String, AccessGrant> accessTokens = new ExpiringMap<>();
    final ExpiringMap<String, SsoSession> sessionsByCookie = new ExpiringMap<>();
    final ExpiringMap<String, SsoSession> sessionsBySid = new ExpiringMap<>();
    final ExpiringMap<String, Boolean> usedAssertionIds = new ExpiringMap<>();
    private final ConcurrentHashMap<String, Pages.PickerTemplate> pickerTemplates = new ConcurrentHashMap<>();

    public OpenIdProvider(SandboxConfig config, URI issuerUri, ClientRegistration client, CitizenDirectory citizens,
                          SigningKeys keys, Executor backgroundExecutor) {
        this.issuer = issuerUri.toString();
        this.nimbusIssuer = new Issuer(issuer);
        String path = issuerUri.getRawPath() == null ? "" : issuerUri.getRawPath();
        this.basePath = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        this.authorizationEndpoint = URI.create(issuer + "/authorize");
        this.decisionEndpoint = URI.create(issuer + "/authorize/decision");
        this.tokenEndpoint = URI.create(issuer + "/token");
        this.userInfoEndpoint = URI.create(issuer + "/userinfo");
        this.jwksEndpoint = URI.create(issuer + "/jwks");
        this.endSessionEndpoint = URI.create(issuer + "/logout");
        this.client = client;
        this.citizens = citizens;
        this.keys = keys;
        this.clock = config.clock();
        this.otp = config.otp();
        this.secureCookies = "https".equals(issuerUri.getScheme());
        this.acrEnforced = config.acrEnforced();
        this.tokens = new TokenFactory(issuer, keys, config.idTokenAlgorithm(), random);
        this.clientAuthenticator = new ClientAuthenticator(client, issuer, tokenEndpoint.toString(), usedAssertionIds, clock);
        this.backChannelLogout = new BackChannelLogout(tokens, clock, backgroundExecutor);
    }

    /** Adds every endpoint under the issuer's path, each wrapped in the request log filter. */
    public void register(HttpServer server) {
        Filter log = new RequestLogFilter();
        context(server, "/.well-known/openid-configuration", new DiscoveryEndpoint(this), log);
        context(server, "/jwks", new JwksEndpoint(this), log);
        context(server, "/authorize", new AuthorizeEndpoint(this), log);
        context(server, "/authorize/decision", new DecisionEndpoint(this), log);
        context(server, "/token", new TokenEndpoint(this), log);
        context(server, "/userinfo", new UserInfoEndpoint(this), log);
        context(server, "/logout", new LogoutEndpoint(this), log);
        context(server, "/health", new HealthEndpoint(), log);
        context(server, "/admin/rotate-keys", new RotateKeysEndpoint(this), log);
    }

    private void context(HttpServer server, String path, HttpHandler handler, Filter log) {
        HttpContext ctx = server.createContext(basePath + path, handler);
        ctx.getFilters().add(log);
    }

    /** Drops expired transactions, codes, tokens, sessions and assertion ids. */
    public void purgeExpired() {
        Instant now = clock.instant();
        transactions.purge(now);
        codes.purge(now);
        accessTokens.purge(now);
        sessionsByCookie.purge(now);
        sessionsBySid.purge(now);
        usedAssertionIds.purge(now);
    }

    /** Rotates the signing keys; see {@link SigningKeys#rotate()}. */
    public List<String> rotateKeys() {
        return keys.rotate();
    }

    public String issuer() {
        return issuer;
    }

    /** The picker page for a transaction, from a template cached per language and required level. */
    String pickerPage(AuthorizationTransaction tx, String errorMessage) {
        Pages.PickerTemplate template = pickerTemplates.computeIfAbsent(
                tx.locale.toLanguageTag() + "|" + tx.requiredLevel + "|" + tx.requestedLevel,
                k -> Pages.pickerTemplate(tx.locale, client.clientId(), tx.requiredLevel, tx.requestedLevel,
                        citizens.all(), otp != null, decisionEndpoint.getRawPath()));
        return Pages.picker(tx, template, errorMessage);
    }

    String cookiePath() {
        return basePath.isEmpty() ? "/" : basePath;
    }

    SsoSession sessionOf(HttpExchange exchange) {
        return Exchanges.cookie(exchange, SSO_COOKIE)
                .flatMap(v -> sessionsByCookie.get(v, clock.instant()))
                .orElse(null);
    }

    /**
     * Starts a new SSO session for {@code citizen}, or refreshes the browser's current one when it is the same
     * citizen. A different citizen replaces the old session, which ends as a logout would.
     */
    SsoSession signIn(HttpExchange exchange, SsoSession current, Citizen citizen, List<String> amr) {
        Instant now = clock.instant();
        if (current != null && current.citizen.personalId().equals(citizen.personalId())) {
            current.reauthenticated(now, amr);
            return current;
        }
        if (current != null) {
            endSession(current);
        }
        Instant expires = now.plus(SSO_SESSION_LIFETIME);
        SsoSession session = new SsoSession(random.next(), random.next(), citizen, now, amr, expires);
        sessionsByCookie.put(session.cookieValue, session, expires);
        sessionsBySid.put(session.sid, session, expires);
        Exchanges.setCookie(exchange, SSO_COOKIE, session.cookieValue, cookiePath(), secureCookies);
        return session;
    }

    /** Ends a session and notifies every client that took part in it (Back-Channel Logout 1.0 §2.5). */
    List<CompletableFuture<Integer>> endSession(SsoSession session) {
        sessionsByCookie.remove(session.cookieValue);
        sessionsBySid.remove(session.sid);
        session.accessTokens.forEach(accessTokens::remove);
        LOG.fine(() -> "Ended SSO session " + session.sid);
        Collection<String> participants = List.copyOf(session.clientIds);
        return participants.stream()
                .filter(client.clientId()::equals)
                .map(id -> backChannelLogout.notify(client, session))
                .toList();
    }

    /**
     * Issues a one-time code for the session and redirects to the client with {@code code}, {@code state} and
     * {@code iss} (RFC 6749 §4.1.2, RFC 9207 §2).
     */
    void issueCode(HttpExchange exchange, SsoSession session, URI redirectUri, State state, Nonce nonce,
                   CodeChallenge challenge) throws IOException {
        Instant now = clock.instant();
        String code = random.next();
        CodeGrant grant = new CodeGrant(client.clientId(), redirectUri, challenge, nonce, session.citizen, session.sid,
                session.authTime(), session.amr(), now.plus(CODE_LIFETIME));
        codes.put(code, grant, now.plus(CODE_REPLAY_MEMORY));
        session.clientIds.add(client.clientId());
        URI location = new AuthenticationSuccessResponse(redirectUri, new AuthorizationCode(code), null, null, state,
                null, nimbusIssuer, ResponseMode.QUERY).toURI();
        Exchanges.redirect(exchange, location);
    }

    /** Sends an error to the client's redirect URI, with {@code iss} (RFC 6749 §4.1.2.1, RFC 9207 §2). */
    void redirectError(HttpExchange exchange, URI redirectUri, ErrorObject error, State state) throws IOException {
        URI location = new AuthenticationErrorResponse(redirectUri, error, state, nimbusIssuer, ResponseMode.QUERY).toURI();
        Exchanges.redirect(exchange, location);
    }
}
