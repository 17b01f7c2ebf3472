package vn.portal.bench;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One complete sign-in as a browser makes it, without following redirects automatically so each hop is checked
 * and timed: portal {@code /login} (302 to the provider) → provider {@code /authorize} (picker) → picker decision
 * (302 back to the portal's {@code /callback} with code and state) → {@code /callback} (302 to the dashboard) →
 * {@code /dashboard} (200, showing the citizen's name).
 */
final class SignInJourney {

    private static final Pattern ERROR_CODE = Pattern.compile("data-error-code=\"([A-Z_]+)\"");

    private final HttpClient http;
    private final URI portal;
    private final Duration timeout;
    private final CookieJar cookies = new CookieJar();
    private final long[] stepNanos = new long[SignInStep.values().length];

    SignInJourney(HttpClient http, URI portal, Duration timeout) {
        this.http = http;
        this.portal = portal;
        this.timeout = timeout;
    }

    /**
     * Signs in as the {@code pick}-th selectable citizen (modulo their number), so load spreads over identities.
     *
     * @return the duration of each step in nanoseconds, indexed by {@link SignInStep#ordinal()}
     */
    long[] run(int pick) throws SignInFailure, InterruptedException {
        HttpResponse<String> login = send(SignInStep.LOGIN, get(portal.resolve("/login")));
        URI authorize = redirect(SignInStep.LOGIN, login, portal);

        HttpResponse<String> picker = send(SignInStep.AUTHORIZE, get(authorize));
        expectStatus(SignInStep.AUTHORIZE, picker, 200);
        PickerForm form;
        try {
            form = PickerForm.parse(picker.body());
        } catch (IllegalArgumentException e) {
            throw new SignInFailure(SignInStep.AUTHORIZE, "picker unreadable", e.getMessage());
        }
        PickerForm.Choice citizen = form.choices().get(Math.floorMod(pick, form.choices().size()));

        String body = "tx=" + encode(form.transaction()) + "&csrf=" + encode(form.csrf())
                + "&citizen=" + encode(citizen.personalId());
        HttpResponse<String> decision = send(SignInStep.DECISION, request(authorize.resolve(form.action()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        URI callback = redirect(SignInStep.DECISION, decision, authorize);
        if (!callback.getPath().equals("/callback") || callback.getPort() != portal.getPort()) {
            throw new SignInFailure(SignInStep.DECISION, "redirect elsewhere", callback.toString());
        }

        HttpResponse<String> completed = send(SignInStep.CALLBACK, get(callback));
        URI dashboard = redirect(SignInStep.CALLBACK, completed, portal);

        HttpResponse<String> page = send(SignInStep.DASHBOARD, get(dashboard));
        expectStatus(SignInStep.DASHBOARD, page, 200);
        if (!page.body().contains(citizen.fullName()) && !PickerForm.unescape(page.body()).contains(citizen.fullName())) {
            throw new SignInFailure(SignInStep.DASHBOARD, "wrong page", "the name " + citizen.fullName() + " is not on " + dashboard);
        }
        return stepNanos.clone();
    }

    private HttpRequest.Builder request(URI uri) throws SignInFailure {
        if (!BenchmarkOptions.isLoopback(uri.getHost())) {
            throw new SignInFailure(SignInStep.LOGIN, "left loopback", uri.toString());
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(timeout);
        cookies.header().ifPresent(value -> builder.header("Cookie", value));
        return builder;
    }

    private HttpRequest.Builder get(URI uri) throws SignInFailure {
        return request(uri).GET();
    }

    private HttpResponse<String> send(SignInStep step, HttpRequest.Builder request) throws SignInFailure, InterruptedException {
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            stepNanos[step.ordinal()] = System.nanoTime() - start;
            cookies.store(response.headers());
            return response;
        } catch (HttpTimeoutException e) {
            throw new SignInFailure(step, "timeout", e);
        } catch (ConnectException e) {
            throw new SignInFailure(step, "connection refused", e);
        } catch (IOException e) {
            throw new SignInFailure(step, "I/O error " + e.getClass().getSimpleName(), e);
        }
    }

    private static URI redirect(SignInStep step, HttpResponse<String> response, URI base) throws SignInFailure {
        if (response.statusCode() != 302 && response.statusCode() != 303) {
            throw unexpected(step, response);
        }
        String location = response.headers().firstValue("location")
                .orElseThrow(() -> new SignInFailure(step, "redirect without Location", ""));
        return base.resolve(location);
    }

    private static void expectStatus(SignInStep step, HttpResponse<String> response, int status) throws SignInFailure {
        if (response.statusCode() != status) {
            throw unexpected(step, response);
        }
    }

    private static SignInFailure unexpected(SignInStep step, HttpResponse<String> response) {
        Matcher code = ERROR_CODE.matcher(response.body() == null ? "" : response.body());
        String what = "HTTP " + response.statusCode() + (code.find() ? " " + code.group(1) : "");
        return new SignInFailure(step, what, response.headers().firstValue("location").map(l -> "Location " + l).orElse(""));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
