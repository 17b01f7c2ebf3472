package vn.portal.it.portal;

import com.nimbusds.oauth2.sdk.util.URLUtils;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The hops of one sign-in walked by {@link PortalBrowser#signIn()}, for assertions and diagnostics. */
public record SignInAttempt(List<Hop> hops) {

    /** One request and the portal's or provider's answer to it. */
    public record Hop(URI request, HttpResponse<String> response) {
        @Override
        public String toString() {
            StringBuilder text = new StringBuilder().append(response.statusCode()).append(' ').append(request)
                    .append(response.headers().firstValue("Location").map(l -> " -> " + l).orElse(""));
            // Cookie names and sizes only: enough to diagnose, without copying session ids into reports.
            for (String cookie : response.headers().allValues("Set-Cookie")) {
                int equals = cookie.indexOf('=');
                int end = cookie.indexOf(';') < 0 ? cookie.length() : cookie.indexOf(';');
                text.append("\n      Set-Cookie ").append(equals < 0 ? cookie : cookie.substring(0, equals))
                        .append(" (").append(Math.max(0, end - equals - 1)).append(" chars)")
                        .append(cookie.substring(end));
            }
            return text.toString();
        }
    }

    public SignInAttempt {
        hops = List.copyOf(hops);
        if (hops.isEmpty()) {
            throw new IllegalArgumentException("a sign-in attempt has at least the /login hop");
        }
    }

    /** The last answer received: the callback's when the chain reached it. */
    public HttpResponse<String> finalResponse() {
        return hops.get(hops.size() - 1).response();
    }

    public boolean reachedCallback() {
        return "/callback".equals(hops.get(hops.size() - 1).request().getPath());
    }

    /** The parameters the portal sent to the provider's authorization endpoint. */
    public Map<String, List<String>> authorizationRequest() {
        return hops.stream()
                .filter(hop -> "/authorize".equals(hop.request().getPath()))
                .findFirst()
                .map(hop -> URLUtils.parseParameters(hop.request().getRawQuery()))
                .orElseThrow(() -> new AssertionError("the portal never sent the browser to /authorize: " + this));
    }

    public Optional<String> callbackLocation() {
        return reachedCallback() ? finalResponse().headers().firstValue("Location") : Optional.empty();
    }

    public ErrorPage errorPage() {
        return ErrorPage.of(finalResponse());
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
