package vn.portal.web.interfaces.common;

import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import vn.portal.web.infrastructure.PortalAudit;
import vn.portal.web.security.session.SignedInUser;

/**
 * The one place where a state-changing form's CSRF token is checked and, when it is wrong, refused: every servlet
 * behind a {@code <form method="post">} asks it before it acts ({@link #verifiedUser}, {@link #verifiedAdministrator}, or
 * {@link #admits} where the servlet finds the user itself), so every refusal is logged, audited and
 * answered alike (OWASP CSRF Prevention Cheat Sheet, "Synchronizer Token Pattern"; the house rule that every
 * security decision is logged and audited).
 *
 * <p>A refusal writes one WARNING line and one {@code ACCESS_DENIED / CSRF_TOKEN_INVALID} audit event sharing a new
 * correlation id, with the signed-in user as actor (masked in the log, in full in the audit log, as for every other
 * decision) and the form's path as target. Neither the session's token nor the one posted is written anywhere: the
 * audit says only whether the field was missing or different, and which site the browser said the form came from.
 */
@ApplicationScoped
public class CsrfGuard {

    private static final Logger LOG = Logger.getLogger(CsrfGuard.class.getName());
    /** A forged form's Origin is the attacker's text: kept short enough for a log line and the audit details. */
    static final int MAX_ORIGIN = 200;

    @Inject
    PortalAudit audit;

    protected CsrfGuard() {
        // for CDI's client proxy
    }

    /** For callers outside a container (tests): the same guard over an explicitly given audit. */
    public CsrfGuard(PortalAudit audit) {
        this.audit = Objects.requireNonNull(audit, "audit");
    }

    /**
     * The signed-in user whose form may change state. Empty when the response is already a 403: nobody is signed in
     * (the session ended between the session guard and here) or the form lacks the session's CSRF token (refused and
     * audited by {@link #admits}).
     */
    public Optional<SignedInUser> verifiedUser(HttpServletRequest request, HttpServletResponse response) throws IOException {
        return verified(request, response, false);
    }

    /**
     * As {@link #verifiedUser}, for the administrators' forms: also empty, with 403, for a user without the role (the
     * session guard has already refused and audited that for {@code /admin} paths).
     */
    public Optional<SignedInUser> verifiedAdministrator(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        return verified(request, response, true);
    }

    private Optional<SignedInUser> verified(HttpServletRequest request, HttpServletResponse response, boolean administratorOnly)
            throws IOException {
        SignedInUser user = StateChangingForm.signedInUser(request);
        if (user == null || (administratorOnly && !user.isAdministrator())) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return Optional.empty();
        }
        return admits(request, response, user) ? Optional.of(user) : Optional.empty();
    }

    /**
     * Whether {@code user}'s form may change state: it echoes the session's CSRF token in its {@code csrf} field.
     * When it does not, the refusal is logged and audited and the response is already a 403 with the error page;
     * the caller then returns without acting.
     *
     * @param user the signed-in user whose session the request carries (the caller has checked the role, if any)
     */
    public boolean admits(HttpServletRequest request, HttpServletResponse response, SignedInUser user) throws IOException {
        Objects.requireNonNull(user, "user");
        if (StateChangingForm.carriesCsrfToken(request, user)) {
            return true;
        }
        String form = request.getServletPath();
        String correlationId = StateChangingForm.correlationId();
        String why = request.getParameter(StateChangingForm.CSRF_FIELD) == null ? "no csrf field"
                : "a csrf field that is not the session's token";
        String origin = origin(request);
        LOG.warning(() -> "Refused " + form + " [" + correlationId + "]: the form of " + describe(user) + " "
                + user.maskedPersonalId() + " carried " + why + " (Origin " + origin + ")");
        audit.csrfRefused(user, form, correlationId, "form posted with " + why + "; Origin " + origin);
        response.sendError(HttpServletResponse.SC_FORBIDDEN);
        return false;
    }

    /** The Origin header (Fetch Standard, "origin" request header) without control characters, or "(none)". */
    static String origin(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        if (origin == null || origin.isBlank()) {
            return "(none)";
        }
        String printable = origin.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        return printable.length() > MAX_ORIGIN ? printable.substring(0, MAX_ORIGIN) + "…" : printable;
    }

    private static String describe(SignedInUser user) {
        if (user.isAdministrator()) {
            return "administrator";
        }
        return user.isAgencyOfficer() ? "agency officer" : "citizen";
    }
}
