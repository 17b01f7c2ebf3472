package vn.portal.sandbox;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.auth.JWTAuthenticationClaimsSet;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.id.Audience;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.JWTID;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.portal.sandbox.CodeFlowTest.json;

/** private_key_jwt client authentication (OpenID Connect Core 1.0 §9, RFC 7523 §3). */
class PrivateKeyJwtTest {

    @TempDir
    static Path dataDir;

    static RSAKey clientKey;
    static SandboxServer server;

    @BeforeAll
    static void start() throws Exception {
        clientKey = new RSAKeyGenerator(2048).keyID("portal-key-1").keyUse(KeyUse.SIGNATURE).generate();
        Path jwks = dataDir.resolve("client-jwks.json");
        Files.writeString(jwks, new JWKSet(clientKey.toPublicJWK()).toString());
        server = SandboxServer.start(SandboxConfig.builder().port(0).dataDir(dataDir.resolve("op"))
                .backchannelLogoutUri(null).clientJwksFile(jwks).build());
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static HttpResponse<String> tokenWithAssertion(SandboxServer sandbox, Flow flow, String code, SignedJWT assertion) {
        Map<String, String> form = new HashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", Flow.REDIRECT.toString());
        form.put("code_verifier", flow.verifier.getValue());
        form.put("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
        form.put("client_assertion", assertion.serialize());
        return flow.browser.send(HttpRequest.newBuilder(URI.create(sandbox.issuer() + "/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(Browser.encode(form))).build());
    }

    private static SignedJWT assertion(URI audience) throws Exception {
        return new PrivateKeyJWT(new ClientID("vneid-portal"), audience, JWSAlgorithm.RS256,
                (java.security.PrivateKey) clientKey.toRSAPrivateKey(), clientKey.getKeyID(), null).getClientAssertion();
    }

    @Test
    void acceptsAssertionAddressedToTheTokenEndpoint() throws Exception {
        Flow flow = new Flow(server, new Browser());
        HttpResponse<String> response = tokenWithAssertion(server, flow, flow.signIn("001085012345").get("code"),
                assertion(URI.create(server.issuer() + "/token")));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json(response.body()).getAsString("id_token")).isNotBlank();
    }

    @Test
    void acceptsAssertionAddressedToTheIssuer() throws Exception {
        Flow flow = new Flow(server, new Browser());
        HttpResponse<String> response = tokenWithAssertion(server, flow, flow.signIn("001085012345").get("code"),
                assertion(server.issuer()));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    @Test
    void refusesReusedAssertion() throws Exception {
        SignedJWT once = assertion(URI.create(server.issuer() + "/token"));
        Flow first = new Flow(server, new Browser());
        assertThat(tokenWithAssertion(server, first, first.signIn("001085012345").get("code"), once).statusCode())
                .isEqualTo(200);
        Flow second = new Flow(server, new Browser());
        HttpResponse<String> replay = tokenWithAssertion(server, second, second.signIn("001085012345").get("code"), once);
        assertThat(replay.statusCode()).isEqualTo(400);
        assertThat(json(replay.body()).getAsString("error")).isEqualTo("invalid_client");
        assertThat(json(replay.body()).getAsString("error_description")).contains("jti");
    }

    @Test
    void refusesAssertionForAnotherAudience() throws Exception {
        Flow flow = new Flow(server, new Browser());
        HttpResponse<String> response = tokenWithAssertion(server, flow, flow.signIn("001085012345").get("code"),
                assertion(URI.create("http://localhost:1/elsewhere")));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response.body()).getAsString("error")).isEqualTo("invalid_client");
    }

    @Test
    void refusesExpiredAssertion() throws Exception {
        Date past = new Date(System.currentTimeMillis() - 600_000);
        JWTAuthenticationClaimsSet claims = new JWTAuthenticationClaimsSet(new ClientID("vneid-portal"),
                List.of(new Audience(server.issuer() + "/token")), past, null, past, new JWTID());
        SignedJWT expired = new PrivateKeyJWT(claims, JWSAlgorithm.RS256, (java.security.PrivateKey) clientKey.toRSAPrivateKey(),
                clientKey.getKeyID(), null).getClientAssertion();
        Flow flow = new Flow(server, new Browser());
        HttpResponse<String> response = tokenWithAssertion(server, flow, flow.signIn("001085012345").get("code"), expired);
        assertThat(json(response.body()).getAsString("error")).isEqualTo("invalid_client");
    }

    @Test
    void refusesAssertionSignedWithUnregisteredKey() throws Exception {
        ECKey stranger = new ECKeyGenerator(Curve.P_256).keyID("portal-key-1").generate();
        SignedJWT foreign = new PrivateKeyJWT(new ClientID("vneid-portal"), URI.create(server.issuer() + "/token"),
                JWSAlgorithm.ES256, (java.security.PrivateKey) stranger.toECPrivateKey(), stranger.getKeyID(), null).getClientAssertion();
        Flow flow = new Flow(server, new Browser());
        HttpResponse<String> response = tokenWithAssertion(server, flow, flow.signIn("001085012345").get("code"), foreign);
        assertThat(json(response.body()).getAsString("error")).isEqualTo("invalid_client");
    }

    @Test
    void fetchesClientKeysFromJwksUri(@TempDir Path otherDir) throws Exception {
        HttpServer keyHost = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] jwks = new JWKSet(clientKey.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        keyHost.createContext("/jwks.json", exchange -> {
            try (exchange; OutputStream out = exchange.getResponseBody()) {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                out.write(jwks);
            }
        });
        keyHost.start();
        URI keysUri = URI.create("http://127.0.0.1:" + keyHost.getAddress().getPort() + "/jwks.json");
        try (SandboxServer remote = SandboxServer.start(SandboxConfig.builder().port(0).dataDir(otherDir)
                .backchannelLogoutUri(null).clientJwksUri(keysUri).build())) {
            Flow flow = new Flow(remote, new Browser());
            HttpResponse<String> response = tokenWithAssertion(remote, flow, flow.signIn("001085012345").get("code"),
                    assertion(URI.create(remote.issuer() + "/token")));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        } finally {
            keyHost.stop(0);
        }
    }

    @Test
    void clientSecretBasicStillWorksBesidePrivateKeyJwt() throws Exception {
        Flow flow = new Flow(server, new Browser());
        HttpResponse<String> response = flow.token(flow.signIn("001085012345").get("code"));
        assertThat(response.statusCode()).isEqualTo(200);
    }
}
