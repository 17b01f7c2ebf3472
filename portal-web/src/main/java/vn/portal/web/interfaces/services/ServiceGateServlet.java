package vn.portal.web.interfaces.services;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import vn.portal.bridge.application.ServiceCatalog;
import vn.portal.bridge.domain.model.service.PublicService;
import vn.portal.web.infrastructure.PortalAudit;
import vn.portal.web.security.session.SignedInUser;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * {@code GET /services/open?code=X}: the assurance-level gate in front of every public service. A session whose
 * level satisfies the service's minimum goes through; a level-1 session on a level-2 service is sent to a step-up
 * sign-in that asks the provider for level 2 ({@code acr_values}, {@code prompt=login}). If the provider still
 * vouches only for level 1, the callback refuses with an explanation (STEP_UP_REFUSED).
 */
@WebServlet(urlPatterns = "/services/open")
public class ServiceGateServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient ServiceCatalog catalog;

    @Inject
    transient PortalAudit audit;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String code = request.getParameter("code");
        Optional<PublicService> service = code == null || code.length() > 32 ? Optional.empty() : catalog.byCode(code);
        if (service.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        // The session guard ran before this servlet, so a user is present.
        SignedInUser user = (SignedInUser) request.getSession().getAttribute(SignedInUser.SESSION_ATTRIBUTE);
        PublicService wanted = service.get();
        String servicePage = "/service?code=" + URLEncoder.encode(wanted.code(), StandardCharsets.UTF_8);
        if (user.satisfies(wanted.minimumLevel())) {
            response.sendRedirect(request.getContextPath() + servicePage);
            return;
        }
        audit.stepUpRequested(user, wanted.code());
        response.sendRedirect(request.getContextPath() + "/login?level=" + wanted.minimumLevel().number()
                + "&service=" + URLEncoder.encode(wanted.code(), StandardCharsets.UTF_8)
                + "&return=" + URLEncoder.encode(servicePage, StandardCharsets.UTF_8));
    }
}
