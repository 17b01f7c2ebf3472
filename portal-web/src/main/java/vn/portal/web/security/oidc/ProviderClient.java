package vn.portal.web.security.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.pac4j.core.http.callback.NoParameterCallbackUrlResolver;
import org.pac4j.core.util.generator.RandomValueGenerator;
import org.pac4j.oidc.client.OidcClient;
import org.pac4j.oidc.config.OidcConfiguration;
import org.pac4j.oidc.config.PrivateKeyJWTClientAuthnMethodConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.security.PrivateKey;
import java.text.ParseException;
import java.time.Clock;
import java.util.List;

/**
 * The portal's pac4j OpenID Connect client, configured for the authorization code flow only, with PKCE S256
 * (RFC 7636 §4.2), a one-time {@code state} (RFC 6749 §10.12) and a {@code nonce} (Core §3.1.2.1), the exact
 * registered redirect URI, and the strict pieces of this package: {@link ProviderMetadataResolver},
 * {@link IdTokenVerifier} and {@link VerifyingProfileCreator}.
 *
 * <p>Nothing here talks to the provider at start-up: the portal starts, and reports itself not ready, while the
 * provider is down; the metadata is loaded at the first sign-in and refreshed periodically.
 */
@ApplicationScoped
public class ProviderClient {

    public static final String CLIENT_NAME = "vneid";

    @Inject
    OidcSettings settings;

    private OidcClient client;
    private ProviderMetadataResolver metadataResolver;

    @PostConstruct
    void configure() {
        OidcConfiguration configuration = new OidcConfiguration();
        configuration.setClientId(settings.clientId());
        configuration.setSecret(settings.clientSecret());
        configuration.setDiscoveryURI(settings.discoveryUri().toString());
        configuration.setScope("openid profile");
        configuration.setResponseType("code");
        configuration.setUseNonce(true);
        configuration.setWithState(true);
        // pac4j's default state is 10 hex digits (40 bits); 48 digits of UUID randomness are about 180 bits.
        configuration.setStateGenerator(new RandomValueGenerator(48));
        configuration.setDisablePkce(false);
        configuration.setPkceMethod(CodeChallengeMethod.S256);
        configuration.setAllowUnsignedIdTokens(false);
        configuration.setMaxClockSkew((int) settings.maxClockSkew().toSeconds());
        configuration.setConnectTimeout((int) settings.httpTimeout().toMillis());
        configuration.setReadTimeout((int) settings.httpTimeout().toMillis());
        configuration.setExpireSessionWithToken(false);
        configuration.setCallUserInfoEndpoint(true);
        configureClientAuthentication(configuration);
        metadataResolver = new ProviderMetadataResolver(configuration, settings, Clock.systemUTC());
        configuration.setOpMetadataResolver(metadataResolver);

        client = new OidcClient(configuration);
        client.setName(CLIENT_NAME);
        client.setCallbackUrl(settings.redirectUri().toString());
        // The redirect URI must be exactly the registered one, without pac4j's ?client_name=... suffix.
        client.setCallbackUrlResolver(new NoParameterCallbackUrlResolver());
        client.setProfileCreator(new VerifyingProfileCreator(configuration, client));
    }

    private void configureClientAuthentication(OidcConfiguration configuration) {
        if (OidcSettings.PRIVATE_KEY_JWT.equals(settings.clientAuthentication())) {
            configuration.setClientAuthenticationMethod(ClientAuthenticationMethod.PRIVATE_KEY_JWT);
            configuration.setPrivateKeyJWTClientAuthnMethodConfig(privateKeyJwt());
        } else {
            if (settings.clientSecret() == null) {
                throw new IllegalStateException("PORTAL_OIDC_CLIENT_SECRET is required with client_secret_basic");
            }
            configuration.setClientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
        }
    }

    /** RFC 7523 §2.2 client assertion signed with the key in {@code PORTAL_OIDC_CLIENT_KEY_FILE} (a private JWK). */
    private PrivateKeyJWTClientAuthnMethodConfig privateKeyJwt() {
        try {
            JWK jwk = JWK.parse(Files.readString(settings.clientKeyFile()));
            PrivateKey key;
            JWSAlgorithm alg;
            if (jwk instanceof RSAKey rsa) {
                key = rsa.toPrivateKey();
                alg = JWSAlgorithm.RS256;
            } else if (jwk instanceof ECKey ec) {
                key = ec.toPrivateKey();
                alg = JWSAlgorithm.ES256;
            } else {
                throw new IllegalStateException(settings.clientKeyFile() + " holds a " + jwk.getKeyType() + " key; RSA or EC expected");
            }
            if (key == null) {
                throw new IllegalStateException(settings.clientKeyFile() + " holds a public key only");
            }
            return new PrivateKeyJWTClientAuthnMethodConfig(alg, key, jwk.getKeyID());
        } catch (IOException | ParseException | JOSEException e) {
            throw new IllegalStateException("cannot read the client key " + settings.clientKeyFile() + ": " + e.getMessage(), e);
        }
    }

    /** The configured pac4j client, initialised (which loads the provider metadata on first use). */
    public OidcClient client() {
        metadata();
        client.init();
        return client;
    }

    /**
     * The provider metadata, loaded on first use. The first load is serialised because pac4j's loader lets a
     * concurrent caller see "nothing loaded yet" while another thread is fetching.
     */
    public OIDCProviderMetadata metadata() {
        if (!metadataResolver.isLoaded()) {
            synchronized (this) {
                if (!metadataResolver.isLoaded()) {
                    metadataResolver.load();
                }
            }
        }
        return metadataResolver.load();
    }

    /**
     * Session attributes in which pac4j keeps the state, nonce and PKCE verifier of a sign-in attempt
     * ({@code JEESessionStore} stores them under these names, without prefix).
     */
    public List<String> attemptSessionAttributes() {
        return List.of(client.getStateSessionAttributeName(), client.getNonceSessionAttributeName(),
                client.getCodeVerifierSessionAttributeName());
    }

    public LogoutTokenVerifier logoutTokenVerifier() {
        metadata();
        return metadataResolver.logoutTokenVerifier();
    }

    public OidcSettings settings() {
        return settings;
    }
}
