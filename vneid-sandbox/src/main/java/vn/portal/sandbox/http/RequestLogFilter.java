package vn.portal.sandbox.http;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/** One log line per request at FINE: method, path (never the query, which may hold codes), status and duration. */
public final class RequestLogFilter extends Filter {

    private static final Logger LOG = Logger.getLogger("vn.portal.sandbox.requests");

    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        if (!LOG.isLoggable(Level.FINE)) {
            chain.doFilter(exchange);
            return;
        }
        long start = System.nanoTime();
        try {
            chain.doFilter(exchange);
        } finally {
            long micros = (System.nanoTime() - start) / 1_000;
            LOG.fine(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " -> "
                    + exchange.getResponseCode() + " (" + micros / 1000 + "." + String.format("%03d", micros % 1000)
                    + " ms)");
        }
    }

    @Override
    public String description() {
        return "Logs one line per request at FINE";
    }
}
