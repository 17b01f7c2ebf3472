package vn.portal.sandbox;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import net.minidev.json.JSONObject;
import net.minidev.json.parser.JSONParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CodeFlowTest {

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

    static JSONObject json(String body) throws Exception {
        return (JSONObject) new JSONParser(JSONParser.MODE_RFC4627).parse(body);
    }

    static JWTClaimsSet verifiedAgainstPublishedKeys(String jwt, Browser browser, URI jwksUri) throws Exception {
        SignedJWT signed = SignedJWT.parse(jwt);
        JWKSet published = JWKSet.parse(browser.get(jwksUri).body());
        JWK key = published.getKeyByKeyId(signed.getHeader().getKeyID());
        assertThat(key).as("kid %s published", signed.getHeader().getKeyID()).isNotNull();
        assertThat(key.isPrivate()).as("published key is public only").isFalse();
        JWSVerifier verifier = key instanceof RSAKey rsa ? new RSASSAVerifier(rsa) : new ECDSAVerifier((ECKey) key);
        assertThat(signed.verify(verifier)).as("signature verifies").isTrue();
        return signed.getJWTClaimsSet();
    }

    @Test
    void signsInNguyenVanAnThroughPickerAndReturnsVerifiableIdTokenAndUserInfo() throws Exception {
        Browser browser = new Browser();
        Flow flow = new Flow(server, browser);

        HttpResponse<String> picker = flow.authorize();
        assertThat(picker.statusCode()).isEqualTo(200);
        assertThat(picker.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(picker.body())
                .contains("Định danh điện tử VNeID")
                .contains("MÔI TRƯỜNG THỬ NGHIỆM — không dùng cho dịch vụ thật")
                .contains("Nguyễn Văn An").contains("0010******45")
                .contains("Trần Thị Bích Ngọc").contains("Phạm Minh Đức")
                .contains(">Đăng nhập</button>")
                .doesNotContain("name=\"otp\"");

        HttpResponse<String> decision = flow.decide(picker, "001085012345", Map.of());
        assertThat(decision.statusCode()).isEqualTo(303);
        Map<String, String> redirect = Flow.redirectParams(decision);
        assertThat(redirect).containsEntry("state", flow.state.getValue())
                .containsEntry("iss", server.issuer().toString())
                .containsKey("code");

        HttpResponse<String> tokenResponse = flow.token(redirect.get("code"));
        assertThat(tokenResponse.statusCode()).isEqualTo(200);
        assertThat(tokenResponse.headers().firstValue("Cache-Control")).hasValue("no-store");
        JSONObject tokens = json(tokenResponse.body());
        assertThat(tokens.getAsString("token_type")).isEqualTo("Bearer");

        JWTClaimsSet claims = verifiedAgainstPublishedKeys(tokens.getAsString("id_token"), browser,
                flow.endpoint("/jwks"));
        SignedJWT idToken = SignedJWT.parse(tokens.getAsString("id_token"));
        assertThat(idToken.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(claims.getIssuer()).isEqualTo(server.issuer().toString());
        assertThat(claims.getAudience()).containsExactly("vneid-portal");
        assertThat(json(new String(java.util.Base64.getUrlDecoder().decode(tokens.getAsString("id_token").split("\\.")[1]),
                java.nio.charset.StandardCharsets.UTF_8)).get("aud")).as("aud is an array").isInstanceOf(List.class);
        assertThat(claims.getExpirationTime().toInstant())
                .isEqualTo(claims.getIssueTime().toInstant().plusSeconds(300));
        assertThat(claims.getLongClaim("auth_time")).isNotNull();
        assertThat(claims.getStringClaim("nonce")).isEqualTo(flow.nonce.getValue());
        assertThat(claims.getStringClaim("acr")).isEqualTo("urn:vneid:loa:2");
        assertThat(claims.getStringListClaim("amr")).containsExactly("pwd");
        assertThat(claims.getStringClaim("sid")).isNotBlank();
        assertThat(claims.getStringClaim("citizenPid")).isEqualTo("001085012345");
        assertThat(claims.getStringClaim("fullName")).isEqualTo("Nguyễn Văn An");
        assertThat(claims.getStringClaim("name")).isEqualTo("Nguyễn Văn An");
        assertThat(claims.getStringClaim("birthDate")).isEqualTo("1985-03-12");
        assertThat(claims.getStringClaim("gender")).isEqualTo("male");
        assertThat(claims.getClaim("accountLevel")).isEqualTo(2L);
        assertThat(claims.getStringClaim("phone_number")).isEqualTo("+84912345678");
        assertThat(claims.getSubject()).isNotEqualTo("001085012345");

        HttpResponse<String> userInfo = flow.userInfo(tokens.getAsString("access_token"));
        assertThat(userInfo.statusCode()).isEqualTo(200);
        JSONObject info = json(userInfo.body());
        assertThat(info.getAsString("sub")).isEqualTo(claims.getSubject());
        assertThat(info.getAsString("citizenPid")).isEqualTo("001085012345");
        assertThat(info.getAsString("fullName")).isEqualTo("Nguyễn Văn An");
        assertThat(info.getAsString("birthDate")).isEqualTo("1985-03-12");
        assertThat(info.getAsString("gender")).isEqualTo("male");
        assertThat(info.getAsNumber("accountLevel").intValue()).isEqualTo(2);
    }

    @Test
    void nimbusRelyingPartyValidatorsAcceptTheIdTokenAndMetadata() throws Exception {
        Browser browser = new Browser();
        Flow flow = new Flow(server, browser);
        com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata metadata =
                com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata.parse(browser.get(server.discoveryUri()).body());
        String idToken = json(flow.token(flow.signIn("001085012345").get("code")).body()).getAsString("id_token");
        JWKSet keys = JWKSet.parse(browser.get(metadata.getJWKSetURI()).body());
        com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet claims =
                new com.nimbusds.openid.connect.sdk.validators.IDTokenValidator(metadata.getIssuer(),
                        new com.nimbusds.oauth2.sdk.id.ClientID("vneid-portal"), JWSAlgorithm.RS256, keys)
                        .validate(com.nimbusds.jwt.JWTParser.parse(idToken), flow.nonce);
        assertThat(claims.getStringClaim("citizenPid")).isEqualTo("001085012345");
        assertThat(claims.getACR().getValue()).isEqualTo("urn:vneid:loa:2");
    }

    @Test
    void ssoSessionSkipsPickerButPromptLoginForcesIt() throws Exception {
        Browser browser = new Browser();
        Flow first = new Flow(server, browser);
        Map<String, String> firstRedirect = first.signIn("079301001234");
        JWTClaimsSet firstClaims = SignedJWT.parse(json(first.token(firstRedirect.get("code")).body())
                .getAsString("id_token")).getJWTClaimsSet();

        Flow second = new Flow(server, browser);
        HttpResponse<String> direct = second.authorize();
        assertThat(direct.statusCode()).as("SSO answers with a redirect, no picker").isEqualTo(302);
        Map<String, String> params = Flow.redirectParams(direct);
        assertThat(params).containsEntry("state", second.state.getValue()).containsKey("code");
        JWTClaimsSet secondClaims = SignedJWT.parse(json(second.token(params.get("code")).body())
                .getAsString("id_token")).getJWTClaimsSet();
        assertThat(secondClaims.getStringClaim("citizenPid")).isEqualTo("079301001234");
        assertThat(secondClaims.getStringClaim("sid")).isEqualTo(firstClaims.getStringClaim("sid"));
        assertThat(secondClaims.getStringClaim("nonce")).isEqualTo(second.nonce.getValue());

        Flow third = new Flow(server, browser);
        HttpResponse<String> forced = third.authorize(b -> b.prompt(new com.nimbusds.openid.connect.sdk.Prompt("login")));
        assertThat(forced.statusCode()).isEqualTo(200);
        assertThat(forced.body()).contains("name=\"tx\"");
    }

    @Test
    void requestWithoutNonceGetsIdTokenWithoutNonce() throws Exception {
        Flow flow = new Flow(server, new Browser());
        HttpResponse<String> picker = flow.authorize(b -> b.nonce(null));
        HttpResponse<String> decision = flow.decide(picker, "038188005566", Map.of());
        String idToken = json(flow.token(Flow.redirectParams(decision).get("code")).body()).getAsString("id_token");
        JWTClaimsSet claims = SignedJWT.parse(idToken).getJWTClaimsSet();
        assertThat(claims.getClaims()).doesNotContainKey("nonce");
        assertThat(claims.getStringClaim("fullName")).isEqualTo("Bùi Thị Lan");
    }

    @Test
    void manyConcurrentSignInsAllSucceedWithDistinctCodesAndTokens() throws Exception {
        int signIns = 96;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(12);
        try {
            List<java.util.concurrent.Future<String>> results = new java.util.ArrayList<>();
            for (int i = 0; i < signIns; i++) {
                String pid = List.of("001085012345", "079301001234", "001190000021", "031095004567").get(i % 4);
                results.add(pool.submit(() -> {
                    Flow flow = new Flow(server, new Browser());
                    Map<String, String> redirect = flow.signIn(pid);
                    assertThat(redirect.get("state")).isEqualTo(flow.state.getValue());
                    HttpResponse<String> tokens = flow.token(redirect.get("code"));
                    assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
                    JWTClaimsSet claims = SignedJWT.parse(json(tokens.body()).getAsString("id_token")).getJWTClaimsSet();
                    assertThat(claims.getStringClaim("citizenPid")).isEqualTo(pid);
                    assertThat(claims.getStringClaim("nonce")).isEqualTo(flow.nonce.getValue());
                    return redirect.get("code");
                }));
            }
            java.util.Set<String> codes = new java.util.HashSet<>();
            for (java.util.concurrent.Future<String> f : results) {
                codes.add(f.get());
            }
            assertThat(codes).hasSize(signIns);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void promptNoneWithoutSessionAnswersLoginRequired() {
        Flow flow = new Flow(server, new Browser());
        HttpResponse<String> response = flow.authorize(b -> b.prompt(new com.nimbusds.openid.connect.sdk.Prompt("none")));
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(Flow.redirectParams(response)).containsEntry("error", "login_required")
                .containsEntry("state", flow.state.getValue())
                .containsEntry("iss", server.issuer().toString());
    }

    @Test
    void englishPickerWhenUiLocalesAsksForEnglish() throws Exception {
        Flow flow = new Flow(server, new Browser());
        List<com.nimbusds.langtag.LangTag> english = List.of(com.nimbusds.langtag.LangTag.parse("en"));
        HttpResponse<String> picker = flow.authorize(b -> b.uiLocales(english));
        assertThat(picker.body()).contains("lang=\"en\"").contains("TEST ENVIRONMENT — not for real services")
                .contains(">Sign in</button>");
    }

    @Test
    void headOnDiscoveryAnswersWithoutBody() {
        HttpResponse<String> head = new Browser().send(java.net.http.HttpRequest.newBuilder(server.discoveryUri())
                .method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody()).build());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
    }

    @Test
    void healthAnswersUp() {
        HttpResponse<String> health = new Browser().get(URI.create(server.issuer() + "/health"));
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("UP");
    }

    @Test
    void idTokenIsSignedWithEs256WhenConfigured(@TempDir Path otherDir) throws Exception {
        try (SandboxServer es = SandboxServer.start(SandboxConfig.builder().port(0).dataDir(otherDir).backchannelLogoutUri(null)
                .idTokenAlgorithm(JWSAlgorithm.ES256).build())) {
            Browser browser = new Browser();
            Flow flow = new Flow(es, browser);
            Map<String, String> redirect = flow.signIn("001190000021");
            String idToken = json(flow.token(redirect.get("code")).body()).getAsString("id_token");
            assertThat(SignedJWT.parse(idToken).getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
            JWTClaimsSet claims = verifiedAgainstPublishedKeys(idToken, browser, flow.endpoint("/jwks"));
            assertThat(claims.getStringClaim("fullName")).isEqualTo("Lê Thị Hoa");
            assertThat(claims.getExpirationTime().toInstant()).isAfter(Instant.now());
        }
    }
}
