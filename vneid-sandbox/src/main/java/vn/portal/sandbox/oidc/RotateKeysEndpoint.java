package vn.portal.sandbox.oidc;

import com.sun.net.httpserver.HttpExchange;
import vn.portal.sandbox.http.Exchanges;
import vn.portal.sandbox.http.SandboxHandler;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * {@code POST /admin/rotate-keys}: lets a test or demo script rotate the signing keys of a running sandbox. Only
 * from loopback, since it needs no credentials.
 */
final class RotateKeysEndpoint extends SandboxHandler {

    private static final Logger LOG = Logger.getLogger(RotateKeysEndpoint.class.getName());

    private final OpenIdProvider op;

    RotateKeysEndpoint(OpenIdProvider op) {
        super(Set.of("POST"));
        this.op = op;
    }

    @Override
    protected void serve(HttpExchange exchange) throws IOException {
        if (!exchange.getRemoteAddress().getAddress().isLoopbackAddress()) {
            LOG.warning("Refused key rotation requested from " + exchange.getRemoteAddress().getAddress());
            Exchanges.sendText(exchange, 403, "Key rotation is only allowed from loopback");
            return;
        }
        List<String> kids = op.rotateKeys();
        String json = kids.stream().map(k -> "\"" + k + "\"").collect(Collectors.joining(",", "{\"current\":[", "]}"));
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        Exchanges.sendJson(exchange, 200, json.getBytes(StandardCharsets.UTF_8));
    }
}
