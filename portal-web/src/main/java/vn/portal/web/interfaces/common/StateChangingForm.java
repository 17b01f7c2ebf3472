package vn.portal.web.interfaces.common;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.OptionalLong;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import vn.portal.web.security.session.SignedInUser;

/**
 * The checks every plain HTML form that changes state must pass before its servlet acts: a signed-in user
 * (the session guard already ran) and the session's CSRF token echoed in the {@code csrf} field, compared in
 * constant time (OWASP CSRF Prevention Cheat Sheet, "Synchronizer Token Pattern"); {@link CsrfGuard} refuses and
 * audits a form without it. Also the parsing of the ids such forms carry.
 */
public final class StateChangingForm {

    private StateChangingForm() {
    }

    /** The hidden field in which every state-changing form echoes the session's CSRF token. */
    public static final String CSRF_FIELD = "csrf";

    /**
     * The user of the request's session, whatever the form carries; null when nobody is signed in. A servlet that
     * acts for this user first has {@link CsrfGuard#admits} check (and, when wrong, refuse and audit) the form's token.
     */
    public static SignedInUser signedInUser(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(SignedInUser.SESSION_ATTRIBUTE) instanceof SignedInUser user ? user : null;
    }

    /**
     * Whether the form echoes {@code user}'s CSRF token in its {@link #CSRF_FIELD} field (constant-time comparison).
     * Package-private: servlets go through {@link CsrfGuard}, which audits a refusal.
     */
    static boolean carriesCsrfToken(HttpServletRequest request, SignedInUser user) {
        String given = request.getParameter(CSRF_FIELD);
        return given != null && MessageDigest.isEqual(user.csrfToken().getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8));
    }

    /** A positive decimal id of at most 18 digits from a form field, or empty for anything else. */
    public static OptionalLong id(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        if (value == null || value.isEmpty() || value.length() > 18 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return OptionalLong.empty();
        }
        long id = Long.parseLong(value);
        return id > 0 ? OptionalLong.of(id) : OptionalLong.empty();
    }

    /** A new id tying the audit event to what the user was shown. */
    public static String correlationId() {
        return UUID.randomUUID().toString();
    }
}
