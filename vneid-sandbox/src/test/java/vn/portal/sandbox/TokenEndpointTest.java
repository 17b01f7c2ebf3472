package vn.portal.sandbox;

import net.minidev.json.JSONObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.portal.sandbox.CodeFlowTest.json;

/** The token endpoint: RFC 6749 §4.1.3 and §5.2, RFC 7636 §4.6. */
class TokenEndpointTest {

    @TempDir
    static Path dataDir;

    static final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T02:00:00Z"));
    static SandboxServer server;

    @BeforeAll
    static void start() throws Exception {
        server = SandboxServer.start(SandboxConfig.builder().port(0).dataDir(dataDir).backchannelLogoutUri(null)
                .clock(clock).build());
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static void assertError(HttpResponse<String> response, int status, String error) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(json(response.body()).getAsString("error")).isEqualTo(error);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void wrongPkceVerifierIsRefused() throws Exception {
        Flow flow = new Flow(server, new Browser());
        String code = flow.signIn("001085012345").get("code");
        HttpResponse<String> response = flow.token(code, new com.nimbusds.oauth2.sdk.pkce.CodeVerifier().getValue(),
                Flow.REDIRECT, server.clientSecret());
        assertError(response, 400, "invalid_grant");
        assertThat(json(response.body()).getAsString("error_description")).contains("code_verifier");
    }

    @Test
    void missingPkceVerifierIsRefused() throws Exception {
        Flow flow = new Flow(server, new Browser());
        String code = flow.signIn("001085012345").get("code");
        assertError(flow.token(code, null, Flow.REDIRECT, server.clientSecret()), 400, "invalid_grant");
    }

    @Test
    void replayedCodeIsRefusedAndRevokesTheTokensIssuedFromIt() throws Exception {
        Flow flow = new Flow(server, new Browser());
        String code = flow.signIn("001190000021").get("code");
        HttpResponse<String> first = flow.token(code);
        assertThat(first.statusCode()).isEqualTo(200);
        String accessToken = json(first.body()).getAsString("access_token");
        assertThat(flow.userInfo(accessToken).statusCode()).isEqualTo(200);

        assertError(flow.token(code), 400, "invalid_grant");

        HttpResponse<String> afterReplay = flow.userInfo(accessToken);
        assertThat(afterReplay.statusCode()).isEqualTo(401);
        assertThat(afterReplay.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                v -> assertThat(v).startsWith("Bearer").contains("invalid_token"));
    }

    @Test
    void redirectUriMustMatchTheAuthorizationRequest() throws Exception {
        Flow flow = new Flow(server, new Browser());
        String code = flow.signIn("001085012345").get("code");
        assertError(flow.token(code, flow.verifier.getValue(), URI.create("http://localhost:8080/other"),
                server.clientSecret()), 400, "invalid_grant");
    }

    @Test
    void wrongClientSecretIsInvalidClientWithBasicChallenge() throws Exception {
        Flow flow = new Flow(server, new Browser());
        String code = flow.signIn("001085012345").get("code");
        HttpResponse<String> response = flow.token(code, flow.verifier.getValue(), Flow.REDIRECT, "not-the-secret-at-all");
        assertError(response, 401, "invalid_client");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
    }

    @Test
    void unauthenticatedClientIsRefused() throws Exception {
        Flow flow = new Flow(server, new Browser());
        String code = flow.signIn("001085012345").get("code");
        HttpResponse<String> response = flow.browser.send(HttpRequest.newBuilder(flow.endpoint("/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(Browser.encode(Map.of("grant_type", "authorization_code",
                        "code", code, "redirect_uri", Flow.REDIRECT.toString(), "client_id", "vneid-portal",
                        "code_verifier", flow.verifier.getValue())))).build());
        assertError(response, 400, "invalid_client");
    }

    @Test
    void otherGrantTypesAreUnsupported() throws Exception {
        Flow flow = new Flow(server, new Browser());
        HttpResponse<String> response = flow.browser.send(HttpRequest.newBuilder(flow.endpoint("/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", Flow.basic(server.clientId(), server.clientSecret()))
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=openid")).build());
        assertError(response, 400, "unsupported_grant_type");
    }

    @Test
    void oversizedTokenRequestIsRefusedBeforeParsing() {
        Flow flow = new Flow(server, new Browser());
        HttpResponse<String> response = flow.browser.send(HttpRequest.newBuilder(flow.endpoint("/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", Flow.basic(server.clientId(), server.clientSecret()))
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&code=" + "x".repeat(40_000)))
                .build());
        assertThat(response.statusCode()).isEqualTo(413);
    }

    @Test
    void codeExpiresAfterSixtySeconds() throws Exception {
        Flow flow = new Flow(server, new Browser());
        String code = flow.signIn("001085012345").get("code");
        clock.advance(Duration.ofSeconds(61));
        assertError(flow.token(code), 400, "invalid_grant");
    }

    @Test
    void maxAgeOlderThanTheSessionForcesAFreshPick() throws Exception {
        Browser browser = new Browser();
        Flow first = new Flow(server, browser);
        first.signIn("001085012345");
        clock.advance(Duration.ofMinutes(10));
        HttpResponse<String> lenient = new Flow(server, browser).authorize(b -> b.maxAge(3600));
        assertThat(lenient.statusCode()).as("session younger than max_age: straight back").isEqualTo(302);
        Flow strict = new Flow(server, browser);
        HttpResponse<String> picker = strict.authorize(b -> b.maxAge(300));
        assertThat(picker.statusCode()).as("session older than max_age: pick again").isEqualTo(200);
        HttpResponse<String> decision = strict.decide(picker, "001085012345", Map.of());
        String idToken = json(strict.token(Flow.redirectParams(decision).get("code")).body()).getAsString("id_token");
        assertThat(com.nimbusds.jwt.SignedJWT.parse(idToken).getJWTClaimsSet().getLongClaim("auth_time"))
                .isEqualTo(clock.instant().getEpochSecond());
    }

    @Test
    void unknownAccessTokenIsRefusedAtUserInfo() {
        Flow flow = new Flow(server, new Browser());
        assertThat(flow.userInfo("made-up-token").statusCode()).isEqualTo(401);
        HttpResponse<String> none = flow.browser.get(flow.endpoint("/userinfo"));
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
    }

    @Test
    void tokenResponseCarriesAccessTokenLifetime() throws Exception {
        Flow flow = new Flow(server, new Browser());
        JSONObject tokens = json(flow.token(flow.signIn("031095004567").get("code")).body());
        assertThat(tokens.getAsNumber("expires_in").intValue()).isEqualTo(600);
    }
}
