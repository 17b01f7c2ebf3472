package vn.portal.sandbox.http;

import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.util.URLUtils;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Helpers to read requests from and write responses to an {@link HttpExchange}. */
public final class Exchanges {

    /** Query strings and form bodies larger than this are refused before parsing. */
    public static final int MAX_PARAMETERS_BYTES = 16 * 1024;

    private Exchanges() {
    }

    /** The query parameters, decoded. */
    public static Map<String, List<String>> query(HttpExchange exchange) {
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw != null && raw.length() > MAX_PARAMETERS_BYTES) {
            throw new BadRequestException(414, "query string longer than " + MAX_PARAMETERS_BYTES + " bytes");
        }
        return URLUtils.parseParameters(raw);
    }

    /** The body as {@code application/x-www-form-urlencoded} parameters. */
    public static Map<String, List<String>> form(HttpExchange exchange) throws IOException {
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            throw new BadRequestException(415, "expected Content-Type application/x-www-form-urlencoded, got " + contentType);
        }
        return URLUtils.parseParameters(body(exchange));
    }

    /** Query parameters for GET, form parameters for POST (both allowed by OpenID Connect Core 1.0 §3.1.2.1). */
    public static Map<String, List<String>> parameters(HttpExchange exchange) throws IOException {
        return "POST".equals(exchange.getRequestMethod()) ? form(exchange) : query(exchange);
    }

    /** The request body as UTF-8 text, refused when larger than {@link #MAX_PARAMETERS_BYTES}. */
    public static String body(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(512);
            byte[] buf = new byte[4096];
            int n;
            while ((n = in.read(buf)) >= 0) {
                if (out.size() + n > MAX_PARAMETERS_BYTES) {
                    throw new BadRequestException(413, "request body larger than " + MAX_PARAMETERS_BYTES + " bytes");
                }
                out.write(buf, 0, n);
            }
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    /**
     * The single value of a parameter, empty when absent. RFC 6749 §3.1: parameters must not be included more than
     * once, so a repeated one is a bad request rather than a choice between values.
     */
    public static Optional<String> single(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        if (values == null || values.isEmpty()) {
            return Optional.empty();
        }
        if (values.size() > 1) {
            throw new BadRequestException(400, "parameter '" + name + "' is repeated");
        }
        String v = values.get(0);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v);
    }

    /** The value of a cookie sent by the browser. */
    public static Optional<String> cookie(HttpExchange exchange, String name) {
        List<String> headers = exchange.getRequestHeaders().get("Cookie");
        if (headers == null) {
            return Optional.empty();
        }
        for (String header : headers) {
            for (String part : header.split(";")) {
                int eq = part.indexOf('=');
                if (eq > 0 && part.substring(0, eq).trim().equals(name)) {
                    String value = part.substring(eq + 1).trim();
                    if (!value.isEmpty()) {
                        return Optional.of(value);
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Converts the exchange into a Nimbus request so Nimbus parses OAuth requests exactly as the specifications
     * say. The body is read here; call once.
     */
    public static HTTPRequest toNimbus(HttpExchange exchange, URI publicUri) throws IOException {
        HTTPRequest request = new HTTPRequest(HTTPRequest.Method.valueOf(exchange.getRequestMethod()), publicUri);
        Headers headers = exchange.getRequestHeaders();
        for (Map.Entry<String, List<String>> h : headers.entrySet()) {
            request.setHeader(h.getKey(), h.getValue().toArray(new String[0]));
        }
        String rawQuery = exchange.getRequestURI().getRawQuery();
        if (rawQuery != null) {
            if (rawQuery.length() > MAX_PARAMETERS_BYTES) {
                throw new BadRequestException(414, "query string longer than " + MAX_PARAMETERS_BYTES + " bytes");
            }
            request.appendQueryString(rawQuery);
        }
        if ("POST".equals(exchange.getRequestMethod())) {
            request.setBody(body(exchange));
        }
        request.setClientIPAddress(exchange.getRemoteAddress().getAddress().getHostAddress());
        return request;
    }

    /** Writes a Nimbus response (status, headers, body) as is. */
    public static void send(HttpExchange exchange, HTTPResponse response) throws IOException {
        Headers out = exchange.getResponseHeaders();
        for (Map.Entry<String, List<String>> h : response.getHeaderMap().entrySet()) {
            out.put(h.getKey(), List.copyOf(h.getValue()));
        }
        String body = response.getBody();
        send(exchange, response.getStatusCode(), null, body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes a complete response. {@code contentType} may be null when already set. */
    public static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        if (body.length == 0 || "HEAD".equals(exchange.getRequestMethod())) {
            // RFC 9110 §9.3.2: HEAD gets the headers of GET without content.
            exchange.sendResponseHeaders(status, -1);
        } else {
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(body);
            }
        }
    }

    public static void sendText(HttpExchange exchange, int status, String text) throws IOException {
        send(exchange, status, "text/plain; charset=UTF-8", text.getBytes(StandardCharsets.UTF_8));
    }

    public static void sendJson(HttpExchange exchange, int status, byte[] json) throws IOException {
        send(exchange, status, "application/json; charset=UTF-8", json);
    }

    /**
     * Sends an HTML page with headers that keep it out of caches and frames (OpenID Connect Core 1.0 §3.1.2.3
     * leaves the page to the OP; clickjacking defence per RFC 6749 §10.13).
     */
    public static void sendHtml(HttpExchange exchange, int status, String html) throws IOException {
        Headers h = exchange.getResponseHeaders();
        h.set("Cache-Control", "no-store");
        h.set("Pragma", "no-cache");
        h.set("X-Frame-Options", "DENY");
        h.set("X-Content-Type-Options", "nosniff");
        h.set("Referrer-Policy", "no-referrer");
        h.set("Content-Security-Policy",
                "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; base-uri 'none'");
        send(exchange, status, "text/html; charset=UTF-8", html.getBytes(StandardCharsets.UTF_8));
    }

    /** Redirects the browser. 302 after GET; 303 after POST so the browser follows with GET. */
    public static void redirect(HttpExchange exchange, URI location) throws IOException {
        exchange.getResponseHeaders().set("Location", location.toString());
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        send(exchange, "POST".equals(exchange.getRequestMethod()) ? 303 : 302, null, new byte[0]);
    }

    /** Adds a {@code Set-Cookie} header for an HttpOnly, SameSite=Lax session cookie. */
    public static void setCookie(HttpExchange exchange, String name, String value, String path, boolean secure) {
        exchange.getResponseHeaders().add("Set-Cookie", name + "=" + value + "; Path=" + path
                + "; HttpOnly; SameSite=Lax" + (secure ? "; Secure" : ""));
    }

    /** Removes a cookie set by {@link #setCookie}. */
    public static void clearCookie(HttpExchange exchange, String name, String path, boolean secure) {
        exchange.getResponseHeaders().add("Set-Cookie", name + "=; Path=" + path
                + "; Max-Age=0; HttpOnly; SameSite=Lax" + (secure ? "; Secure" : ""));
    }
}
