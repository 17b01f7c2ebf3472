package vn.portal.web.security.oidc;

import com.nimbusds.jwt.JWT;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.claims.LogoutTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import org.pac4j.oidc.config.OidcConfiguration;
import org.pac4j.oidc.profile.creator.TokenValidator;

/**
 * Plugs the portal's own verifiers into pac4j's profile creation, so that pac4j's flow (state, PKCE, token request)
 * is kept while every ID token rule is ours, explicit and typed (see {@link IdTokenVerifier}).
 */
final class StrictTokenValidator extends TokenValidator {

    private final IdTokenVerifier idTokens;
    private final LogoutTokenVerifier logoutTokens;

    StrictTokenValidator(OidcConfiguration configuration, OIDCProviderMetadata metadata,
                         IdTokenVerifier idTokens, LogoutTokenVerifier logoutTokens) {
        super(configuration, metadata);
        this.idTokens = idTokens;
        this.logoutTokens = logoutTokens;
    }

    @Override
    public IDTokenClaimsSet validateIdToken(JWT idToken, Nonce expectedNonce) {
        return idTokens.verify(idToken, expectedNonce);
    }

    @Override
    public LogoutTokenClaimsSet validateLogoutToken(JWT logoutToken) {
        throw new SignInRejectedException(RejectionCode.LOGOUT_TOKEN_INVALID,
                "logout tokens are accepted only at the back-channel logout endpoint, not at the callback");
    }

    LogoutTokenVerifier logoutTokens() {
        return logoutTokens;
    }
}
