package vn.portal.sandbox.oidc;

import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.verifier.InvalidClientException;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import com.sun.net.httpserver.HttpExchange;
import vn.portal.sandbox.http.Exchanges;
import vn.portal.sandbox.http.SandboxHandler;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The token endpoint (OpenID Connect Core 1.0 §3.1.3): the authorization code grant only, for an authenticated
 * client, with the PKCE verifier. Errors follow RFC 6749 §5.2.
 */
final class TokenEndpoint extends SandboxHandler {

    private static final Logger LOG = Logger.getLogger(TokenEndpoint.class.getName());

    private final OpenIdProvider op;

    TokenEndpoint(OpenIdProvider op) {
        super(Set.of("POST"));
        this.op = op;
    }

    @Override
    protected void serve(HttpExchange exchange) throws IOException {
        HTTPRequest httpRequest = Exchanges.toNimbus(exchange, op.tokenEndpoint);
        TokenRequest request;
        try {
            request = TokenRequest.parse(httpRequest);
        } catch (ParseException e) {
            ErrorObject error = e.getErrorObject() != null ? e.getErrorObject() : OAuth2Error.INVALID_REQUEST;
            fail(exchange, error.setDescription(e.getMessage()), false);
            return;
        }
        ClientAuthentication auth = request.getClientAuthentication();
        if (auth == null) {
            // §3.1.3.1: the client is confidential and must authenticate (OpenID Connect Core 1.0 §9).
            fail(exchange, OAuth2Error.INVALID_CLIENT.setDescription(
                    "Client authentication is required: client_secret_basic or private_key_jwt"), false);
            return;
        }
        try {
            op.clientAuthenticator.authenticate(auth);
        } catch (InvalidClientException e) {
            LOG.fine(() -> "Client authentication failed: " + e.getMessage());
            fail(exchange, OAuth2Error.INVALID_CLIENT.setDescription(e.getMessage()), auth instanceof ClientSecretBasic);
            return;
        }
        AuthorizationGrant grant = request.getAuthorizationGrant();
        if (!(grant instanceof AuthorizationCodeGrant codeGrant)) {
            fail(exchange, OAuth2Error.UNSUPPORTED_GRANT_TYPE.setDescription(
                    "Only the authorization_code grant is supported"), false);
            return;
        }
        Optional<ErrorObject> refusal = redeem(exchange, codeGrant, auth.getClientID().getValue());
        if (refusal.isPresent()) {
            fail(exchange, refusal.get(), false);
        }
    }

    /** Redeems the code and answers with tokens, or returns why it cannot. */
    private Optional<ErrorObject> redeem(HttpExchange exchange, AuthorizationCodeGrant codeGrant, String clientId)
            throws IOException {
        Instant now = op.clock.instant();
        String code = codeGrant.getAuthorizationCode().getValue();
        Optional<CodeGrant> found = op.codes.get(code, now);
        if (found.isEmpty()) {
            return Optional.of(OAuth2Error.INVALID_GRANT.setDescription("The authorization code is unknown or expired"));
        }
        CodeGrant grant = found.get();
        if (!grant.redeem()) {
            // RFC 6749 §4.1.2: a code used twice must be refused, and tokens already issued from it should be revoked.
            List<String> revoked = grant.revoke();
            revoked.forEach(op.accessTokens::remove);
            LOG.warning("Authorization code replayed by client " + clientId + "; revoked " + revoked.size()
                    + " access token(s) issued from it");
            return Optional.of(OAuth2Error.INVALID_GRANT.setDescription(
                    "The authorization code was already used; tokens issued from it are revoked"));
        }
        if (now.isAfter(grant.validUntil)) {
            return Optional.of(OAuth2Error.INVALID_GRANT.setDescription("The authorization code has expired"));
        }
        if (!grant.clientId.equals(clientId)) {
            // RFC 6749 §4.1.3: the code must have been issued to the authenticated client.
            return Optional.of(OAuth2Error.INVALID_GRANT.setDescription("The authorization code was issued to another client"));
        }
        if (codeGrant.getRedirectionURI() == null
                || !codeGrant.getRedirectionURI().toString().equals(grant.redirectUri.toString())) {
            // RFC 6749 §4.1.3: redirect_uri must be present and identical to the one in the authorization request.
            return Optional.of(OAuth2Error.INVALID_GRANT.setDescription(
                    "redirect_uri does not match the one of the authorization request"));
        }
        CodeVerifier verifier = codeGrant.getCodeVerifier();
        if (verifier == null) {
            // RFC 7636 §4.6: the code was issued with a challenge, so a verifier is required.
            return Optional.of(OAuth2Error.INVALID_GRANT.setDescription("PKCE code_verifier is missing"));
        }
        if (!CodeChallenge.compute(CodeChallengeMethod.S256, verifier).equals(grant.codeChallenge)) {
            return Optional.of(OAuth2Error.INVALID_GRANT.setDescription("PKCE code_verifier does not match the challenge"));
        }

        BearerAccessToken accessToken = new BearerAccessToken(op.random.next(),
                OpenIdProvider.ACCESS_TOKEN_LIFETIME.toSeconds(), new Scope("openid", "profile"));
        op.accessTokens.put(accessToken.getValue(), new AccessGrant(clientId, grant.citizen, grant.sid),
                now.plus(OpenIdProvider.ACCESS_TOKEN_LIFETIME));
        if (!grant.recordIssued(accessToken.getValue())) {
            // A replay revoked the grant while this request was in flight.
            op.accessTokens.remove(accessToken.getValue());
            return Optional.of(OAuth2Error.INVALID_GRANT.setDescription(
                    "The authorization code was already used; tokens issued from it are revoked"));
        }
        op.sessionsBySid.get(grant.sid, now).ifPresent(s -> s.accessTokens.add(accessToken.getValue()));
        String idToken = op.tokens.idToken(grant, now);
        // OIDCTokenResponse sets Cache-Control: no-store and Pragma: no-cache (RFC 6749 §5.1).
        HTTPResponse response = new OIDCTokenResponse(new OIDCTokens(idToken, accessToken, null)).toHTTPResponse();
        Exchanges.send(exchange, response);
        return Optional.empty();
    }

    private void fail(HttpExchange exchange, ErrorObject error, boolean basicAuthAttempted) throws IOException {
        if (error.getHTTPStatusCode() == 401 && !basicAuthAttempted) {
            // A 401 must carry WWW-Authenticate (RFC 9110 §15.5.2), which only fits the Basic scheme; RFC 6749
            // §5.2 allows 400 for invalid_client otherwise.
            error = error.setHTTPStatusCode(400);
        }
        HTTPResponse response = new TokenErrorResponse(error).toHTTPResponse();
        response.setCacheControl("no-store");
        response.setPragma("no-cache");
        if (response.getStatusCode() == 401 && basicAuthAttempted) {
            // RFC 6749 §5.2: a 401 answer to a client that used the Authorization header names the scheme.
            response.setHeader("WWW-Authenticate", "Basic realm=\"vneid-sandbox\"");
        }
        Exchanges.send(exchange, response);
    }
}
