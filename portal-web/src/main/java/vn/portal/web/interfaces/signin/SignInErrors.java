package vn.portal.web.interfaces.signin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import vn.portal.web.infrastructure.PortalAudit;
import vn.portal.web.security.oidc.RejectionCode;
import vn.portal.web.security.oidc.SignInRejectedException;

import java.io.IOException;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Answers a refused sign-in the same way wherever it was refused: a log line and an audit event carrying the
 * reason and a correlation id, and a Vietnamese error page showing that id, with a status that says whose fault it
 * was. No session is created on this path.
 */
@ApplicationScoped
public class SignInErrors {

    private static final Logger LOG = Logger.getLogger(SignInErrors.class.getName());

    @Inject
    PortalAudit audit;

    public void reject(HttpServletRequest request, HttpServletResponse response, SignInRejectedException rejection,
                       String actor) throws ServletException, IOException {
        String correlationId = UUID.randomUUID().toString();
        RejectionCode code = rejection.code();
        LOG.log(code == RejectionCode.PROVIDER_UNAVAILABLE ? Level.SEVERE : Level.WARNING,
                "Sign-in rejected [{0}] {1}: {2}", new Object[]{correlationId, code, rejection.getMessage()});
        if (code == RejectionCode.STEP_UP_REFUSED) {
            audit.stepUpRefused(actor, rejection.getMessage(), correlationId);
        } else {
            audit.signInRejected(actor, code.name(), rejection.getMessage(), correlationId);
        }
        render(request, response, code, correlationId);
    }

    static void render(HttpServletRequest request, HttpServletResponse response, RejectionCode code, String correlationId)
            throws ServletException, IOException {
        response.setStatus(statusOf(code));
        response.setHeader("Cache-Control", "no-store");
        request.setAttribute(SignInError.REQUEST_ATTRIBUTE, new SignInError(code, correlationId));
        request.getRequestDispatcher("/sign-in-error.xhtml").forward(request, response);
    }

    static int statusOf(RejectionCode code) {
        return switch (code) {
            case MALFORMED_CALLBACK, STATE_MISSING, STATE_MISMATCH, NO_SIGN_IN_IN_PROGRESS -> HttpServletResponse.SC_BAD_REQUEST;
            case STEP_UP_REFUSED -> HttpServletResponse.SC_FORBIDDEN;
            case PROVIDER_UNAVAILABLE -> HttpServletResponse.SC_SERVICE_UNAVAILABLE;
            case PROVIDER_METADATA_INVALID -> HttpServletResponse.SC_BAD_GATEWAY;
            default -> HttpServletResponse.SC_UNAUTHORIZED;
        };
    }
}
