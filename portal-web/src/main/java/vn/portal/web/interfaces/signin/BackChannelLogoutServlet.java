package vn.portal.web.interfaces.signin;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import vn.portal.bridge.application.SessionRegistry;
import vn.portal.web.infrastructure.PortalAudit;
import vn.portal.web.security.oidc.LogoutTokenVerifier;
import vn.portal.web.security.oidc.ProviderClient;
import vn.portal.web.security.oidc.SignInRejectedException;

import java.io.IOException;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code POST /backchannel-logout}, OpenID Connect Back-Channel Logout 1.0 §2.5 to §2.8. The provider posts a logout
 * token; if it validates (§2.6, {@link LogoutTokenVerifier}) every portal session of that {@code sid}, or of that
 * {@code sub} when no {@code sid} is given, is ended in the session registry, which all cluster nodes consult on
 * every request. The answer is 200 on success and 400 otherwise, never cached (§2.8).
 */
@WebServlet(urlPatterns = "/backchannel-logout")
public class BackChannelLogoutServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(BackChannelLogoutServlet.class.getName());

    @Inject
    transient ProviderClient provider;

    @Inject
    transient SessionRegistry sessions;

    @Inject
    transient PortalAudit audit;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        String correlationId = UUID.randomUUID().toString();
        try {
            String token = request.getParameter("logout_token");
            if (token != null && token.length() > 16 * 1024) {
                throw new SignInRejectedException(vn.portal.web.security.oidc.RejectionCode.LOGOUT_TOKEN_INVALID, "logout token is oversized");
            }
            LogoutTokenVerifier.LogoutRequest logout = provider.logoutTokenVerifier().verify(token);
            int ended = logout.sessionId() != null
                    ? sessions.endByProviderSid(logout.sessionId())
                    : sessions.endBySubject(logout.subject());
            LOG.log(Level.INFO, "Back-channel logout [{0}] ended {1} session(s)", new Object[]{correlationId, ended});
            audit.backChannelLogoutAccepted(logout.subject(), logout.sessionId(), ended, correlationId);
            response.setStatus(HttpServletResponse.SC_OK);
        } catch (SignInRejectedException e) {
            LOG.log(Level.WARNING, "Back-channel logout rejected [{0}]: {1}", new Object[]{correlationId, e.getMessage()});
            audit.backChannelLogoutRejected(e.getMessage(), correlationId);
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setContentType("application/json");
            response.getWriter().write("{\"error\":\"invalid_request\",\"error_description\":\"logout token rejected\"}");
        }
    }
}
