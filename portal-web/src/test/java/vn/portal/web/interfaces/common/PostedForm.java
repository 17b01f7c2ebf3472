package vn.portal.web.interfaces.common;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import vn.portal.bridge.domain.model.identity.AssuranceLevel;
import vn.portal.bridge.domain.model.identity.Gender;
import vn.portal.web.security.session.SignedInUser;

/**
 * A form posted to one of the portal's servlets, as the servlet sees it: its path, fields, headers and the session's
 * signed-in user. The request and response are JDK proxies answering only what the form checks ask (anything else
 * fails loudly), so no mocking library and no servlet container are needed.
 */
final class PostedForm {

    private final String servletPath;
    private final Map<String, String> fields = new HashMap<>();
    private final Map<String, String> headers = new HashMap<>();
    private SignedInUser user;
    /** The status the servlet answered with through sendError, or 0 when it did not. */
    private int errorStatus;

    private PostedForm(String servletPath) {
        this.servletPath = servletPath;
    }

    static PostedForm to(String servletPath) {
        return new PostedForm(servletPath);
    }

    PostedForm field(String name, String value) {
        fields.put(name, value);
        return this;
    }

    PostedForm header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    PostedForm signedIn(SignedInUser signedIn) {
        this.user = signedIn;
        return this;
    }

    int errorStatus() {
        return errorStatus;
    }

    HttpServletRequest request() {
        HttpSession session = user == null ? null : proxy(HttpSession.class, (name, args) -> switch (name) {
            case "getAttribute" -> SignedInUser.SESSION_ATTRIBUTE.equals(args[0]) ? user : null;
            default -> unsupported(name);
        });
        return proxy(HttpServletRequest.class, (name, args) -> switch (name) {
            case "getParameter" -> fields.get((String) args[0]);
            case "getHeader" -> headers.get((String) args[0]);
            case "getServletPath" -> servletPath;
            case "getSession" -> args == null || Boolean.TRUE.equals(args[0]) ? unsupported("getSession(true)") : session;
            default -> unsupported(name);
        });
    }

    HttpServletResponse response() {
        return proxy(HttpServletResponse.class, (name, args) -> {
            if (name.equals("sendError")) {
                errorStatus = (Integer) args[0];
                return null;
            }
            return unsupported(name);
        });
    }

    /** Lê Thị Hoa, the demo data's administrator, with the given session CSRF token. */
    static SignedInUser administrator(String csrfToken) {
        return user("001190000021", "0011******21", "Lê Thị Hoa", LocalDate.of(1990, 7, 21), Gender.FEMALE,
                Set.of(SignedInUser.ROLE_ADMINISTRATOR), csrfToken);
    }

    /** Nguyễn Văn An, a citizen without staff roles, with the given session CSRF token. */
    static SignedInUser citizen(String csrfToken) {
        return user("001085012345", "0010******45", "Nguyễn Văn An", LocalDate.of(1985, 3, 12), Gender.MALE, Set.of(), csrfToken);
    }

    private static SignedInUser user(String personalId, String masked, String name, LocalDate born, Gender gender,
            Set<String> roles, String csrfToken) {
        return new SignedInUser("session-" + personalId, 1, personalId, masked, name, born, gender, AssuranceLevel.LEVEL_2,
                roles, "sub-" + personalId, "sid-" + personalId, "id-token-" + personalId, csrfToken,
                Instant.parse("2026-11-28T03:00:00Z"));
    }

    private interface Answer {
        Object answer(String method, Object[] args);
    }

    private static <T> T proxy(Class<T> type, Answer answer) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> answer.answer(method.getName(), args)));
    }

    private static Object unsupported(String method) {
        throw new UnsupportedOperationException(method + " is not part of a posted form's checks");
    }
}
