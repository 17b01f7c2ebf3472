package vn.portal.sandbox;

import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The authorization endpoint refuses what OpenID Connect Core, RFC 6749 and RFC 7636 say it must. */
class AuthorizationRequestTest {

    @TempDir
    static Path dataDir;

    static SandboxServer server;

    @BeforeAll
    static void start() throws Exception {
        server = SandboxServer.start(SandboxConfig.builder().port(0).dataDir(dataDir).backchannelLogoutUri(null).build());
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static String withoutParam(Object uri, String name) {
        return uri.toString().replaceAll("([?&])" + name + "=[^&]*&?", "$1").replaceAll("[?&]$", "");
    }

    @Test
    void refusesMissingPkceWithErrorRedirect() {
        Flow flow = new Flow(server, new Browser());
        URI noPkce = URI.create(withoutParam(withoutParam(flow.authorizeUri(b -> { }), "code_challenge"),
                "code_challenge_method"));
        HttpResponse<String> response = flow.browser.get(noPkce);
        assertThat(response.statusCode()).isEqualTo(302);
        Map<String, String> params = Flow.redirectParams(response);
        assertThat(params).containsEntry("error", "invalid_request")
                .containsEntry("state", flow.state.getValue())
                .containsEntry("iss", server.issuer().toString());
        assertThat(params.get("error_description")).contains("PKCE");
    }

    @Test
    void refusesPlainPkce() {
        Flow flow = new Flow(server, new Browser());
        CodeVerifier verifier = new CodeVerifier();
        HttpResponse<String> response = flow.authorize(b -> b.codeChallenge(verifier, CodeChallengeMethod.PLAIN));
        Map<String, String> params = Flow.redirectParams(response);
        assertThat(params).containsEntry("error", "invalid_request");
        assertThat(params.get("error_description")).contains("S256");
    }

    @Test
    void refusesPkceWithoutMethodSinceThatMeansPlain() {
        Flow flow = new Flow(server, new Browser());
        URI uri = URI.create(withoutParam(flow.authorizeUri(b -> { }), "code_challenge_method"));
        assertThat(Flow.redirectParams(flow.browser.get(uri))).containsEntry("error", "invalid_request");
    }

    @Test
    void unregisteredRedirectUriGetsErrorPageAndNoRedirect() {
        Flow flow = new Flow(server, new Browser());
        URI uri = URI.create(flow.authorizeUri(b -> { }).toString()
                .replace("redirect_uri=http%3A%2F%2Flocalhost%3A8080%2Fcallback", "redirect_uri=http%3A%2F%2Fevil.example%2Fcallback"));
        HttpResponse<String> response = flow.browser.get(uri);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Location")).isEmpty();
        assertThat(response.body()).contains("redirect_uri").contains("không khớp");
    }

    @Test
    void redirectUriMustMatchExactlyNotByPrefix() {
        Flow flow = new Flow(server, new Browser());
        URI uri = URI.create(flow.authorizeUri(b -> { }).toString()
                .replace("redirect_uri=http%3A%2F%2Flocalhost%3A8080%2Fcallback", "redirect_uri=http%3A%2F%2Flocalhost%3A8080%2Fcallback%2Fx"));
        assertThat(flow.browser.get(uri).statusCode()).isEqualTo(400);
    }

    @Test
    void unknownClientGetsErrorPageAndNoRedirect() {
        Flow flow = new Flow(server, new Browser());
        URI uri = URI.create(flow.authorizeUri(b -> { }).toString().replace("client_id=vneid-portal", "client_id=stranger"));
        HttpResponse<String> response = flow.browser.get(uri);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Location")).isEmpty();
        assertThat(response.body()).contains("stranger").contains("không được đăng ký");
    }

    @Test
    void refusesImplicitResponseType() {
        Flow flow = new Flow(server, new Browser());
        URI uri = URI.create(flow.authorizeUri(b -> { }).toString().replace("response_type=code", "response_type=id_token"));
        Map<String, String> params = Flow.redirectParams(flow.browser.get(uri));
        assertThat(params.get("error")).isIn("unsupported_response_type", "invalid_request");
    }

    @Test
    void refusesRequestWithoutOpenidScope() {
        Flow flow = new Flow(server, new Browser());
        URI uri = URI.create(flow.authorizeUri(b -> { }).toString().replaceAll("scope=[^&]*", "scope=profile"));
        Map<String, String> params = Flow.redirectParams(flow.browser.get(uri));
        assertThat(params.get("error")).isIn("invalid_scope", "invalid_request");
        assertThat(params).containsEntry("state", flow.state.getValue());
    }

    @Test
    void refusesRepeatedParameters() {
        Flow flow = new Flow(server, new Browser());
        URI uri = URI.create(flow.authorizeUri(b -> { }) + "&nonce=second");
        assertThat(Flow.redirectParams(flow.browser.get(uri))).containsEntry("error", "invalid_request");
    }

    @Test
    void refusesOversizedQueryWithoutParsingIt() {
        Flow flow = new Flow(server, new Browser());
        URI uri = URI.create(flow.authorizeUri(b -> { }) + "&pad=" + "x".repeat(20_000));
        assertThat(flow.browser.get(uri).statusCode()).isEqualTo(414);
    }

    @Test
    void unknownPathsAndMethodsAreRefused() {
        Browser browser = new Browser();
        assertThat(browser.get(URI.create(server.issuer() + "/tokenx")).statusCode()).isEqualTo(404);
        assertThat(browser.get(URI.create(server.issuer() + "/token")).statusCode()).isEqualTo(405);
    }
}
