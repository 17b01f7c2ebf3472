package vn.portal.web.security.oidc;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import org.pac4j.oidc.config.OidcConfiguration;
import org.pac4j.oidc.metadata.OidcOpMetadataResolver;
import org.pac4j.oidc.profile.creator.TokenValidator;

import java.net.MalformedURLException;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Loads the provider's discovery document and holds the objects derived from it (token validator, key source).
 *
 * <p>Two things differ from pac4j's default resolver. The document's {@code issuer} must be exactly the configured
 * issuer (OpenID Connect Discovery 1.0 §4.3, which is what stops a mix-up between providers). And the document is
 * refreshed on a timer instead of being probed over HTTP on every use, which would cost several round trips per
 * sign-in.
 */
public class ProviderMetadataResolver extends OidcOpMetadataResolver {

    private final OidcSettings settings;
    private final Clock clock;
    private final AtomicLong loadedAtMillis = new AtomicLong(Long.MIN_VALUE);

    public ProviderMetadataResolver(OidcConfiguration configuration, OidcSettings settings, Clock clock) {
        super(configuration);
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    protected OIDCProviderMetadata retrieveMetadata() {
        OIDCProviderMetadata metadata;
        try {
            metadata = super.retrieveMetadata();
        } catch (RuntimeException e) {
            throw new SignInRejectedException(RejectionCode.PROVIDER_UNAVAILABLE,
                    "cannot load provider metadata from " + settings.discoveryUri() + ": " + rootMessage(e), e);
        }
        String declared = metadata.getIssuer() == null ? null : metadata.getIssuer().getValue();
        if (!settings.issuer().equals(declared)) {
            throw new SignInRejectedException(RejectionCode.PROVIDER_METADATA_INVALID, "discovery document at "
                    + settings.discoveryUri() + " declares issuer '" + declared + "', expected '" + settings.issuer() + "'");
        }
        if (metadata.getJWKSetURI() == null || metadata.getTokenEndpointURI() == null || metadata.getAuthorizationEndpointURI() == null) {
            throw new SignInRejectedException(RejectionCode.PROVIDER_METADATA_INVALID,
                    "discovery document lacks jwks_uri, token_endpoint or authorization_endpoint");
        }
        loadedAtMillis.set(clock.millis());
        return metadata;
    }

    boolean isLoaded() {
        return this.loaded != null;
    }

    /** Reload only when the refresh period has passed; pac4j would otherwise send an HTTP HEAD on every call. */
    @Override
    public boolean hasChanged() {
        long loadedAt = loadedAtMillis.get();
        return loadedAt == Long.MIN_VALUE || clock.millis() - loadedAt >= settings.metadataRefresh().toMillis();
    }

    @Override
    protected TokenValidator createTokenValidator() {
        // One key source for both token kinds, so a key rotation seen by one is seen by the other.
        JwtSignatureVerifier signatures = new JwtSignatureVerifier(keySource(this.loaded), settings.clientSecret());
        IdTokenVerifier idTokens = new IdTokenVerifier(settings.issuer(), settings.clientId(), settings.trustedAudiences(),
                signatures, settings.maxClockSkew(), clock);
        LogoutTokenVerifier logoutTokens = new LogoutTokenVerifier(settings.issuer(), settings.clientId(),
                settings.trustedAudiences(), signatures, settings.maxClockSkew(), clock);
        return new StrictTokenValidator(configuration, this.loaded, idTokens, logoutTokens);
    }

    /** The verifier of back-channel logout tokens for the currently loaded provider metadata. */
    public LogoutTokenVerifier logoutTokenVerifier() {
        load();
        return ((StrictTokenValidator) getTokenValidator()).logoutTokens();
    }

    /**
     * The provider's keys: cached, refetched when a token names an unknown {@code kid} (key rotation), but not
     * more often than {@code PORTAL_OIDC_JWKS_MIN_REFRESH_SECONDS}, so forged tokens with random key ids cannot
     * make the portal hammer the provider.
     */
    private JWKSource<SecurityContext> keySource(OIDCProviderMetadata metadata) {
        int timeout = (int) settings.httpTimeout().toMillis();
        DefaultResourceRetriever retriever = new DefaultResourceRetriever(timeout, timeout, 512 * 1024);
        JWKSourceBuilder<SecurityContext> builder;
        try {
            builder = JWKSourceBuilder.create(metadata.getJWKSetURI().toURL(), retriever);
        } catch (MalformedURLException e) {
            throw new SignInRejectedException(RejectionCode.PROVIDER_METADATA_INVALID, "jwks_uri is not a URL: " + metadata.getJWKSetURI(), e);
        }
        long minRefresh = settings.jwksMinRefresh().toMillis();
        builder = builder.cache(JWKSourceBuilder.DEFAULT_CACHE_TIME_TO_LIVE, timeout).retrying(false);
        // Nimbus needs a rate-limit interval shorter than the cache refresh timeout; zero disables the limit.
        builder = minRefresh > 0 ? builder.rateLimited(Math.max(minRefresh, timeout + 1L)) : builder.rateLimited(false);
        return builder.refreshAheadCache(false).outageTolerant(false).build();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
