package vn.portal.sandbox.oidc;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The one relying party registered with the sandbox.
 *
 * @param clientId               client identifier
 * @param secret                 client secret for client_secret_basic
 * @param redirectUris           registered redirect URIs, compared exactly (OpenID Connect Core 1.0 §3.1.2.1)
 * @param postLogoutRedirectUris registered post-logout redirect URIs (RP-Initiated Logout 1.0 §3)
 * @param backchannelLogoutUri   back-channel logout URI (Back-Channel Logout 1.0 §2.2), or null
 * @param publicKeys             keys for private_key_jwt (RFC 7523), or null when not registered
 */
public record ClientRegistration(String clientId, String secret, List<URI> redirectUris,
                                 List<URI> postLogoutRedirectUris, URI backchannelLogoutUri,
                                 JWKSource<SecurityContext> publicKeys) {

    public ClientRegistration {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(secret, "secret");
        redirectUris = List.copyOf(redirectUris);
        postLogoutRedirectUris = List.copyOf(postLogoutRedirectUris);
    }

    boolean hasRedirectUri(URI uri) {
        // Simple string comparison, as OpenID Connect Core 1.0 §3.1.2.1 requires for redirect_uri.
        return uri != null && redirectUris.stream().anyMatch(r -> r.toString().equals(uri.toString()));
    }

    boolean hasPostLogoutRedirectUri(URI uri) {
        return uri != null && postLogoutRedirectUris.stream().anyMatch(r -> r.toString().equals(uri.toString()));
    }

    Optional<URI> backchannel() {
        return Optional.ofNullable(backchannelLogoutUri);
    }

    @Override
    public String toString() {
        return "ClientRegistration[" + clientId + "]";
    }
}
