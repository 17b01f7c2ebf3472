package vn.portal.it.portal;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * One citizen's browser, without the browser: a cookie jar and an HTTP client that never follows
 * redirects by itself, so every hop of the sign-in can be inspected. Each instance is a separate
 * browser (separate cookies).
 */
public final class PortalBrowser {

    private static final int MAX_HOPS = 10;
    /** Generous enough never to fire on a healthy run; it only keeps a hung portal from hanging the build. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final URI portal;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;

    public PortalBrowser(URI portal) {
        this.portal = portal;
        // HTTP/1.1 as browsers speak it over plain http: the JDK client would otherwise try an h2c upgrade,
        // which Grizzly answers with spurious 431s and stream resets on later requests of the connection.
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(REQUEST_TIMEOUT)
                .build();
    }

    public URI portal() {
        return portal;
    }

    public HttpResponse<String> get(String pathOrUrl) {
        return send(HttpRequest.newBuilder(resolve(pathOrUrl)).GET());
    }

    public HttpResponse<String> postForm(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /**
     * A {@code multipart/form-data} POST (RFC 7578) as a browser sends a form with a file input: {@code fields} as
     * text parts, then {@code file} under the part name {@code fileField}.
     */
    public HttpResponse<String> postMultipart(String path, Map<String, String> fields, String fileField, String fileName,
            String file) {
        String boundary = "----portal-it-" + UUID.randomUUID();
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> body.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n")
                .append(value).append("\r\n"));
        body.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(fileField).append("\"; filename=\"").append(fileName)
                .append("\"\r\nContent-Type: text/csv\r\n\r\n")
                .append(file).append("\r\n--").append(boundary).append("--\r\n");
        return send(HttpRequest.newBuilder(resolve(path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)));
    }

    /** {@code GET /api/me}: 200 with the citizen when signed in, 401 otherwise. */
    public HttpResponse<String> me() {
        return send(HttpRequest.newBuilder(resolve("/api/me")).header("Accept", "application/json").GET());
    }

    /**
     * Starts at {@code /login} and follows every redirect (portal and provider alike) until the portal
     * has answered the callback; returns all hops. If the chain breaks earlier (an error page at
     * {@code /login}, a provider refusal) the attempt ends there.
     */
    public SignInAttempt signIn() {
        return signInFrom("/login");
    }

    /**
     * As {@link #signIn()}, starting from any portal page that leads to a sign-in (a step-up starts at
     * {@code /services/open}).
     */
    public SignInAttempt signInFrom(String startPath) {
        List<SignInAttempt.Hop> hops = new ArrayList<>();
        URI next = resolve(startPath);
        for (int i = 0; i < MAX_HOPS; i++) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(next).GET());
            hops.add(new SignInAttempt.Hop(next, response));
            boolean callbackAnswered = isPortal(next) && "/callback".equals(next.getPath());
            Optional<String> location = response.headers().firstValue("Location");
            if (callbackAnswered || response.statusCode() / 100 != 3 || location.isEmpty()) {
                return new SignInAttempt(hops);
            }
            next = next.resolve(location.get());
        }
        throw new AssertionError("sign-in did not reach the callback within " + MAX_HOPS + " redirects: " + hops);
    }

    /** Replays a callback URL in this browser (for callbacks crafted by a test). */
    public HttpResponse<String> callback(String query) {
        return get("/callback" + (query.isEmpty() ? "" : "?" + query));
    }

    /** The cookie values this browser would send to the portal, by name. */
    public Map<String, String> portalCookies() {
        return cookies.getCookieStore().get(portal).stream()
                .collect(Collectors.toMap(HttpCookie::getName, HttpCookie::getValue, (a, b) -> b));
    }

    private boolean isPortal(URI uri) {
        return portal.getHost().equalsIgnoreCase(uri.getHost()) && portal.getPort() == uri.getPort();
    }

    private URI resolve(String pathOrUrl) {
        return portal.resolve(pathOrUrl);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(REQUEST_TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("HTTP request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
