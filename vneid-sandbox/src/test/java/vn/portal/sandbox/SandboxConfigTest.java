package vn.portal.sandbox;

import com.nimbusds.jose.JWSAlgorithm;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SandboxConfigTest {

    private static Properties props(String... pairs) {
        Properties p = new Properties();
        for (int i = 0; i < pairs.length; i += 2) {
            p.setProperty(pairs[i], pairs[i + 1]);
        }
        return p;
    }

    @Test
    void defaultsMatchTheDocumentedValues() {
        SandboxConfig c = SandboxConfig.fromSources(Map.of(), new Properties());
        assertThat(c.port()).isEqualTo(9080);
        assertThat(c.bindAddress()).isEqualTo("127.0.0.1");
        assertThat(c.effectiveIssuer(9080)).isEqualTo(URI.create("http://localhost:9080"));
        assertThat(c.dataDir()).isEqualTo(Path.of("./data/sandbox"));
        assertThat(c.citizensFile()).isNull();
        assertThat(c.clientId()).isEqualTo("vneid-portal");
        assertThat(c.clientSecret()).isNull();
        assertThat(c.redirectUris()).containsExactly(URI.create("http://localhost:8080/callback"));
        assertThat(c.postLogoutRedirectUris()).containsExactly(URI.create("http://localhost:8080/"));
        assertThat(c.backchannelLogoutUri()).isEqualTo(URI.create("http://localhost:8080/backchannel-logout"));
        assertThat(c.otp()).isNull();
        assertThat(c.idTokenAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
    }

    @Test
    void issuerFollowsTheActualPortWhenNotConfigured() {
        SandboxConfig c = SandboxConfig.fromSources(Map.of("SANDBOX_PORT", "0"), new Properties());
        assertThat(c.effectiveIssuer(41234)).isEqualTo(URI.create("http://localhost:41234"));
    }

    @Test
    void readsEnvironmentVariables() {
        SandboxConfig c = SandboxConfig.fromSources(Map.of(
                "SANDBOX_PORT", "9181",
                "SANDBOX_ISSUER", "http://127.0.0.1:9181/",
                "SANDBOX_REDIRECT_URIS", "http://localhost:8080/callback, http://127.0.0.1:8080/callback",
                "SANDBOX_CLIENT_SECRET", "a-secret-long-enough-1234",
                "SANDBOX_OTP", "123456",
                "SANDBOX_ID_TOKEN_ALG", "es256",
                "SANDBOX_BACKCHANNEL_LOGOUT_URI", ""), new Properties());
        assertThat(c.port()).isEqualTo(9181);
        assertThat(c.issuer()).as("trailing slash dropped").isEqualTo(URI.create("http://127.0.0.1:9181"));
        assertThat(c.redirectUris()).containsExactly(URI.create("http://localhost:8080/callback"),
                URI.create("http://127.0.0.1:8080/callback"));
        assertThat(c.clientSecret()).isEqualTo("a-secret-long-enough-1234");
        assertThat(c.otp()).isEqualTo("123456");
        assertThat(c.idTokenAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(c.backchannelLogoutUri()).as("empty disables back-channel logout").isNull();
    }

    @Test
    void systemPropertyWinsOverEnvironmentVariable() {
        SandboxConfig c = SandboxConfig.fromSources(Map.of("SANDBOX_PORT", "9181", "SANDBOX_CLIENT_ID", "from-env"),
                props("sandbox.port", "9282", "sandbox.client.id", "from-property"));
        assertThat(c.port()).isEqualTo(9282);
        assertThat(c.clientId()).isEqualTo("from-property");
    }

    @Test
    void malformedValuesNameTheirKey() {
        assertThatThrownBy(() -> SandboxConfig.fromSources(Map.of("SANDBOX_PORT", "nine"), new Properties()))
                .isInstanceOfSatisfying(SandboxConfigException.class, e -> assertThat(e.key()).isEqualTo("SANDBOX_PORT"));
        assertThatThrownBy(() -> SandboxConfig.fromSources(Map.of("SANDBOX_PORT", "70000"), new Properties()))
                .isInstanceOf(SandboxConfigException.class).hasMessageContaining("65535");
        assertThatThrownBy(() -> SandboxConfig.fromSources(Map.of("SANDBOX_ISSUER", "ftp://x"), new Properties()))
                .isInstanceOfSatisfying(SandboxConfigException.class, e -> assertThat(e.key()).isEqualTo("SANDBOX_ISSUER"));
        assertThatThrownBy(() -> SandboxConfig.fromSources(Map.of("SANDBOX_REDIRECT_URIS", "/callback"), new Properties()))
                .isInstanceOfSatisfying(SandboxConfigException.class,
                        e -> assertThat(e.key()).isEqualTo("SANDBOX_REDIRECT_URIS"));
        assertThatThrownBy(() -> SandboxConfig.fromSources(Map.of("SANDBOX_CLIENT_SECRET", "short"), new Properties()))
                .hasMessageContaining("16 characters");
        assertThatThrownBy(() -> SandboxConfig.fromSources(Map.of("SANDBOX_OTP", "12ab"), new Properties()))
                .isInstanceOfSatisfying(SandboxConfigException.class, e -> assertThat(e.key()).isEqualTo("SANDBOX_OTP"));
        assertThatThrownBy(() -> SandboxConfig.fromSources(Map.of("SANDBOX_ID_TOKEN_ALG", "HS256"), new Properties()))
                .hasMessageContaining("RS256 or ES256");
    }

    @Test
    void acrModeIsStrictUnlessVoluntaryIsAskedFor() {
        assertThat(SandboxConfig.fromSources(Map.of(), new Properties()).acrEnforced()).isTrue();
        assertThat(SandboxConfig.fromSources(Map.of("SANDBOX_ACR_MODE", "voluntary"), new Properties()).acrEnforced())
                .isFalse();
        assertThatThrownBy(() -> SandboxConfig.fromSources(Map.of("SANDBOX_ACR_MODE", "lax"), new Properties()))
                .isInstanceOfSatisfying(SandboxConfigException.class, e -> assertThat(e.key()).isEqualTo("SANDBOX_ACR_MODE"));
    }

    @Test
    void toStringNeverShowsTheSecretOrOtp() {
        SandboxConfig c = SandboxConfig.builder().clientSecret("super-secret-value-42").otp("987654").build();
        assertThat(c.toString()).doesNotContain("super-secret-value-42").doesNotContain("987654");
    }

    @Test
    void emptyRedirectListIsRefused() {
        assertThatThrownBy(() -> SandboxConfig.builder().redirectUris(List.of()).build())
                .isInstanceOf(SandboxConfigException.class).hasMessageContaining("SANDBOX_REDIRECT_URIS");
    }
}
