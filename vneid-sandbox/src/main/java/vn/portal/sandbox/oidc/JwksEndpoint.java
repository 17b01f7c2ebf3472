package vn.portal.sandbox.oidc;

import com.sun.net.httpserver.HttpExchange;
import vn.portal.sandbox.http.Exchanges;
import vn.portal.sandbox.http.SandboxHandler;

import java.io.IOException;
import java.util.Set;

/** The public signing keys (RFC 7517 §5), current and previous, each with its {@code kid}. */
final class JwksEndpoint extends SandboxHandler {

    private final OpenIdProvider op;

    JwksEndpoint(OpenIdProvider op) {
        super(Set.of("GET", "HEAD"));
        this.op = op;
    }

    @Override
    protected void serve(HttpExchange exchange) throws IOException {
        // Not cached: after a rotation a relying party that refetches on an unknown kid must see the new key at once.
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.getResponseHeaders().set("Content-Type", "application/jwk-set+json; charset=UTF-8");
        Exchanges.send(exchange, 200, null, op.keys.publicJwkSetJson());
    }
}
