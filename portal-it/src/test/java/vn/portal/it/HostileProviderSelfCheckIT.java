package vn.portal.it;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.util.URLUtils;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.portal.it.provider.Citizen;
import vn.portal.it.provider.HostileProvider;
import vn.portal.it.provider.ProviderCase;
import vn.portal.it.provider.ProviderCase.AuthorizationIssuer;
import vn.portal.it.provider.ProviderCase.AuthorizationState;
import vn.portal.it.provider.ProviderCase.KeyId;
import vn.portal.it.provider.ProviderCase.Signing;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Checks the test harness itself, without the portal: Nimbus's reference ID token validator accepts
 * the hostile provider's honest tokens and refuses each misbehaviour, and the provider enforces
 * client authentication, PKCE and single-use codes. When a conformance case fails, this class is
 * what says the fault lies with the portal rather than with the provider.
 */
class HostileProviderSelfCheckIT {

    /** Its own port, so it never collides with the provider the portal is configured for. */
    private static final int PORT = 18091;
    private static final String SECRET = "self-check-secret";
    private static final URI REDIRECT_URI = URI.create("http://localhost:18080/callback");

    private static HostileProvider provider;
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void startProvider() throws IOException {
        provider = HostileProvider.start(PORT, SECRET, REDIRECT_URI);
    }

    @AfterAll
    static void stopProvider() {
        provider.close();
    }

    /** What a correct relying party would hold after the authorization response. */
    private record AuthorizationResult(Map<String, List<String>> response, String state, Nonce nonce, CodeVerifier verifier) {
        String code() {
            return response.get("code").get(0);
        }
    }

    @Test
    @DisplayName("honest RS256, ES256 and kid-less single-key tokens pass the Nimbus reference validator")
    void honestTokensValidate() throws Exception {
        for (ProviderCase honest : List.of(ProviderCase.honest("rs256"),
                ProviderCase.honest("es256").signedWith(Signing.ES256),
                ProviderCase.honest("kid-absent").withKeyId(KeyId.ABSENT_SINGLE_KEY_JWKS),
                ProviderCase.honest("unusable-jwks-entries").withUnusableKeysInJwks())) {
            provider.behave(honest);
            AuthorizationResult authorization = authorize();
            Map<String, Object> tokens = redeem(authorization.code(), authorization.verifier(), SECRET);
            JWT idToken = JWTParser.parse((String) tokens.get("id_token"));
            JWSAlgorithm algorithm = honest.signing() == Signing.ES256 ? JWSAlgorithm.ES256 : JWSAlgorithm.RS256;

            var claims = validator(algorithm).validate(idToken, authorization.nonce());

            assertThat(claims.getSubject().getValue()).as(honest.name()).isEqualTo(Citizen.NGUYEN_VAN_AN.subject());
            assertThat(claims.getStringClaim("citizenPid")).as(honest.name()).isEqualTo("001085012345");
            assertThat(claims.getStringClaim("fullName")).as(honest.name()).isEqualTo("Nguyễn Văn An");
            Map<String, Object> userInfo = userInfo((String) tokens.get("access_token"));
            assertThat(userInfo.get("sub")).as(honest.name()).isEqualTo(Citizen.NGUYEN_VAN_AN.subject());
        }
    }

