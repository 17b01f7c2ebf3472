package vn.portal.sandbox.oidc;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.Subject;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.BearerTokenError;
import com.nimbusds.openid.connect.sdk.UserInfoErrorResponse;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoSuccessResponse;
import com.nimbusds.openid.connect.sdk.claims.UserInfo;
import com.sun.net.httpserver.HttpExchange;
import vn.portal.sandbox.http.Exchanges;
import vn.portal.sandbox.http.SandboxHandler;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;

/**
 * The userinfo endpoint (OpenID Connect Core 1.0 §5.3): the same {@code sub} as the ID token and the citizen's
 * claims, for a valid bearer access token (RFC 6750 §2).
 */
final class UserInfoEndpoint extends SandboxHandler {

    private final OpenIdProvider op;

    UserInfoEndpoint(OpenIdProvider op) {
        super(Set.of("GET", "POST"));
        this.op = op;
    }

    @Override
    protected void serve(HttpExchange exchange) throws IOException {
        AccessToken token;
        try {
            token = UserInfoRequest.parse(Exchanges.toNimbus(exchange, op.userInfoEndpoint)).getAccessToken();
        } catch (ParseException e) {
            // RFC 6750 §3.1: no token at all gets a bare challenge without an error code.
            send(exchange, new UserInfoErrorResponse(BearerTokenError.MISSING_TOKEN).toHTTPResponse());
            return;
        }
        Optional<AccessGrant> grant = op.accessTokens.get(token.getValue(), op.clock.instant());
        if (grant.isEmpty()) {
            send(exchange, new UserInfoErrorResponse(BearerTokenError.INVALID_TOKEN
                    .setDescription("The access token is unknown, expired or revoked")).toHTTPResponse());
            return;
        }
        // §5.3.2: the sub claim must always be returned.
        UserInfo info = new UserInfo(new Subject(grant.get().citizen().subject()));
        TokenFactory.citizenClaims(grant.get().citizen()).forEach(info::setClaim);
        send(exchange, new UserInfoSuccessResponse(info).toHTTPResponse());
    }

    private static void send(HttpExchange exchange, HTTPResponse response) throws IOException {
        response.setCacheControl("no-store");
        response.setPragma("no-cache");
        Exchanges.send(exchange, response);
    }
}
