package vn.portal.web.security.oidc;

import vn.portal.bridge.domain.model.identity.AssuranceLevel;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The issuer derived from the discovery URI (OpenID Connect Discovery 1.0 §4) and the settings' own invariants. */
class OidcSettingsTest {

    private static final OidcSettings.ClaimNames CLAIMS =
            new OidcSettings.ClaimNames("citizenPid", "fullName", "birthDate", "gender", "accountLevel");

    @Test
    void issuerOfSandboxDiscoveryIsItsOrigin() {
        assertThat(OidcSettings.issuerOf(URI.create("http://localhost:9080/.well-known/openid-configuration")))
                .isEqualTo("http://localhost:9080");
    }

    @Test
    void issuerKeepsThePathBeforeTheWellKnownSuffix() {
        // Discovery §4: the well-known suffix is appended to the issuer, so an issuer with a path (a Keycloak realm) keeps it.
        assertThat(OidcSettings.issuerOf(URI.create("http://127.0.0.1:8180/realms/vneid/.well-known/openid-configuration")))
                .isEqualTo("http://127.0.0.1:8180/realms/vneid");
    }

    @Test
    void issuerOfUriWithoutWellKnownSuffixIsTheUriItself() {
        assertThat(OidcSettings.issuerOf(URI.create("http://localhost:9080/realms/vneid"))).isEqualTo("http://localhost:9080/realms/vneid");
    }

    @Test
    void issuerIsNotCutAtASuffixThatOnlyLooksSimilar() {
        assertThat(OidcSettings.issuerOf(URI.create("http://localhost:9080/.well-known/oauth-authorization-server")))
                .isEqualTo("http://localhost:9080/.well-known/oauth-authorization-server");
    }

    @Test
    void acceptsClientSecretBasic() {
        assertThat(settings(OidcSettings.CLIENT_SECRET_BASIC, null).clientAuthentication()).isEqualTo("client_secret_basic");
    }

    @Test
    void acceptsPrivateKeyJwtWithKeyFile() {
        assertThat(settings(OidcSettings.PRIVATE_KEY_JWT, Path.of("client-key.json")).clientKeyFile()).hasFileName("client-key.json");
    }

    @Test
    void rejectsUnknownClientAuthentication() {
        assertThatThrownBy(() -> settings("client_secret_post", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PORTAL_OIDC_CLIENT_AUTH");
    }

    @Test
    void rejectsPrivateKeyJwtWithoutKeyFile() {
        assertThatThrownBy(() -> settings(OidcSettings.PRIVATE_KEY_JWT, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PORTAL_OIDC_CLIENT_KEY_FILE");
    }

    @Test
    void asksForTheConfiguredAcrOfALevelAndFallsBackToTheVneidUrn() {
        OidcSettings settings = settings(OidcSettings.CLIENT_SECRET_BASIC, null);
        assertThat(settings.acrFor(AssuranceLevel.LEVEL_2)).isEqualTo("http://eidas.europa.eu/LoA/high");
        assertThat(settings.acrFor(AssuranceLevel.LEVEL_1)).isEqualTo("urn:vneid:loa:1");
    }

    private static OidcSettings settings(String clientAuthentication, Path keyFile) {
        URI discovery = URI.create("http://localhost:9080/.well-known/openid-configuration");
        return new OidcSettings(discovery, OidcSettings.issuerOf(discovery), "vneid-portal", "secret", clientAuthentication, keyFile,
                URI.create("http://localhost:8080/callback"), URI.create("http://localhost:8080/signed-out.xhtml"), Set.of(), CLAIMS,
                Map.of(AssuranceLevel.LEVEL_2, "http://eidas.europa.eu/LoA/high"), Duration.ofSeconds(3), Duration.ofSeconds(30), Duration.ofMinutes(10), Duration.ofSeconds(120));
    }
}
