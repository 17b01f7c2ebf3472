package vn.portal.interop;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
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
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A citizen's browser reduced to what a sign-in needs: a cookie jar, and redirects followed one at a time so every
 * hop between portal and provider can be looked at. Each instance has its own cookies.
 */
final class Browser {

    private static final int MAX_HOPS = 10;
    /** Only keeps a hung server from hanging the build; never reached on a healthy run. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final URI portal;
    private final HttpClient http;

    Browser(URI portal) {
        this.portal = portal;
        // HTTP/1.1 as a browser speaks it over plain http: the JDK client would otherwise offer an h2c upgrade,
        // which is not what a browser does and not what the portal is tested for.
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(REQUEST_TIMEOUT)
                .build();
    }

    /** One request and the answer to it. */
    record Hop(URI request, HttpResponse<String> response) {

        Optional<URI> location() {
            return response.headers().firstValue("Location").map(request::resolve);
        }

        @Override
        public String toString() {
            return response.statusCode() + " " + request.getScheme() + "://" + request.getAuthority() + request.getPath()
                    + location().map(l -> " -> " + l.getScheme() + "://" + l.getAuthority() + l.getPath()).orElse("");
        }
    }

    HttpResponse<String> get(String pathOrUrl) {
        return send(HttpRequest.newBuilder(portal.resolve(pathOrUrl)).GET());
    }

    HttpResponse<String> getJson(String path) {
        return send(HttpRequest.newBuilder(portal.resolve(path)).header("Accept", "application/json").GET());
    }

    HttpResponse<String> postForm(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(portal.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /**
     * Requests {@code start}, then follows each redirect, through portal and provider alike, until an answer is not
     * a redirect or the request just answered matches {@code lastRequest}.
     */
    List<Hop> follow(URI start, Predicate<URI> lastRequest) {
        List<Hop> hops = new ArrayList<>();
        URI next = portal.resolve(start);
        for (int i = 0; i < MAX_HOPS; i++) {
            Hop hop = new Hop(next, send(HttpRequest.newBuilder(next).GET()));
            hops.add(hop);
            Optional<URI> location = hop.location();
            if (lastRequest.test(next) || hop.response().statusCode() / 100 != 3 || location.isEmpty()) {
                return hops;
            }
            next = location.get();
        }
        throw new AssertionError("no end within " + MAX_HOPS + " redirects: " + hops);
    }

    /** Whether {@code uri} is the portal's {@code path}. */
    boolean isPortal(URI uri, String path) {
        return portal.getHost().equalsIgnoreCase(uri.getHost()) && portal.getPort() == uri.getPort()
                && path.equals(uri.getPath());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(REQUEST_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("HTTP request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
