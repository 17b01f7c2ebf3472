package vn.portal.bench;

import java.net.http.HttpHeaders;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The cookies of one simulated browser. Cookies are not port-scoped (RFC 6265 §8.5), so a browser sends the
 * portal's and the provider's cookies to both when they share the host name "localhost", exactly as kept here.
 * Every sign-in starts with an empty jar: a fresh portal session and a fresh provider session.
 */
final class CookieJar {

    private final Map<String, String> cookies = new LinkedHashMap<>();

    /** Applies the response's {@code Set-Cookie} headers (RFC 6265 §5.2: name=value, then attributes). */
    void store(HttpHeaders headers) {
        for (String header : headers.allValues("set-cookie")) {
            String[] parts = header.split(";");
            int eq = parts[0].indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String name = parts[0].substring(0, eq).trim();
            String value = parts[0].substring(eq + 1).trim();
            boolean expired = false;
            for (int i = 1; i < parts.length; i++) {
                String attribute = parts[i].trim().toLowerCase(java.util.Locale.ROOT);
                if (attribute.equals("max-age=0") || attribute.startsWith("max-age=-")
                        || attribute.startsWith("expires=thu, 01 jan 1970")) {
                    expired = true;
                }
            }
            if (expired) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
    }

    /** The {@code Cookie} request header, or empty when the jar is empty. */
    Optional<String> header() {
        if (cookies.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("; ")));
    }
}
