package vn.portal.sandbox;

import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.util.URLUtils;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** One relying-party sign-in against a running sandbox, step by step, as the tests need it. */
final class Flow {

    static final URI REDIRECT = URI.create("http://localhost:8080/callback");

    final SandboxServer server;
    final Browser browser;
    final CodeVerifier verifier = new CodeVerifier();
    final State state = new State();
    final Nonce nonce = new Nonce();

    Flow(SandboxServer server, Browser browser) {
        this.server = server;
        this.browser = browser;
    }

    URI endpoint(String path) {
        return URI.create(server.issuer() + path);
    }

    /** The authorization request URI with code, PKCE S256, state and nonce; {@code custom} may add to it. */
    URI authorizeUri(Consumer<AuthenticationRequest.Builder> custom) {
        AuthenticationRequest.Builder b = new AuthenticationRequest.Builder(ResponseType.CODE,
                new Scope("openid", "profile"), new ClientID(server.clientId()), REDIRECT)
                .endpointURI(endpoint("/authorize"))
                .state(state)
                .nonce(nonce)
                .codeChallenge(verifier, CodeChallengeMethod.S256);
        custom.accept(b);
        return b.build().toURI();
    }

    HttpResponse<String> authorize(Consumer<AuthenticationRequest.Builder> custom) {
        return browser.get(authorizeUri(custom));
    }

    HttpResponse<String> authorize() {
        return authorize(b -> { });
    }

    /** Posts the picker form for {@code personalId}; returns the decision response. */
    HttpResponse<String> decide(HttpResponse<String> picker, String personalId, Map<String, String> extra) {
        Map<String, String> form = new HashMap<>(Browser.pickerFields(picker.body()));
        form.put("citizen", personalId);
        form.putAll(extra);
        return browser.postForm(endpoint("/authorize/decision"), form);
    }

    /** Authorize, pick, and return the redirect parameters (code, state, iss). */
    Map<String, String> signIn(String personalId) {
        HttpResponse<String> decision = decide(authorize(), personalId, Map.of());
        assertThat(decision.statusCode()).as("decision status").isEqualTo(303);
        return redirectParams(decision);
    }

    static Map<String, String> redirectParams(HttpResponse<?> response) {
        URI location = Browser.location(response);
        assertThat(location.toString()).startsWith(REDIRECT + "?");
        Map<String, String> params = new HashMap<>();
        URLUtils.parseParameters(location.getRawQuery()).forEach((k, v) -> params.put(k, v.get(0)));
        return params;
    }

    HttpResponse<String> token(String code, String codeVerifier, URI redirectUri, String secret) {
        Map<String, String> form = new HashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirectUri.toString());
        if (codeVerifier != null) {
            form.put("code_verifier", codeVerifier);
        }
        return browser.send(HttpRequest.newBuilder(endpoint("/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", basic(server.clientId(), secret))
                .POST(HttpRequest.BodyPublishers.ofString(Browser.encode(form))).build());
    }

    HttpResponse<String> token(String code) {
        return token(code, verifier.getValue(), REDIRECT, server.clientSecret());
    }

    HttpResponse<String> userInfo(String accessToken) {
        return browser.send(HttpRequest.newBuilder(endpoint("/userinfo"))
                .header("Authorization", "Bearer " + accessToken).GET().build());
    }

    static String basic(String id, String secret) {
        // RFC 6749 §2.3.1: both parts form-urlencoded before Base64.
        String pair = URLUtils.serializeParameters(Map.of("a", List.of(id))).substring(2) + ":"
                + URLUtils.serializeParameters(Map.of("a", List.of(secret))).substring(2);
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }
}
