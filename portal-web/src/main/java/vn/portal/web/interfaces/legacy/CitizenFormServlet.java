package vn.portal.web.interfaces.legacy;

import java.io.IOException;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import vn.portal.bridge.application.selflink.CitizenSelfLinking;
import vn.portal.bridge.domain.model.identity.PersonalId;
import vn.portal.web.interfaces.common.CsrfGuard;
import vn.portal.web.interfaces.common.Flash;
import vn.portal.web.interfaces.common.StateChangingForm;
import vn.portal.web.security.session.SignedInUser;

/**
 * The citizen's forms on "Tài khoản cũ của tôi": never cached, the CSRF token checked (a refusal is audited by
 * {@link CsrfGuard}), the form's outcome shown as a flash message back on the page (post/redirect/get). A GET only
 * goes back to the page.
 */
abstract class CitizenFormServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final String PAGE = "/legacy-accounts";

    @Inject
    transient CsrfGuard csrf;

    @Inject
    transient CitizenSelfLinking selfLinking;

    @Override
    protected final void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        Optional<SignedInUser> verified = csrf.verifiedUser(request, response);
        if (verified.isEmpty()) {
            return;
        }
        PersonalId citizen = PersonalId.parse(verified.get().personalId());
        handle(citizen, request, StateChangingForm.correlationId()).put(request);
        response.sendRedirect(request.getContextPath() + PAGE);
    }

    /** Does what the verified citizen's form asks; the message to show, success or refusal. */
    abstract Flash handle(PersonalId citizen, HttpServletRequest request, String correlationId);

    @Override
    protected final void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendRedirect(request.getContextPath() + PAGE);
    }
}
