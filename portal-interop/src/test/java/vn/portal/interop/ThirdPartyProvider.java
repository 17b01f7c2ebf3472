package vn.portal.interop;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.http.MockWebServerWrapper;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

import java.net.InetAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * NAV's mock-oauth2-server (an OpenID provider written by others, for others) running inside the test JVM on a
 * fixed loopback port. It serves one issuer, {@code http://127.0.0.1:PORT/ISSUER_ID}, in non-interactive mode: its
 * authorization endpoint redirects straight back with a code, and the tokens it then issues describe one citizen
 * with {@link ProviderCitizen}'s claims. Nothing about it is tuned for the portal; the portal adapts by configuration.
 */
final class ThirdPartyProvider implements AutoCloseable {

    private static final String WELL_KNOWN = "/.well-known/openid-configuration";
    private static final long TOKEN_LIFETIME_SECONDS = 3600;

    private final MockOAuth2Server server;
    private final MockWebServer wire;
    private final URI issuer;

    private ThirdPartyProvider(MockOAuth2Server server, MockWebServer wire, URI issuer) {
        this.server = server;
        this.wire = wire;
        this.issuer = issuer;
    }

    static ThirdPartyProvider start(int port, String issuerId, ProviderCitizen citizen) {
        // A standing callback for this issuer (not an enqueued one-shot), so every sign-in gets the same citizen.
        // Audience null: the ID token's aud is then the requesting client's id, as OpenID Connect Core §2 wants.
        DefaultOAuth2TokenCallback tokens = new DefaultOAuth2TokenCallback(issuerId, citizen.subject(), "JWT", null,
                citizen.claims(), TOKEN_LIFETIME_SECONDS);
        MockWebServerWrapper http = new MockWebServerWrapper();
        OAuth2Config config = new OAuth2Config(false, null, null, false, new OAuth2TokenProvider(), Set.of(tokens), http);
        MockOAuth2Server server = new MockOAuth2Server(config);
        server.start(InetAddress.getLoopbackAddress(), port);
        // mock-oauth2-server derives its issuer from the Host header it is reached by; the portal is configured
        // with 127.0.0.1, so that is the issuer it will see declared.
        URI issuer = URI.create("http://127.0.0.1:" + port + "/" + issuerId);
        return new ThirdPartyProvider(server, http.getMockWebServer(), issuer);
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
}
