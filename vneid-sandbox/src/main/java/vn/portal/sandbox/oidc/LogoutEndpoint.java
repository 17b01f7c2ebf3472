package vn.portal.sandbox.oidc;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.openid.connect.sdk.LogoutRequest;
import com.sun.net.httpserver.HttpExchange;
import vn.portal.sandbox.http.Exchanges;
import vn.portal.sandbox.http.SandboxHandler;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The end-session endpoint (OpenID Connect RP-Initiated Logout 1.0 §2, §3): ends the browser's sandbox session,
 * tells every client of that session over the back channel, then returns to the registered post-logout redirect
 * URI with {@code state}, or shows a signed-out page.
 */
final class LogoutEndpoint extends SandboxHandler {

    private final OpenIdProvider op;

    LogoutEndpoint(OpenIdProvider op) {
        super(Set.of("GET", "POST"));
        this.op = op;
    }

    @Override
    protected void serve(HttpExchange exchange) throws IOException {
        Map<String, List<String>> params = Exchanges.parameters(exchange);
        LogoutRequest request;
        try {
            request = LogoutRequest.parse(op.endSessionEndpoint, params);
        } catch (ParseException e) {
            fail(exchange, Pages.VIETNAMESE, e.getMessage());
            return;
        }
        Locale l = Pages.localeFor(request.getUILocales() == null ? List.of()
                : request.getUILocales().stream().map(Object::toString).toList());

        JWTClaimsSet hint = null;
        if (request.getIDTokenHint() != null) {
            try {
                hint = op.tokens.verifyHint(request.getIDTokenHint());
            } catch (TokenFactory.InvalidHintException e) {
                fail(exchange, l, e.getMessage());
                return;
            }
            if (hint.getAudience() == null || !hint.getAudience().contains(op.client.clientId())) {
                fail(exchange, l, "id_token_hint was not issued to a registered client");
                return;
            }
        }
        boolean clientIdentified = hint != null;
        if (request.getClientID() != null) {
            // §2: when both are given, client_id must agree with the audience of the ID token hint.
            if (!op.client.clientId().equals(request.getClientID().getValue())) {
                fail(exchange, l, Pages.text(l, "error.unknownClient", request.getClientID().getValue()));
                return;
            }
            clientIdentified = true;
        }
        URI postLogout = request.getPostLogoutRedirectionURI();
        if (postLogout != null) {
            // §3: the URI must have been registered, and the OP must know for which client to compare it.
            if (!clientIdentified) {
                fail(exchange, l, "post_logout_redirect_uri needs client_id or id_token_hint to identify the client");
                return;
            }
            if (!op.client.hasPostLogoutRedirectUri(postLogout)) {
                fail(exchange, l, "post_logout_redirect_uri " + postLogout + " is not registered for the client");
                return;
            }
        }

        Set<SsoSession> ending = new LinkedHashSet<>();
        SsoSession cookieSession = op.sessionOf(exchange);
        if (cookieSession != null) {
            ending.add(cookieSession);
        }
        if (hint != null && hint.getClaim("sid") instanceof String sid) {
            // A hint may name a session the browser's cookie no longer points to (cookie cleared, other browser);
            // end it too, but only for the same subject.
            Instant now = op.clock.instant();
            JWTClaimsSet h = hint;
            op.sessionsBySid.get(sid, now).filter(s -> s.citizen.subject().equals(h.getSubject())).ifPresent(ending::add);
        }
        ending.forEach(op::endSession);
        Exchanges.clearCookie(exchange, OpenIdProvider.SSO_COOKIE, op.cookiePath(), op.secureCookies);

        if (postLogout != null) {
            Exchanges.redirect(exchange, withState(postLogout, request.getState() == null ? null
                    : request.getState().getValue()));
        } else {
            Exchanges.sendHtml(exchange, 200, Pages.loggedOut(l));
        }
    }

    private static URI withState(URI uri, String state) {
        if (state == null) {
            return uri;
        }
        String text = uri.toString();
        return URI.create(text + (uri.getRawQuery() == null ? "?" : "&") + "state="
                + URLEncoder.encode(state, StandardCharsets.UTF_8));
    }

    private static void fail(HttpExchange exchange, Locale l, String reason) throws IOException {
        Exchanges.sendHtml(exchange, 400, Pages.error(l, Pages.text(l, "error.logout", reason)));
    }
}
