package vn.portal.sandbox.oidc;

import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseMode;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.OIDCError;
import com.nimbusds.openid.connect.sdk.Prompt;
import com.nimbusds.openid.connect.sdk.claims.ACR;
import com.sun.net.httpserver.HttpExchange;
import vn.portal.sandbox.http.BadRequestException;
import vn.portal.sandbox.http.Exchanges;
import vn.portal.sandbox.http.SandboxHandler;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The authorization endpoint (OpenID Connect Core 1.0 §3.1.2). Validates the request, then either answers at once
 * from the browser's SSO session or shows the citizen picker.
 */
final class AuthorizeEndpoint extends SandboxHandler {

    private static final Pattern S256_CHALLENGE = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final OpenIdProvider op;

    AuthorizeEndpoint(OpenIdProvider op) {
        super(Set.of("GET", "POST"));
        this.op = op;
    }

    @Override
    protected void serve(HttpExchange exchange) throws IOException {
        Map<String, List<String>> params = Exchanges.parameters(exchange);
        Locale locale = Pages.localeFor(Exchanges.single(params, "ui_locales")
                .map(v -> Arrays.asList(v.trim().split("\\s+"))).orElse(List.of()));

        // RFC 6749 §4.1.2.1 and OpenID Connect Core 1.0 §3.1.2.6: with a missing or unknown client, or a redirect
        // URI that is not registered, the user is told here and never redirected.
        Optional<String> clientId = Exchanges.single(params, "client_id");
        if (clientId.isEmpty()) {
            Exchanges.sendHtml(exchange, 400, Pages.error(locale, Pages.text(locale, "error.missingClient")));
            return;
        }
        if (!op.client.clientId().equals(clientId.get())) {
            Exchanges.sendHtml(exchange, 400, Pages.error(locale, Pages.text(locale, "error.unknownClient", clientId.get())));
            return;
        }
        URI redirectUri = Exchanges.single(params, "redirect_uri").map(AuthorizeEndpoint::uriOrNull).orElse(null);
        if (!op.client.hasRedirectUri(redirectUri)) {
            Exchanges.sendHtml(exchange, 400, Pages.error(locale, Pages.text(locale, "error.redirectUri")));
            return;
        }
        State state;
        try {
            state = Exchanges.single(params, "state").map(State::new).orElse(null);
        } catch (BadRequestException e) {
            op.redirectError(exchange, redirectUri, OAuth2Error.INVALID_REQUEST.setDescription(e.getMessage()), null);
            return;
        }
        for (Map.Entry<String, List<String>> p : params.entrySet()) {
            if (p.getValue().size() > 1) {
                // RFC 6749 §3.1: request parameters must not be included more than once.
                op.redirectError(exchange, redirectUri, OAuth2Error.INVALID_REQUEST
                        .setDescription("Parameter " + p.getKey() + " is repeated"), state);
                return;
            }
        }

        AuthenticationRequest request;
        try {
            request = AuthenticationRequest.parse(op.authorizationEndpoint, params);
        } catch (ParseException e) {
            ErrorObject error = e.getErrorObject() != null ? e.getErrorObject() : OAuth2Error.INVALID_REQUEST;
            op.redirectError(exchange, redirectUri, error.setDescription(e.getMessage()), state);
            return;
        }
        Optional<ErrorObject> problem = check(request);
        if (problem.isPresent()) {
            op.redirectError(exchange, redirectUri, problem.get(), state);
            return;
        }

        int requestedLevel = Acr.requiredLevel(request.getACRValues() == null ? List.of()
                : request.getACRValues().stream().map(ACR::getValue).toList());
        // Strict by default; in voluntary mode the request is shown but not enforced (Core 1.0 §3.1.2.1 lets the
        // OP answer with a lower acr), so a relying party's own level check can be exercised.
        int requiredLevel = op.acrEnforced ? requestedLevel : 1;
        Prompt prompt = request.getPrompt();
        boolean promptNone = prompt != null && prompt.contains(Prompt.Type.NONE);
        // prompt=login (and select_account, which here is the same picker) forces a fresh pick: §3.1.2.1.
        boolean forcePick = prompt != null && (prompt.contains(Prompt.Type.LOGIN) || prompt.contains(Prompt.Type.SELECT_ACCOUNT));

        SsoSession session = op.sessionOf(exchange);
        Instant now = op.clock.instant();
        if (session != null && !forcePick && session.citizen.accountLevel() >= requiredLevel
                && withinMaxAge(session, request.getMaxAge(), now)) {
            // A browser already signed in at the OP comes straight back, as with a real OP.
            op.issueCode(exchange, session, redirectUri, state, request.getNonce(), request.getCodeChallenge());
            return;
        }
        if (promptNone) {
            // §3.1.2.6: prompt=none and the end-user would have to interact.
            op.redirectError(exchange, redirectUri, OIDCError.LOGIN_REQUIRED.setDescription(session == null
                    ? "No sign-in session at the provider" : "The provider session does not satisfy the request"), state);
            return;
        }

        String browser = Exchanges.cookie(exchange, OpenIdProvider.BROWSER_COOKIE)
                .filter(v -> v.length() >= 43 && v.length() <= 64).orElse(null);
        if (browser == null) {
            browser = op.random.next();
            Exchanges.setCookie(exchange, OpenIdProvider.BROWSER_COOKIE, browser, op.cookiePath(), op.secureCookies);
        }
        AuthorizationTransaction tx = new AuthorizationTransaction(op.random.next(), op.random.next(), browser,
                op.client, redirectUri, state, request.getNonce(), request.getCodeChallenge(), requiredLevel,
                requestedLevel, locale);
        op.transactions.put(tx.id, tx, now.plus(OpenIdProvider.TRANSACTION_LIFETIME));
        Exchanges.sendHtml(exchange, 200, op.pickerPage(tx, null));
    }

