package vn.portal.interop;

import com.nimbusds.oauth2.sdk.util.URLUtils;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP request the third-party provider received, as seen on its side of the wire: what the portal (or the
 * browser, sent by the portal) actually said, rather than what the portal's code intends to say.
 */
record ProviderRequest(String method, URI uri, Map<String, List<String>> headers, String body) {

    ProviderRequest {
        headers = Map.copyOf(headers);
        body = body == null ? "" : body;
    }

    String path() {
        return uri.getPath();
    }

    Optional<String> header(String name) {
        return headers.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name))
                .flatMap(e -> e.getValue().stream())
                .findFirst();
    }

    Map<String, List<String>> queryParameters() {
        return URLUtils.parseParameters(uri.getRawQuery());
    }

    /** The {@code application/x-www-form-urlencoded} body of a POST (a token request). */
    Map<String, List<String>> formParameters() {
        return URLUtils.parseParameters(body);
    }

    @Override
    public String toString() {
        // Paths only: query strings and bodies carry codes and tokens that have no place in a test report.
        return method + " " + uri.getPath();
    }
}
