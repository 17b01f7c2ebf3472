package vn.portal.interop;

import com.nimbusds.oauth2.sdk.util.URLUtils;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

/** The hops of one sign-in, from the portal's {@code /login} to its answer at {@code /callback}. */
record SignIn(List<Browser.Hop> hops, URI authorizationEndpoint) {

    SignIn {
        hops = List.copyOf(hops);
        if (hops.isEmpty()) {
            throw new IllegalArgumentException("a sign-in has at least the /login hop");
        }
    }

    /** The portal's answer to the callback (or the last answer before the chain broke). */
    HttpResponse<String> finalResponse() {
        return hops.get(hops.size() - 1).response();
    }

    URI finalRequest() {
        return hops.get(hops.size() - 1).request();
    }

    /**
     * The parameters of the authorization request the portal sent the browser with, found by the provider's
     * advertised {@code authorization_endpoint} rather than by any path the portal or this test might assume.
     */
    Map<String, List<String>> authorizationRequest() {
        return hops.stream()
                .map(Browser.Hop::request)
                .filter(uri -> withoutQuery(uri).equals(authorizationEndpoint))
                .findFirst()
                .map(uri -> URLUtils.parseParameters(uri.getRawQuery()))
                .orElseThrow(() -> new AssertionError("the browser never reached " + authorizationEndpoint + ": " + this));
    }

    /** The parameters the provider sent back to the portal's redirect URI. */
    Map<String, List<String>> authorizationResponse() {
        return URLUtils.parseParameters(finalRequest().getRawQuery());
    }

    static URI withoutQuery(URI uri) {
        return URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath());
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        hops.forEach(hop -> text.append("\n  ").append(hop));
        String body = finalResponse().body();
        text.append("\n  final body: ").append(body.length() > 600 ? body.substring(0, 600) + "…" : body);
        return text.toString();
    }
}
