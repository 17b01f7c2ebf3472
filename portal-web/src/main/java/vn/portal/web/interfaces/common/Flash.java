package vn.portal.web.interfaces.common;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * A message for the page a POST redirects to (POST-redirect-GET): kept in the session until that page shows
 * it once. Holds a bundle key and its parameters, not text, so it is rendered in the language of the page.
 *
 * @param success   true for a confirmation, false for an error
 * @param key       resource-bundle key of the message
 * @param arguments {0}, {1} ... of the message; plain strings so the session stays small and serializable
 */
public record Flash(boolean success, String key, List<String> arguments) implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String SESSION_ATTRIBUTE = Flash.class.getName();

    public Flash {
        Objects.requireNonNull(key, "key");
        arguments = List.copyOf(arguments);
    }

    public static Flash success(String key, String... arguments) {
        return new Flash(true, key, List.of(arguments));
    }

    public static Flash error(String key, String... arguments) {
        return new Flash(false, key, List.of(arguments));
    }

    /** Leaves the message for the next page of this session. */
    public void put(HttpServletRequest request) {
        request.getSession().setAttribute(SESSION_ATTRIBUTE, this);
    }

    /** The pending message, removed so a reload does not show it again; null when there is none. */
    public static Flash take(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(SESSION_ATTRIBUTE) instanceof Flash flash)) {
            return null;
        }
        session.removeAttribute(SESSION_ATTRIBUTE);
        return flash;
    }

    /** Argument {@code i}, or "" (for EL, which cannot index a missing element). */
    public String argument(int i) {
        return i < arguments.size() ? arguments.get(i) : "";
    }
}
