package vn.portal.sandbox;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.util.URLUtils;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.portal.sandbox.CodeFlowTest.json;
import static vn.portal.sandbox.CodeFlowTest.verifiedAgainstPublishedKeys;

/** RP-Initiated Logout 1.0 and Back-Channel Logout 1.0, with a tiny relying party receiving the logout token. */
class LogoutTest {

    @TempDir
    static Path dataDir;

    static HttpServer relyingParty;
    static final BlockingQueue<String> receivedBodies = new LinkedBlockingQueue<>();
    static SandboxServer server;

    @BeforeAll
    static void start() throws Exception {
        relyingParty = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        relyingParty.createContext("/backchannel-logout", exchange -> {
            try (exchange; InputStream in = exchange.getRequestBody()) {
                String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
                receivedBodies.add(exchange.getRequestMethod() + " " + contentType + "\n"
                        + new String(in.readAllBytes(), StandardCharsets.UTF_8));
                exchange.getResponseHeaders().set("Cache-Control", "no-store");
                exchange.sendResponseHeaders(200, -1);
            }
        });
        relyingParty.start();
        URI backchannel = URI.create("http://127.0.0.1:" + relyingParty.getAddress().getPort() + "/backchannel-logout");
        server = SandboxServer.start(SandboxConfig.builder().port(0).dataDir(dataDir).backchannelLogoutUri(backchannel).build());
    }

    @AfterAll
    static void stop() {
        server.stop();
        relyingParty.stop(0);
    }

    @BeforeEach
    void forgetEarlierDeliveries() {
        receivedBodies.clear();
    }

    private static String idTokenFor(Flow flow, String personalId) throws Exception {
        Map<String, String> redirect = flow.signIn(personalId);
        return json(flow.token(redirect.get("code")).body()).getAsString("id_token");
    }

    private static String nextLogoutToken() throws InterruptedException {
        // Waiting for an asynchronous delivery, not asserting how long it takes.
        String received = receivedBodies.poll(30, TimeUnit.SECONDS);
        assertThat(received).as("back-channel logout delivered").isNotNull();
        String[] parts = received.split("\n", 2);
        assertThat(parts[0]).startsWith("POST application/x-www-form-urlencoded");
        return URLUtils.parseParameters(parts[1]).get("logout_token").get(0);
    }

    @Test
    void rpInitiatedLogoutRedirectsWithStateAndPostsValidLogoutToken() throws Exception {
        Browser browser = new Browser();
        Flow flow = new Flow(server, browser);
        String idToken = idTokenFor(flow, "079301001234");
        JWTClaimsSet idClaims = SignedJWT.parse(idToken).getJWTClaimsSet();

        URI logout = URI.create(server.issuer() + "/logout?id_token_hint=" + idToken
                + "&post_logout_redirect_uri=" + URLEncoder.encode("http://localhost:8080/", StandardCharsets.UTF_8)
                + "&state=bye-123");
        HttpResponse<String> response = browser.get(logout);
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(Browser.location(response)).isEqualTo(URI.create("http://localhost:8080/?state=bye-123"));

        String logoutToken = nextLogoutToken();
        SignedJWT jwt = SignedJWT.parse(logoutToken);
        assertThat(jwt.getHeader().getType()).isEqualTo(new JOSEObjectType("logout+jwt"));
        JWTClaimsSet claims = verifiedAgainstPublishedKeys(logoutToken, browser, flow.endpoint("/jwks"));
        assertThat(claims.getIssuer()).isEqualTo(server.issuer().toString());
        assertThat(claims.getAudience()).containsExactly("vneid-portal");
        assertThat(claims.getIssueTime()).isNotNull();
        assertThat(claims.getExpirationTime()).isAfter(claims.getIssueTime());
        assertThat(claims.getJWTID()).isNotBlank();
        assertThat(claims.getJSONObjectClaim("events"))
                .containsOnlyKeys("http://schemas.openid.net/event/backchannel-logout");
        assertThat(claims.getJSONObjectClaim("events").get("http://schemas.openid.net/event/backchannel-logout"))
                .isEqualTo(Map.of());
        assertThat(claims.getSubject()).isEqualTo(idClaims.getSubject());
        assertThat(claims.getStringClaim("sid")).isEqualTo(idClaims.getStringClaim("sid"));
        assertThat(claims.getClaims()).doesNotContainKey("nonce");

        // A standard relying-party library accepts it too.
        com.nimbusds.openid.connect.sdk.claims.LogoutTokenClaimsSet validated =
                new com.nimbusds.openid.connect.sdk.validators.LogoutTokenValidator(
                        new com.nimbusds.oauth2.sdk.id.Issuer(server.issuer()), new com.nimbusds.oauth2.sdk.id.ClientID("vneid-portal"),
                        com.nimbusds.jose.JWSAlgorithm.RS256,
                        com.nimbusds.jose.jwk.JWKSet.parse(browser.get(flow.endpoint("/jwks")).body()))
                        .validate(jwt);
        assertThat(validated.getSessionID().getValue()).isEqualTo(idClaims.getStringClaim("sid"));

        HttpResponse<String> again = new Flow(server, browser).authorize();
        assertThat(again.statusCode()).as("the SSO session is gone: the picker shows").isEqualTo(200);
    }