    @Test
    @DisplayName("each ID token misbehaviour is refused by the Nimbus reference validator")
    void misbehavingTokensAreGenuinelyInvalid() throws Exception {
        Instant now = Instant.now();
        List<ProviderCase> cases = List.of(
                ProviderCase.honest("iss").withIdToken(c -> c.issuer("http://127.0.0.1:18099")),
                ProviderCase.honest("sub").withIdToken(c -> c.subject(null)),
                ProviderCase.honest("aud").withIdToken(c -> c.audience("another-client")),
                ProviderCase.honest("aud-missing").withIdToken(c -> c.audience((String) null)),
                ProviderCase.honest("iat").withIdToken(c -> c.issueTime(null)),
                ProviderCase.honest("iat-future").withIdToken(c -> c.issueTime(Date.from(now.plusSeconds(3600)))
                        .expirationTime(Date.from(now.plusSeconds(3900)))),
                ProviderCase.honest("exp").withIdToken(c -> c.issueTime(Date.from(now.minusSeconds(900)))
                        .expirationTime(Date.from(now.minusSeconds(600)))),
                ProviderCase.honest("exp-missing").withIdToken(c -> c.expirationTime(null)),
                ProviderCase.honest("nonce").withIdToken(c -> c.claim("nonce", "other")),
                ProviderCase.honest("nonce-missing").withIdToken(c -> c.claim("nonce", null)),
                ProviderCase.honest("bad-sig-rs256").withCorruptedSignature(),
                ProviderCase.honest("unpublished-kid").withKeyId(KeyId.UNPUBLISHED),
                ProviderCase.honest("none").signedWith(Signing.NONE),
                ProviderCase.honest("hs256-foreign").signedWith(Signing.HS256_FOREIGN_SECRET),
                ProviderCase.honest("hs256-alg-confusion").signedWith(Signing.HS256_KEYED_WITH_RSA_PUBLIC_KEY));
        for (ProviderCase misbehaviour : cases) {
            provider.behave(misbehaviour);
            AuthorizationResult authorization = authorize();
            JWT idToken = JWTParser.parse((String) redeem(authorization.code(), authorization.verifier(), SECRET).get("id_token"));

            assertThatThrownBy(() -> validator(JWSAlgorithm.RS256).validate(idToken, authorization.nonce()))
                    .as(misbehaviour.name()).isInstanceOfAny(BadJOSEException.class, com.nimbusds.jose.JOSEException.class);
        }
        provider.behave(ProviderCase.honest("bad-sig-es256").signedWith(Signing.ES256).withCorruptedSignature());
        AuthorizationResult authorization = authorize();
        JWT idToken = JWTParser.parse((String) redeem(authorization.code(), authorization.verifier(), SECRET).get("id_token"));
        assertThatThrownBy(() -> validator(JWSAlgorithm.ES256).validate(idToken, authorization.nonce()))
                .as("bad-sig-es256").isInstanceOf(BadJOSEException.class);
    }

    @Test
    @DisplayName("the authorization response carries exactly the iss/state misbehaviour asked for")
    void authorizationResponseMisbehaviours() throws Exception {
        provider.behave(ProviderCase.honest("honest"));
        AuthorizationResult honest = authorize();
        assertThat(honest.response().get("iss")).containsExactly(provider.issuer());
        assertThat(honest.response().get("state")).containsExactly(honest.state());

        provider.behave(ProviderCase.honest("iss-wrong").withAuthorizationIssuer(AuthorizationIssuer.WRONG));
        assertThat(authorize().response().get("iss")).containsExactly("http://127.0.0.1:18099");
        provider.behave(ProviderCase.honest("iss-absent").withAuthorizationIssuer(AuthorizationIssuer.ABSENT));
        assertThat(authorize().response()).doesNotContainKey("iss").containsKey("code");
        provider.behave(ProviderCase.honest("state-wrong").withAuthorizationState(AuthorizationState.WRONG));
        AuthorizationResult wrongState = authorize();
        assertThat(wrongState.response().get("state")).doesNotContain(wrongState.state());
        provider.behave(ProviderCase.honest("state-absent").withAuthorizationState(AuthorizationState.ABSENT));
        assertThat(authorize().response()).doesNotContainKey("state");
        provider.behave(ProviderCase.honest("error").withAuthorizationError("access_denied"));
        assertThat(authorize().response()).containsEntry("error", List.of("access_denied")).doesNotContainKey("code");
    }

