package vn.portal.sandbox.oidc;

import com.sun.net.httpserver.HttpExchange;
import vn.portal.sandbox.http.Exchanges;
import vn.portal.sandbox.http.SandboxHandler;

import java.io.IOException;
import java.util.Set;

/** Liveness for scripts waiting on the sandbox: 200 {@code UP} once the server accepts requests. */
final class HealthEndpoint extends SandboxHandler {

    HealthEndpoint() {
        super(Set.of("GET", "HEAD"));
    }

    @Override
    protected void serve(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        Exchanges.sendText(exchange, 200, "UP");
    }
}