    @Test
    void logoutRevokesAccessTokensOfTheSession() throws Exception {
        Browser browser = new Browser();
        Flow flow = new Flow(server, browser);
        String accessToken = json(flow.token(flow.signIn("046072003311").get("code")).body()).getAsString("access_token");
        assertThat(flow.userInfo(accessToken).statusCode()).isEqualTo(200);
        assertThat(browser.get(URI.create(server.issuer() + "/logout")).statusCode()).isEqualTo(200);
        assertThat(flow.userInfo(accessToken).statusCode()).isEqualTo(401);
        nextLogoutToken();
    }

    @Test
    void logoutWithoutRedirectShowsSignedOutPage() throws Exception {
        Browser browser = new Browser();
        idTokenFor(new Flow(server, browser), "001190000021");
        HttpResponse<String> response = browser.get(URI.create(server.issuer() + "/logout"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("Bạn đã đăng xuất");
        assertThat(nextLogoutToken()).isNotBlank();
    }

    @Test
    void unregisteredPostLogoutRedirectIsRefusedAndSessionKept() throws Exception {
        Browser browser = new Browser();
        String idToken = idTokenFor(new Flow(server, browser), "001085012345");
        HttpResponse<String> response = browser.get(URI.create(server.issuer() + "/logout?id_token_hint=" + idToken
                + "&post_logout_redirect_uri=" + URLEncoder.encode("http://evil.example/", StandardCharsets.UTF_8)));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Location")).isEmpty();
        assertThat(new Flow(server, browser).authorize().statusCode()).as("still signed in").isEqualTo(302);
    }

    @Test
    void forgedIdTokenHintIsRefused() throws Exception {
        Browser browser = new Browser();
        String idToken = idTokenFor(new Flow(server, browser), "001085012345");
        String[] parts = idToken.split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        HttpResponse<String> response = browser.get(URI.create(server.issuer() + "/logout?id_token_hint=" + forged));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("id_token_hint");
    }

    @Test
    void pickingAnotherCitizenEndsThePreviousSessionOverTheBackChannel() throws Exception {
        Browser browser = new Browser();
        String first = idTokenFor(new Flow(server, browser), "001085012345");
        Flow second = new Flow(server, browser);
        HttpResponse<String> picker = second.authorize(b -> b.prompt(new com.nimbusds.openid.connect.sdk.Prompt("login")));
        assertThat(second.decide(picker, "079301001234", Map.of()).statusCode()).isEqualTo(303);
        JWTClaimsSet logout = SignedJWT.parse(nextLogoutToken()).getJWTClaimsSet();
        assertThat(logout.getStringClaim("sid")).isEqualTo(SignedJWT.parse(first).getJWTClaimsSet().getStringClaim("sid"));
    }
}
