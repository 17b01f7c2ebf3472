package vn.portal.web.security.session;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/** The signed-in user for pages ({@code #{currentUser}}); pages behind {@link SessionGuardFilter} always have one. */
@Named
@RequestScoped
public class CurrentUser {

    @Inject
    HttpServletRequest request;

    public SignedInUser getUser() {
        HttpSession session = request.getSession(false);
        return session == null ? null : (SignedInUser) session.getAttribute(SignedInUser.SESSION_ATTRIBUTE);
    }

    public boolean isSignedIn() {
        return getUser() != null;
    }
}
