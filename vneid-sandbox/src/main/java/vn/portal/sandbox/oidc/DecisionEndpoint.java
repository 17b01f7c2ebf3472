package vn.portal.sandbox.oidc;

import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.sun.net.httpserver.HttpExchange;
import vn.portal.sandbox.citizen.Citizen;
import vn.portal.sandbox.http.Exchanges;
import vn.portal.sandbox.http.SandboxHandler;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * {@code POST /authorize/decision}: the picker form. Fields {@code tx} (transaction id), {@code csrf} (token
 * bound to the transaction), {@code citizen} (personal ID of the chosen citizen), {@code otp} (when the sandbox
 * asks for one) or {@code action=cancel}. The browser must also present the cookie the transaction was bound to.
 */
final class DecisionEndpoint extends SandboxHandler {

    private static final Logger LOG = Logger.getLogger(DecisionEndpoint.class.getName());

    private final OpenIdProvider op;

    DecisionEndpoint(OpenIdProvider op) {
        super(Set.of("POST"));
        this.op = op;
    }

    @Override
    protected void serve(HttpExchange exchange) throws IOException {
        Map<String, List<String>> form = Exchanges.form(exchange);
        Instant now = op.clock.instant();
        Optional<AuthorizationTransaction> found = Exchanges.single(form, "tx").flatMap(id -> op.transactions.get(id, now));
        if (found.isEmpty()) {
            Exchanges.sendHtml(exchange, 400, Pages.error(Pages.VIETNAMESE, Pages.text(Pages.VIETNAMESE, "error.transaction")));
            return;
        }
        AuthorizationTransaction tx = found.get();
        Locale l = tx.locale;
        // Cross-site request forgery defence: the form must carry the transaction's token and come from the
        // browser that started the transaction (RFC 6749 §10.12 asks the same of the client's redirect URI).
        boolean sameBrowser = Exchanges.cookie(exchange, OpenIdProvider.BROWSER_COOKIE)
                .map(c -> constantTimeEquals(c, tx.browserBinding)).orElse(false);
        boolean tokenMatches = Exchanges.single(form, "csrf").map(c -> constantTimeEquals(c, tx.csrfToken)).orElse(false);
        if (!sameBrowser || !tokenMatches) {
            LOG.warning("Refused a picker decision for transaction with " + (sameBrowser ? "wrong CSRF token" : "foreign browser"));
            Exchanges.sendHtml(exchange, 403, Pages.error(l, Pages.text(l, "error.csrf")));
            return;
        }
        if (Exchanges.single(form, "action").filter("cancel"::equals).isPresent()) {
            op.transactions.remove(tx.id);
            // OpenID Connect Core 1.0 §3.1.2.6: the end-user denied the request.
            op.redirectError(exchange, tx.redirectUri,
                    OAuth2Error.ACCESS_DENIED.setDescription("The user cancelled the sign-in"), tx.state);
            return;
        }
        Optional<Citizen> citizen = Exchanges.single(form, "citizen").flatMap(op.citizens::find);
        if (citizen.isEmpty()) {
            rerender(exchange, tx, Pages.text(l, "error.citizen"));
            return;
        }
        Citizen c = citizen.get();
        if (c.accountLevel() < tx.requiredLevel) {
            rerender(exchange, tx, Pages.text(l, "error.level", c.fullName()));
            return;
        }
        List<String> amr = List.of("pwd");
        if (op.otp != null) {
            Optional<String> otp = Exchanges.single(form, "otp").map(String::trim);
            if (otp.isEmpty()) {
                rerender(exchange, tx, Pages.text(l, "error.otpRequired"));
                return;
            }
            if (!constantTimeEquals(otp.get(), op.otp)) {
                if (tx.failedAttempts.incrementAndGet() >= OpenIdProvider.MAX_OTP_ATTEMPTS) {
                    op.transactions.remove(tx.id);
                    op.redirectError(exchange, tx.redirectUri,
                            OAuth2Error.ACCESS_DENIED.setDescription("Too many wrong one-time codes"), tx.state);
                } else {
                    rerender(exchange, tx, Pages.text(l, "error.otp"));
                }
                return;
            }
            // RFC 8176 §2: pwd + otp, which together make a multiple-factor authentication.
            amr = List.of("pwd", "otp", "mfa");
        }
        if (op.transactions.take(tx.id, now).isEmpty()) {
            // A double submit: the other request already used this transaction.
            Exchanges.sendHtml(exchange, 400, Pages.error(l, Pages.text(l, "error.transaction")));
            return;
        }
        SsoSession session = op.signIn(exchange, op.sessionOf(exchange), c, amr);
        op.issueCode(exchange, session, tx.redirectUri, tx.state, tx.nonce, tx.codeChallenge);
    }

    private void rerender(HttpExchange exchange, AuthorizationTransaction tx, String error) throws IOException {
        Exchanges.sendHtml(exchange, 400, op.pickerPage(tx, error));
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
