package vn.portal.web.security.oidc;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.openid.connect.sdk.UserInfoErrorResponse;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.UserInfoSuccessResponse;
import org.pac4j.core.profile.UserProfile;
import org.pac4j.oidc.client.OidcClient;
import org.pac4j.oidc.config.OidcConfiguration;
import org.pac4j.oidc.profile.creator.OidcProfileCreator;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

/**
 * pac4j's profile creator with the UserInfo rule of OpenID Connect Core 1.0 §5.3.2: the {@code sub} of the UserInfo
 * response MUST exactly match the {@code sub} of the ID token, otherwise none of its claims may be used. pac4j
 * validates the ID token before it calls this method, so a rejected ID token never leads to a UserInfo call.
 */
final class VerifyingProfileCreator extends OidcProfileCreator {

    VerifyingProfileCreator(OidcConfiguration configuration, OidcClient client) {
        super(configuration, client);
    }

    @Override
    public void callUserInfoEndpoint(URI userInfoEndpointUri, AccessToken accessToken, UserProfile profile) {
        if (userInfoEndpointUri == null || accessToken == null) {
            return;
        }
        HTTPResponse httpResponse = null;
        UserInfoResponse response;
        try {
            var request = new UserInfoRequest(userInfoEndpointUri, accessToken).toHTTPRequest();
            configuration.configureHttpRequest(request);
            httpResponse = request.send();
            response = UserInfoResponse.parse(httpResponse);
        } catch (IOException e) {
            throw new SignInRejectedException(RejectionCode.PROVIDER_UNAVAILABLE, "UserInfo request failed: " + e.getMessage(), e);
        } catch (ParseException e) {
            // Nimbus refuses a UserInfo response without sub while parsing; that is the §5.3.2 subject rule failing.
            if (lacksSubject(httpResponse)) {
                throw new SignInRejectedException(RejectionCode.USERINFO_SUBJECT_MISMATCH, "UserInfo response has no sub claim", e);
            }
            throw new SignInRejectedException(RejectionCode.PROVIDER_ERROR, "UserInfo response is not valid: " + e.getMessage(), e);
        }
        if (response instanceof UserInfoErrorResponse error) {
            throw new SignInRejectedException(RejectionCode.PROVIDER_ERROR,
                    "UserInfo endpoint refused the access token: " + error.getErrorObject());
        }
        JWTClaimsSet claims = userInfoClaims((UserInfoSuccessResponse) response);
        String subject = claims.getSubject();
        if (subject == null || !subject.equals(profile.getId())) {
            throw new SignInRejectedException(RejectionCode.USERINFO_SUBJECT_MISMATCH,
                    "UserInfo sub does not match the ID token sub; its claims are discarded");
        }
        for (Map.Entry<String, Object> claim : claims.getClaims().entrySet()) {
            if (!"sub".equals(claim.getKey())) {
                profile.addAttribute(claim.getKey(), claim.getValue());
            }
        }
    }

    private static boolean lacksSubject(HTTPResponse httpResponse) {
        if (httpResponse == null || httpResponse.getStatusCode() != 200) {
            return false;
        }
        try {
            return httpResponse.getBodyAsJSONObject().get("sub") == null;
        } catch (ParseException notJson) {
            return false;
        }
    }

    private static JWTClaimsSet userInfoClaims(UserInfoSuccessResponse response) {
        try {
            if (response.getUserInfo() != null) {
                return response.getUserInfo().toJWTClaimsSet();
            }
            // A signed UserInfo JWT would need the same signature rules as the ID token; the portal does not
            // register for one, so receiving it is a provider error rather than something to half-trust.
            throw new SignInRejectedException(RejectionCode.PROVIDER_ERROR, "UserInfo returned a JWT; the portal expects JSON");
        } catch (ParseException e) {
            throw new SignInRejectedException(RejectionCode.PROVIDER_ERROR, "UserInfo claims cannot be read: " + e.getMessage(), e);
        }
    }
}
