package vn.portal.sandbox;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import net.minidev.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.portal.sandbox.CodeFlowTest.json;

class DiscoveryAndKeysTest {

    private static SandboxConfig.Builder config(Path dir) {
        return SandboxConfig.builder().port(0).dataDir(dir).backchannelLogoutUri(null);
    }

    @Test
    void discoveryDocumentAdvertisesExactlyWhatTheSandboxDoes(@TempDir Path dir) throws Exception {
        try (SandboxServer server = SandboxServer.start(config(dir).build())) {
            HttpResponse<String> response = new Browser().get(server.discoveryUri());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    v -> assertThat(v).startsWith("application/json"));
            JSONObject doc = json(response.body());
            String issuer = server.issuer().toString();
            assertThat(doc.getAsString("issuer")).isEqualTo(issuer);
            assertThat(doc.getAsString("authorization_endpoint")).isEqualTo(issuer + "/authorize");
            assertThat(doc.getAsString("token_endpoint")).isEqualTo(issuer + "/token");
            assertThat(doc.getAsString("userinfo_endpoint")).isEqualTo(issuer + "/userinfo");
            assertThat(doc.getAsString("jwks_uri")).isEqualTo(issuer + "/jwks");
            assertThat(doc.getAsString("end_session_endpoint")).isEqualTo(issuer + "/logout");
            assertThat(strings(doc, "response_types_supported")).containsExactly("code");
            assertThat(strings(doc, "grant_types_supported")).containsExactly("authorization_code");
            assertThat(strings(doc, "subject_types_supported")).containsExactly("public");
            assertThat(strings(doc, "id_token_signing_alg_values_supported")).containsExactly("RS256", "ES256");
            assertThat(strings(doc, "token_endpoint_auth_methods_supported"))
                    .containsExactly("client_secret_basic", "private_key_jwt");
            assertThat(strings(doc, "code_challenge_methods_supported")).containsExactly("S256");
            assertThat(strings(doc, "acr_values_supported")).containsExactly("urn:vneid:loa:1", "urn:vneid:loa:2");
            assertThat(strings(doc, "scopes_supported")).containsExactly("openid", "profile");
            assertThat(strings(doc, "claims_supported")).contains("sub", "citizenPid", "fullName", "birthDate",
                    "gender", "accountLevel", "name", "phone_number", "acr", "sid");
            assertThat(doc.get("backchannel_logout_supported")).isEqualTo(true);
            assertThat(doc.get("backchannel_logout_session_supported")).isEqualTo(true);
            assertThat(doc.get("authorization_response_iss_parameter_supported")).isEqualTo(true);
            // A standard client library reads it without complaint.
            OIDCProviderMetadata parsed = OIDCProviderMetadata.parse(response.body());
            assertThat(parsed.getIssuer().getValue()).isEqualTo(issuer);
        }
    }

    @Test
    void jwksPublishesRsaAndEcPublicKeysWithKeyIds(@TempDir Path dir) throws Exception {
        try (SandboxServer server = SandboxServer.start(config(dir).build())) {
            HttpResponse<String> response = new Browser().get(URI.create(server.issuer() + "/jwks"));
            assertThat(response.statusCode()).isEqualTo(200);
            JWKSet set = JWKSet.parse(response.body());
            assertThat(set.getKeys()).hasSize(2).allSatisfy(k -> {
                assertThat(k.isPrivate()).isFalse();
                assertThat(k.getKeyID()).isNotBlank();
                assertThat(k.getKeyUse()).isEqualTo(KeyUse.SIGNATURE);
            });
            RSAKey rsa = (RSAKey) set.getKeys().stream().filter(k -> k instanceof RSAKey).findFirst().orElseThrow();
            assertThat(rsa.size()).isEqualTo(2048);
            assertThat(rsa.getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
            ECKey ec = (ECKey) set.getKeys().stream().filter(k -> k instanceof ECKey).findFirst().orElseThrow();
            assertThat(ec.getCurve()).isEqualTo(Curve.P_256);
            assertThat(ec.getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        }
    }

    @Test
    void rotationPublishesNewAndPreviousKeyAndSignsWithTheNewOne(@TempDir Path dir) throws Exception {
        try (SandboxServer server = SandboxServer.start(config(dir).build())) {
            Browser browser = new Browser();
            String oldRsaKid = rsaKids(browser, server).get(0);

            List<String> current = server.rotateKeys();
            assertThat(current).hasSize(2).doesNotContain(oldRsaKid);

            List<String> rsaKids = rsaKids(browser, server);
            assertThat(rsaKids).containsExactly(current.get(0), oldRsaKid);

            Flow flow = new Flow(server, browser);
            String idToken = json(flow.token(flow.signIn("001085012345").get("code")).body()).getAsString("id_token");
            assertThat(SignedJWT.parse(idToken).getHeader().getKeyID()).isEqualTo(current.get(0));

            // A second rotation drops the oldest key: only current and previous stay published.
            List<String> third = server.rotateKeys();
            assertThat(rsaKids(browser, server)).containsExactly(third.get(0), current.get(0));
        }
    }

    @Test
    void adminRotationEndpointWorksFromLoopbackOnlyByPost(@TempDir Path dir) throws Exception {
        try (SandboxServer server = SandboxServer.start(config(dir).build())) {
            Browser browser = new Browser();
            URI rotate = URI.create(server.issuer() + "/admin/rotate-keys");
            assertThat(browser.get(rotate).statusCode()).isEqualTo(405);
            HttpResponse<String> response = browser.send(HttpRequest.newBuilder(rotate)
                    .POST(HttpRequest.BodyPublishers.noBody()).build());
            assertThat(response.statusCode()).isEqualTo(200);
            List<?> kids = (List<?>) json(response.body()).get("current");
            assertThat(rsaKids(browser, server)).hasSize(2).startsWith((String) kids.get(0));
        }
    }

    @Test
    void keysAndSecretAreGeneratedOnceOwnerOnlyAndReusedOnRestart(@TempDir Path dir) throws Exception {
        List<String> firstKids;
        String firstSecret;
        try (SandboxServer first = SandboxServer.start(config(dir).build())) {
            firstKids = first.publicKeys().getKeys().stream().map(JWK::getKeyID).toList();
            firstSecret = first.clientSecret();
            assertThat(first.clientSecretFile()).hasValue(dir.resolve("client-secret"));
        }
        assertThat(firstSecret).hasSizeGreaterThanOrEqualTo(43);
        for (String file : List.of("signing-keys.jwks.json", "client-secret")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(file))))
                    .as(file).isEqualTo("rw-------");
        }
        try (SandboxServer second = SandboxServer.start(config(dir).build())) {
            assertThat(second.publicKeys().getKeys().stream().map(JWK::getKeyID).toList()).isEqualTo(firstKids);
            assertThat(second.clientSecret()).isEqualTo(firstSecret);
        }
    }

    @Test
    void newDataDirectoryIsOwnerOnly(@TempDir Path parent) throws Exception {
        Path dir = parent.resolve("sandbox-data");
        try (SandboxServer ignored = SandboxServer.start(config(dir).build())) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
        }
    }

    @Test
    void configuredSecretIsUsedAndNotWritten(@TempDir Path dir) throws Exception {
        try (SandboxServer server = SandboxServer.start(config(dir).clientSecret("configured-secret-0123456789").build())) {
            assertThat(server.clientSecret()).isEqualTo("configured-secret-0123456789");
            assertThat(server.clientSecretFile()).isEmpty();
            assertThat(dir.resolve("client-secret")).doesNotExist();
            Flow flow = new Flow(server, new Browser());
            assertThat(flow.token(flow.signIn("001085012345").get("code")).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void twoInstancesRunSideBySideWithTheirOwnKeysAndState(@TempDir Path a, @TempDir Path b) throws Exception {
        try (SandboxServer one = SandboxServer.start(config(a).build());
             SandboxServer two = SandboxServer.start(config(b).build())) {
            assertThat(one.port()).isNotEqualTo(two.port());
            assertThat(one.publicKeys().getKeys().get(0).getKeyID())
                    .isNotEqualTo(two.publicKeys().getKeys().get(0).getKeyID());
            Flow flow = new Flow(one, new Browser());
            String code = flow.signIn("001085012345").get("code");
            Flow other = new Flow(two, flow.browser);
            HttpResponse<String> elsewhere = other.token(code, flow.verifier.getValue(), Flow.REDIRECT, two.clientSecret());
            assertThat(elsewhere.statusCode()).as("a code of one instance means nothing to another").isEqualTo(400);
        }
    }

    @Test
    void issuerWithPathServesEndpointsUnderIt(@TempDir Path dir) throws Exception {
        try (SandboxServer probe = SandboxServer.start(config(dir).build())) {
            int port = probe.port();
            probe.stop();
            try (SandboxServer server = SandboxServer.start(config(dir).port(port)
                    .issuer(URI.create("http://localhost:" + port + "/vneid/")).build())) {
                assertThat(server.issuer()).isEqualTo(URI.create("http://localhost:" + port + "/vneid"));
                JSONObject doc = json(new Browser().get(server.discoveryUri()).body());
                assertThat(doc.getAsString("token_endpoint")).isEqualTo("http://localhost:" + port + "/vneid/token");
                Flow flow = new Flow(server, new Browser());
                assertThat(flow.token(flow.signIn("001085012345").get("code")).statusCode()).isEqualTo(200);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(JSONObject doc, String name) {
        return (List<String>) doc.get(name);
    }

    private static List<String> rsaKids(Browser browser, SandboxServer server) throws Exception {
        return JWKSet.parse(browser.get(URI.create(server.issuer() + "/jwks")).body()).getKeys().stream()
                .filter(k -> k instanceof RSAKey).map(JWK::getKeyID).toList();
    }
}
