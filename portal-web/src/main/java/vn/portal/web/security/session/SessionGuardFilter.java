package vn.portal.web.security.session;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import vn.portal.bridge.application.SessionRegistry;
import vn.portal.web.infrastructure.PortalAudit;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Guards every page that needs a signed-in user. A session counts only while its {@code portal_session} row is
 * active, which is how a back-channel logout received by one cluster node ends the sessions held by the others.
 * Pages under {@code /admin} and {@code /agency} additionally need the matching staff role (403 otherwise).
 * Authenticated responses are never stored by browsers or proxies.
 */
@WebFilter(urlPatterns = {"/dashboard", "/dashboard.xhtml", "/service", "/service.xhtml", "/services/open",
        "/legacy-accounts", "/legacy-accounts.xhtml", "/legacy-accounts/*", "/admin/*", "/agency/*", "/api/*"})
public class SessionGuardFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    transient SessionRegistry sessions;

    @Inject
    transient PortalAudit audit;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Pragma", "no-cache");
        SignedInUser user = activeUser(request);
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        if (user == null) {
            if (path.startsWith("/api/")) {
                response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                response.setContentType("application/json");
                response.getWriter().write("{\"error\":\"not_signed_in\"}");
            } else {
                String target = path + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
                response.sendRedirect(request.getContextPath() + "/login?return=" + URLEncoder.encode(target, StandardCharsets.UTF_8));
            }
            return;
        }
        if ((path.startsWith("/admin/") && !user.isAdministrator()) || (path.startsWith("/agency/") && !user.isAgencyOfficer())) {
            audit.accessDenied(user, path);
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        chain.doFilter(request, response);
    }

    private SignedInUser activeUser(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(SignedInUser.SESSION_ATTRIBUTE) instanceof SignedInUser user)) {
            return null;
        }
        if (!sessions.isActive(user.sessionKey())) {
            session.invalidate();
            return null;
        }
        return user;
    }
}
