package vn.portal.sandbox.oidc;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tells relying parties that a session ended (OpenID Connect Back-Channel Logout 1.0 §2.5): the logout token is
 * POSTed as {@code logout_token} form parameter, asynchronously and with short time-outs, so a slow or absent
 * relying party never holds up the browser's logout. Failures are logged, not retried.
 */
final class BackChannelLogout {

    private static final Logger LOG = Logger.getLogger(BackChannelLogout.class.getName());
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(3);

    private final HttpClient http;
    private final TokenFactory tokens;
    private final Clock clock;

    BackChannelLogout(TokenFactory tokens, Clock clock, Executor executor) {
        this.tokens = tokens;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(executor)
                .build();
    }

    /** Sends the logout token for {@code session} to the client's back-channel URI. */
    CompletableFuture<Integer> notify(ClientRegistration client, SsoSession session) {
        URI target = client.backchannelLogoutUri();
        if (target == null) {
            return CompletableFuture.completedFuture(0);
        }
        String token = tokens.logoutToken(client.clientId(), session.citizen, session.sid, clock.instant());
        HttpRequest request = HttpRequest.newBuilder(target)
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "logout_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .thenApply(HttpResponse::statusCode)
                .whenComplete((status, failure) -> {
                    if (failure != null) {
                        LOG.log(Level.WARNING, "Back-channel logout to " + target + " for sid " + session.sid
                                + " failed: " + failure);
                    } else if (status / 100 != 2) {
                        // §2.8: the RP answers 200 (or 204); anything else means it did not log the session out.
                        LOG.warning("Back-channel logout to " + target + " for sid " + session.sid
                                + " answered HTTP " + status);
                    } else {
                        LOG.fine(() -> "Back-channel logout to " + target + " for sid " + session.sid + " accepted");
                    }
                });
    }
}
