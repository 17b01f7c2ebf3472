package vn.portal.web.interfaces.signin;

import com.nimbusds.jwt.JWTParser;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.openid.connect.sdk.LogoutRequest;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import vn.portal.bridge.application.SessionRegistry;
import vn.portal.bridge.domain.model.session.SessionEndReason;
import vn.portal.web.infrastructure.PortalAudit;
import vn.portal.web.interfaces.common.CsrfGuard;
import vn.portal.web.security.oidc.ProviderClient;
import vn.portal.web.security.oidc.SignInRejectedException;
import vn.portal.web.security.session.SignedInUser;

import java.io.IOException;
import java.net.URI;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code POST /logout}: ends the portal session, then sends the browser to the provider's
 * {@code end_session_endpoint} (OpenID Connect RP-Initiated Logout 1.0 §2) with the ID token as hint, so the
 * provider session ends too and the provider notifies the other relying parties.
 */
@WebServlet(urlPatterns = "/logout")
public class LogoutServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(LogoutServlet.class.getName());

    @Inject
    transient SessionRegistry sessions;

    @Inject
    transient ProviderClient provider;

    @Inject
    transient PortalAudit audit;

    @Inject
    transient CsrfGuard csrf;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        response.setHeader("Cache-Control", "no-store");
        HttpSession session = request.getSession(false);
        SignedInUser user = session == null ? null : (SignedInUser) session.getAttribute(SignedInUser.SESSION_ATTRIBUTE);
        if (user == null) {
            response.sendRedirect(request.getContextPath() + "/signed-out");
            return;
        }
        // A cross-site form could otherwise sign the citizen out (a nuisance, and a step in some phishing flows).
        if (!csrf.admits(request, response, user)) {
            return;
        }
        sessions.end(user.sessionKey(), SessionEndReason.SIGNED_OUT);
        audit.signedOut(user, SessionEndReason.SIGNED_OUT.name());
        session.invalidate();
        response.sendRedirect(endSessionUri(request, user));
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // Signing out changes state, so it is a POST from the page's form; a bare GET just shows where to go.
        response.sendRedirect(request.getContextPath() + "/");
    }

    private String endSessionUri(HttpServletRequest request, SignedInUser user) {
        String signedOutPage = request.getContextPath() + "/signed-out";
        try {
            URI endpoint = provider.metadata().getEndSessionEndpointURI();
            if (endpoint == null || user.idTokenHint() == null) {
                return signedOutPage;
            }
            return new LogoutRequest(endpoint, JWTParser.parse(user.idTokenHint()), null,
                    new ClientID(provider.settings().clientId()), provider.settings().postLogoutRedirectUri(), null, null)
                    .toURI().toString();
        } catch (SignInRejectedException | java.text.ParseException e) {
            // The portal session is already over; the provider session will expire on its own.
            LOG.log(Level.WARNING, "Cannot build the provider logout request: {0}", e.getMessage());
            return signedOutPage;
        }
    }
}