    /** The checks Nimbus parsing leaves to the provider. */
    private Optional<ErrorObject> check(AuthenticationRequest request) {
        if (!ResponseType.CODE.equals(request.getResponseType())) {
            // Only the authorization code flow is offered (OpenID Connect Core 1.0 §3.1).
            return Optional.of(OAuth2Error.UNSUPPORTED_RESPONSE_TYPE
                    .setDescription("Only response_type=code is supported"));
        }
        if (!request.getScope().contains("openid")) {
            return Optional.of(OAuth2Error.INVALID_SCOPE.setDescription("The scope must contain openid"));
        }
        if (request.getResponseMode() != null && !ResponseMode.QUERY.equals(request.getResponseMode())) {
            return Optional.of(OAuth2Error.INVALID_REQUEST.setDescription("Only response_mode=query is supported"));
        }
        if (request.getRequestObject() != null) {
            return Optional.of(OAuth2Error.REQUEST_NOT_SUPPORTED);
        }
        if (request.getRequestURI() != null) {
            return Optional.of(OAuth2Error.REQUEST_URI_NOT_SUPPORTED);
        }
        // RFC 7636 §4.4.1: a server that requires PKCE answers invalid_request when the challenge is missing, and
        // only S256 is accepted (an absent method means "plain", §4.3, which is refused).
        CodeChallenge challenge = request.getCodeChallenge();
        if (challenge == null) {
            return Optional.of(OAuth2Error.INVALID_REQUEST.setDescription("PKCE is required: code_challenge is missing"));
        }
        if (!CodeChallengeMethod.S256.equals(request.getCodeChallengeMethod())) {
            return Optional.of(OAuth2Error.INVALID_REQUEST
                    .setDescription("PKCE code_challenge_method must be S256; plain is not supported"));
        }
        if (!S256_CHALLENGE.matcher(challenge.getValue()).matches()) {
            // RFC 7636 §4.2: an S256 challenge is the base64url SHA-256 of the verifier, 43 characters.
            return Optional.of(OAuth2Error.INVALID_REQUEST.setDescription("code_challenge is not a base64url SHA-256 value"));
        }
        Prompt prompt = request.getPrompt();
        if (prompt != null && prompt.contains(Prompt.Type.NONE) && prompt.size() > 1) {
            // OpenID Connect Core 1.0 §3.1.2.1: none must not be combined with other prompt values.
            return Optional.of(OAuth2Error.INVALID_REQUEST.setDescription("prompt=none cannot be combined with other values"));
        }
        return Optional.empty();
    }

    /** §3.1.2.1 max_age: the session's authentication must not be older than this many seconds. */
    private static boolean withinMaxAge(SsoSession session, int maxAge, Instant now) {
        return maxAge < 0 || !session.authTime().plusSeconds(maxAge).isBefore(now);
    }

    private static URI uriOrNull(String value) {
        try {
            return new URI(value);
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