    @Test
    @DisplayName("the provider enforces client_secret_basic, PKCE S256, the registered redirect URI and single-use codes")
    void providerIsStrictAboutTheProtocol() throws Exception {
        provider.behave(ProviderCase.honest("strict"));
        AuthorizationResult authorization = authorize();
        assertThat(tokenResponse(authorization.code(), authorization.verifier(), "wrong-secret").statusCode()).isEqualTo(401);

        AuthorizationResult second = authorize();
        HttpResponse<String> badVerifier = tokenResponse(second.code(), new CodeVerifier(), SECRET);
        assertThat(badVerifier.statusCode()).isEqualTo(400);
        assertThat(badVerifier.body()).contains("invalid_grant");

        AuthorizationResult third = authorize();
        assertThat(tokenResponse(third.code(), third.verifier(), SECRET).statusCode()).isEqualTo(200);
        HttpResponse<String> replay = tokenResponse(third.code(), third.verifier(), SECRET);
        assertThat(replay.statusCode()).isEqualTo(400);
        assertThat(replay.body()).contains("invalid_grant");

        HttpResponse<String> foreignRedirect = HTTP.send(HttpRequest.newBuilder(URI.create(provider.issuer()
                + "/authorize?response_type=code&scope=openid&client_id=portal-it&state=s&nonce=n"
                + "&code_challenge=" + CodeChallenge.compute(CodeChallengeMethod.S256, new CodeVerifier()).getValue()
                + "&code_challenge_method=S256&redirect_uri=http%3A%2F%2Flocalhost%3A18080%2Fevil")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(foreignRedirect.statusCode()).isEqualTo(400);
        assertThat(provider.complaints()).isNotEmpty();
    }

    @Test
    @DisplayName("token response without id_token and UserInfo without sub, when asked to")
    void responseOmissions() throws Exception {
        provider.behave(ProviderCase.honest("no-id-token").withoutIdToken());
        AuthorizationResult authorization = authorize();
        Map<String, Object> tokens = redeem(authorization.code(), authorization.verifier(), SECRET);
        assertThat(tokens).containsKey("access_token").doesNotContainKey("id_token");

        provider.behave(ProviderCase.honest("userinfo-no-sub").withoutUserInfoSubject());
        AuthorizationResult second = authorize();
        Map<String, Object> secondTokens = redeem(second.code(), second.verifier(), SECRET);
        assertThat(userInfo((String) secondTokens.get("access_token"))).doesNotContainKey("sub").containsKey("citizenPid");
    }

    @Test
    @DisplayName("UserInfo answers about another subject when asked to")
    void userInfoSubjectOverride() throws Exception {
        provider.behave(ProviderCase.honest("userinfo-sub").withUserInfoSubject("vneid-someone-else"));
        AuthorizationResult authorization = authorize();
        Map<String, Object> tokens = redeem(authorization.code(), authorization.verifier(), SECRET);
        assertThat(userInfo((String) tokens.get("access_token")).get("sub")).isEqualTo("vneid-someone-else");
    }

    // ------------------------------------------------------------------ a minimal correct relying party

    private static AuthorizationResult authorize() throws Exception {
        String state = UUID.randomUUID().toString();
        Nonce nonce = new Nonce();
        CodeVerifier verifier = new CodeVerifier();
        String query = URLUtils.serializeParameters(Map.of(
                "response_type", List.of("code"), "scope", List.of("openid profile"),
                "client_id", List.of(HostileProvider.CLIENT_ID), "redirect_uri", List.of(REDIRECT_URI.toString()),
                "state", List.of(state), "nonce", List.of(nonce.getValue()),
                "code_challenge", List.of(CodeChallenge.compute(CodeChallengeMethod.S256, verifier).getValue()),
                "code_challenge_method", List.of("S256")));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(provider.issuer() + "/authorize?" + query)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("authorize: " + response.body()).isEqualTo(302);
        URI location = URI.create(response.headers().firstValue("Location").orElseThrow());
        assertThat(location.getPath()).isEqualTo("/callback");
        return new AuthorizationResult(URLUtils.parseParameters(location.getRawQuery()), state, nonce, verifier);
    }

    private static HttpResponse<String> tokenResponse(String code, CodeVerifier verifier, String secret) throws Exception {
        String basic = Base64.getEncoder().encodeToString((HostileProvider.CLIENT_ID + ":" + secret).getBytes(StandardCharsets.UTF_8));
        String form = URLUtils.serializeParameters(Map.of("grant_type", List.of("authorization_code"), "code", List.of(code),
                "redirect_uri", List.of(REDIRECT_URI.toString()), "code_verifier", List.of(verifier.getValue())));
        return HTTP.send(HttpRequest.newBuilder(URI.create(provider.issuer() + "/token"))
                        .header("Authorization", "Basic " + basic)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, Object> redeem(String code, CodeVerifier verifier, String secret) throws Exception {
        HttpResponse<String> response = tokenResponse(code, verifier, secret);
        assertThat(response.statusCode()).as("token: " + response.body() + " " + provider.describe()).isEqualTo(200);
        return JSONObjectUtils.parse(response.body());
    }

    private static Map<String, Object> userInfo(String accessToken) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(provider.issuer() + "/userinfo"))
                .header("Authorization", "Bearer " + accessToken).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return JSONObjectUtils.parse(response.body());
    }

    private static IDTokenValidator validator(JWSAlgorithm algorithm) throws Exception {
        return new IDTokenValidator(new Issuer(provider.issuer()), new ClientID(HostileProvider.CLIENT_ID), algorithm,
                new URL(provider.issuer() + "/jwks"));
    }
}
