package vn.portal.interop;

import com.nimbusds.oauth2.sdk.TokenRequest;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.http.MockWebServerWrapper;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.OAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * NAV's mock-oauth2-server (an OpenID provider written by others, for others) running inside the test JVM on a
 * fixed loopback port. It serves one issuer, {@code http://127.0.0.1:PORT/ISSUER_ID}, in non-interactive mode: its
 * authorization endpoint redirects straight back with a code (unless asked for {@code prompt=login}, when it shows
 * its own sign-in form), and the tokens it then issues describe the citizen chosen with {@link #vouchFor}, in
 * {@link ProviderCitizen}'s claim names. Nothing about it is tuned for the portal; the portal adapts by configuration.
 */
final class ThirdPartyProvider implements AutoCloseable {

    private static final String WELL_KNOWN = "/.well-known/openid-configuration";
    private static final long TOKEN_LIFETIME_SECONDS = 3600;
    /** OpenID Connect Back-Channel Logout 1.0 §2.4: the event that makes a JWT a logout token. */
    private static final String BACKCHANNEL_LOGOUT_EVENT = "http://schemas.openid.net/event/backchannel-logout";

    private final MockOAuth2Server server;
    private final MockWebServer wire;
    private final URI issuer;
    private final VouchedCitizen tokens;

    private ThirdPartyProvider(MockOAuth2Server server, MockWebServer wire, URI issuer, VouchedCitizen tokens) {
        this.server = server;
        this.wire = wire;
        this.issuer = issuer;
        this.tokens = tokens;
    }

    static ThirdPartyProvider start(int port, String issuerId, ProviderCitizen citizen) {
        VouchedCitizen tokens = new VouchedCitizen(issuerId, citizen);
        MockWebServerWrapper http = new MockWebServerWrapper();
        OAuth2Config config = new OAuth2Config(false, null, null, false, new OAuth2TokenProvider(), Set.of(tokens), http);
        MockOAuth2Server server = new MockOAuth2Server(config);
        server.start(InetAddress.getLoopbackAddress(), port);
        // mock-oauth2-server derives its issuer from the Host header it is reached by; the portal is configured
        // with 127.0.0.1, so that is the issuer it will see declared.
        URI issuer = URI.create("http://127.0.0.1:" + port + "/" + issuerId);
        return new ThirdPartyProvider(server, http.getMockWebServer(), issuer, tokens);
    }

    /**
     * A back-channel logout token (OpenID Connect Back-Channel Logout 1.0 §2.4) for {@code subject}, without
     * {@code sid} since this provider's ID tokens carry none. mock-oauth2-server sends no logout tokens itself, so
     * the test plays its sender; the token is still minted by the library, signed with the key its
     * {@code jwks_uri} publishes for this issuer.
     */
    String logoutToken(String audience, String subject) {
        Map<String, Object> claims = Map.of(
                "iss", issuer.toString(),
                "aud", audience,
                "sub", subject,
                "jti", UUID.randomUUID().toString(),
                "events", Map.of(BACKCHANNEL_LOGOUT_EVENT, Map.of()));
        return server.getConfig().getTokenProvider().jwt(claims, Duration.ofMinutes(2), tokens.issuerId()).serialize();
    }

    /** From the next token request on, the provider's tokens describe {@code citizen}. */
    void vouchFor(ProviderCitizen citizen) {
        tokens.citizen.set(citizen);
    }

    URI issuer() {
        return issuer;
    }

    URI discoveryUri() {
        return URI.create(issuer + WELL_KNOWN);
    }

    /**
     * Every request received since the previous call, oldest first. MockWebServer queues a request before it
     * dispatches it, so a request the portal has had an answer to is always here.
     */
    List<ProviderRequest> takeRecordedRequests() {
        List<ProviderRequest> requests = new ArrayList<>();
        try {
            RecordedRequest recorded;
            while ((recorded = wire.takeRequest(0, TimeUnit.SECONDS)) != null) {
                requests.add(new ProviderRequest(recorded.getMethod(), recorded.getRequestUrl().uri(),
                        recorded.getHeaders().toMultimap(), recorded.getBody().readUtf8()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the provider's recorded requests", e);
        }
        return requests;
    }

    @Override
    public void close() {
        server.shutdown();
    }

    /**
     * The provider's standing token callback for the issuer: mock-oauth2-server's own
     * {@link DefaultOAuth2TokenCallback} for whichever citizen the test last chose, so claims, subject and audience
     * are built exactly as the library builds them. Audience null: the ID token's {@code aud} is then the requesting
     * client's id, as OpenID Connect Core 1.0 §2 wants.
     */
    private static final class VouchedCitizen implements OAuth2TokenCallback {

        private final String issuerId;
        private final AtomicReference<ProviderCitizen> citizen;

        VouchedCitizen(String issuerId, ProviderCitizen citizen) {
            this.issuerId = issuerId;
            this.citizen = new AtomicReference<>(citizen);
        }

        private DefaultOAuth2TokenCallback current() {
            ProviderCitizen now = citizen.get();
            return new DefaultOAuth2TokenCallback(issuerId, now.subject(), "JWT", null, now.claims(), TOKEN_LIFETIME_SECONDS);
        }

        @Override
        public String issuerId() {
            return issuerId;
        }

        @Override
        public String subject(TokenRequest request) {
            return current().subject(request);
        }

        @Override
        public String typeHeader(TokenRequest request) {
            return current().typeHeader(request);
        }

        @Override
        public List<String> audience(TokenRequest request) {
            return current().audience(request);
        }

        @Override
        public Map<String, Object> addClaims(TokenRequest request) {
            return current().addClaims(request);
        }

        @Override
        public long tokenExpiry() {
            return TOKEN_LIFETIME_SECONDS;
        }
    }
}
