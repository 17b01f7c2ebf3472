package vn.portal.it.portal;

import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The portal's rejection page as the contract defines it: an HTML body carrying
 * {@code data-error-code="<CODE>"} and {@code data-correlation-id="<uuid>"}.
 */
public record ErrorPage(int status, Optional<String> errorCode, Optional<UUID> correlationId, String body) {

    private static final Pattern ERROR_CODE = Pattern.compile("data-error-code=\"([A-Z_]+)\"");
    private static final Pattern CORRELATION_ID = Pattern.compile("data-correlation-id=\"([0-9a-fA-F-]{36})\"");

    public static ErrorPage of(HttpResponse<String> response) {
        String body = response.body() == null ? "" : response.body();
        return new ErrorPage(response.statusCode(), find(ERROR_CODE, body), find(CORRELATION_ID, body).map(UUID::fromString), body);
    }

    private static Optional<String> find(Pattern pattern, String body) {
        Matcher matcher = pattern.matcher(body);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** A Java stack frame, a "Caused by:" line, or a fully qualified exception followed by its message. */
    private static final Pattern STACK_TRACE = Pattern.compile(
            "\\bat [\\w$.]+\\((?:[\\w$]+\\.java:\\d+|Native Method|Unknown Source)\\)"
                    + "|Caused by: "
                    + "|\\b[a-z][\\w]*(?:\\.[\\w$]+)+(?:Exception|Error): ");

    /**
     * Stack traces and server internals must never reach a citizen. (Exception class names alone are
     * not enough: PrimeFaces' inline settings legitimately name ViewExpiredException.)
     */
    public boolean leaksInternals() {
        return STACK_TRACE.matcher(body).find();
    }
}
