package vn.portal.sandbox.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Base for every endpoint: exact path match, allowed methods, and one place that turns unexpected failures into
 * a 500 without leaking internals. The exchange is always closed.
 */
public abstract class SandboxHandler implements HttpHandler {

    private static final Logger LOG = Logger.getLogger(SandboxHandler.class.getName());

    private final Set<String> methods;

    protected SandboxHandler(Set<String> methods) {
        this.methods = Set.copyOf(methods);
    }

    @Override
    public final void handle(HttpExchange exchange) {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String contextPath = exchange.getHttpContext().getPath();
            if (!path.equals(contextPath)) {
                Exchanges.sendText(exchange, 404, "Not found");
                return;
            }
            if (!methods.contains(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", String.join(", ", methods));
                Exchanges.sendText(exchange, 405, "Method not allowed");
                return;
            }
            try {
                serve(exchange);
            } catch (BadRequestException e) {
                Exchanges.sendText(exchange, e.status(), "Bad request: " + e.getMessage());
            }
        } catch (IOException e) {
            // The client went away mid-response; nothing to answer.
            LOG.log(Level.FINE, "I/O error while answering " + exchange.getRequestURI(), e);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Unexpected failure answering " + exchange.getRequestMethod() + " "
                    + exchange.getRequestURI().getPath(), e);
            try {
                Exchanges.sendText(exchange, 500, "Internal error");
            } catch (IOException | RuntimeException ignored) {
                // Headers may already be sent; the connection is closed by try-with-resources.
            }
        }
    }

    /** Answers a request whose path and method have been checked. */
    protected abstract void serve(HttpExchange exchange) throws IOException;
}
