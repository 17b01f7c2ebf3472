package vn.portal.web.interfaces.signin;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.pac4j.core.context.CallContext;
import org.pac4j.core.exception.http.RedirectionAction;
import org.pac4j.core.redirect.RedirectionActionBuilder;
import org.pac4j.jee.context.JEEContext;
import org.pac4j.jee.context.session.JEESessionStore;
import org.pac4j.jee.http.adapter.JEEHttpActionAdapter;
import org.pac4j.oidc.client.OidcClient;
import org.pac4j.oidc.config.OidcConfiguration;
import vn.portal.bridge.domain.model.identity.AssuranceLevel;
import vn.portal.web.security.oidc.ProviderClient;
import vn.portal.web.security.oidc.SignInRejectedException;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;

/**
 * {@code GET /login}: starts an authorization code flow at the provider. {@code ?return=/path} says where to land
 * afterwards; {@code ?level=2&service=CODE} (set by the service gate) asks for a step-up: {@code acr_values} for that
 * level and {@code prompt=login} (OpenID Connect Core 1.0 §3.1.2.1), so the provider re-authenticates the citizen.
 */
@WebServlet(urlPatterns = "/login")
public class LoginServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient ProviderClient provider;

    @Inject
    transient SignInErrors errors;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        AssuranceLevel requiredLevel = requestedLevel(request);
        String service = requiredLevel == null ? null : request.getParameter("service");
        String returnPath = PendingSignIn.safeReturnPath(request.getParameter("return"));
        try {
            OidcClient client = provider.client();
            JEEContext web = new JEEContext(request, response);
            if (requiredLevel != null) {
                request.setAttribute(OidcConfiguration.CUSTOM_PARAMS, Map.of("acr_values", provider.settings().acrFor(requiredLevel)));
                request.setAttribute(RedirectionActionBuilder.ATTRIBUTE_FORCE_AUTHN, Boolean.TRUE);
            }
            RedirectionAction action = client.getRedirectionActionBuilder()
                    .getRedirectionAction(new CallContext(web, new JEESessionStore()))
                    .orElseThrow(() -> new IllegalStateException("pac4j built no redirection"));
            request.getSession().setAttribute(PendingSignIn.SESSION_ATTRIBUTE,
                    new PendingSignIn(returnPath, requiredLevel, service, Instant.now()));
            response.setHeader("Cache-Control", "no-store");
            JEEHttpActionAdapter.INSTANCE.adapt(action, web);
        } catch (SignInRejectedException e) {
            errors.reject(request, response, e, null);
        }
    }

    private static AssuranceLevel requestedLevel(HttpServletRequest request) {
        String level = request.getParameter("level");
        if (level == null) {
            return null;
        }
        try {
            return AssuranceLevel.parse(level);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
