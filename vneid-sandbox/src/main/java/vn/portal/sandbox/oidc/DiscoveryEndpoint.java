package vn.portal.sandbox.oidc;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.langtag.LangTag;
import com.nimbusds.langtag.LangTagException;
import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.ResponseMode;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.openid.connect.sdk.Prompt;
import com.nimbusds.openid.connect.sdk.SubjectType;
import com.nimbusds.openid.connect.sdk.claims.ACR;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.sun.net.httpserver.HttpExchange;
import vn.portal.sandbox.http.Exchanges;
import vn.portal.sandbox.http.SandboxHandler;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/** Provider metadata (OpenID Connect Discovery 1.0 §3 and §4), built once since it never changes. */
final class DiscoveryEndpoint extends SandboxHandler {

    static final List<String> CLAIMS = List.of("sub", "iss", "aud", "exp", "iat", "auth_time", "nonce", "acr", "amr",
            "sid", "citizenPid", "fullName", "name", "birthDate", "gender", "accountLevel", "phone_number");

    private final byte[] json;

    DiscoveryEndpoint(OpenIdProvider op) {
        super(Set.of("GET", "HEAD"));
        OIDCProviderMetadata md = new OIDCProviderMetadata(op.nimbusIssuer, List.of(SubjectType.PUBLIC), op.jwksEndpoint);
        md.setAuthorizationEndpointURI(op.authorizationEndpoint);
        md.setTokenEndpointURI(op.tokenEndpoint);
        md.setUserInfoEndpointURI(op.userInfoEndpoint);
        md.setEndSessionEndpointURI(op.endSessionEndpoint);
        md.setScopes(new Scope("openid", "profile"));
        md.setResponseTypes(List.of(ResponseType.CODE));
        md.setResponseModes(List.of(ResponseMode.QUERY));
        md.setGrantTypes(List.of(GrantType.AUTHORIZATION_CODE));
        md.setIDTokenJWSAlgs(List.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256));
        md.setTokenEndpointAuthMethods(List.of(ClientAuthenticationMethod.CLIENT_SECRET_BASIC,
                ClientAuthenticationMethod.PRIVATE_KEY_JWT));
        md.setTokenEndpointJWSAlgs(ClientAuthenticator.ASSERTION_ALGORITHMS);
        md.setCodeChallengeMethods(List.of(CodeChallengeMethod.S256));
        md.setACRs(Acr.SUPPORTED.stream().map(ACR::new).toList());
        md.setClaims(CLAIMS);
        md.setSupportsClaimsParams(false);
        md.setSupportsRequestParam(false);
        // Discovery 1.0 §3: request_uri_parameter_supported defaults to true when omitted, so say false.
        md.setSupportsRequestURIParam(false);
        md.setSupportsBackChannelLogout(true);
        md.setSupportsBackChannelLogoutSession(true);
        md.setSupportsAuthorizationResponseIssuerParam(true);
        md.setPromptTypes(List.of(Prompt.Type.NONE, Prompt.Type.LOGIN, Prompt.Type.SELECT_ACCOUNT));
        try {
            md.setUILocales(List.of(LangTag.parse("vi"), LangTag.parse("en")));
        } catch (LangTagException e) {
            throw new IllegalStateException(e);
        }
        json = md.toJSONObject().toJSONString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected void serve(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Cache-Control", "public, max-age=300");
        Exchanges.sendJson(exchange, 200, json);
    }
}
