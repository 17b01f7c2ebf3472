package vn.portal.web.interfaces.legacy;

import java.io.IOException;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.logging.Logger;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import vn.portal.bridge.application.selflink.CitizenSelfLinking;
import vn.portal.bridge.application.selflink.NotYourAccountException;
import vn.portal.bridge.domain.model.identity.PersonalId;
import vn.portal.bridge.domain.model.link.IllegalLinkTransitionException;
import vn.portal.bridge.domain.model.shared.ConflictingUpdateException;
import vn.portal.web.interfaces.common.CsrfGuard;
import vn.portal.web.interfaces.common.Flash;
import vn.portal.web.interfaces.common.StateChangingForm;
import vn.portal.web.security.session.SignedInUser;

/**
 * {@code POST /legacy-accounts/dispute} (fields {@code csrf}, {@code link}, {@code reason}): the citizen says a
 * linked account is not theirs. The link becomes DISPUTED and waits in the administrators' review queue.
 */
@WebServlet(urlPatterns = "/legacy-accounts/dispute")
public class DisputeServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(DisputeServlet.class.getName());

    @Inject
    transient CsrfGuard csrf;

    @Inject
    transient CitizenSelfLinking selfLinking;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        Optional<SignedInUser> verified = csrf.verifiedUser(request, response);
        if (verified.isEmpty()) {
            return;
        }
        SignedInUser user = verified.get();
        OptionalLong link = StateChangingForm.id(request, "link");
        String reason = request.getParameter("reason");
        String correlationId = StateChangingForm.correlationId();
        Flash flash;
        if (link.isEmpty()) {
            flash = Flash.error("legacy.dispute.notvisible", correlationId);
        } else if (reason == null || reason.isBlank()) {
            flash = Flash.error("legacy.dispute.noreason");
        } else if (reason.strip().length() > CitizenSelfLinking.MAX_DISPUTE_REASON) {
            flash = Flash.error("legacy.dispute.toolong", String.valueOf(CitizenSelfLinking.MAX_DISPUTE_REASON));
        } else {
            flash = dispute(PersonalId.parse(user.personalId()), link.getAsLong(), reason, correlationId);
        }
        flash.put(request);
        response.sendRedirect(request.getContextPath() + "/legacy-accounts");
    }

    private Flash dispute(PersonalId citizen, long link, String reason, String correlationId) {
        try {
            selfLinking.dispute(citizen, link, reason, correlationId);
            return Flash.success("legacy.dispute.done");
        } catch (NotYourAccountException e) {
            LOG.warning(() -> "Refused dispute " + correlationId + ": " + e.getMessage());
            return Flash.error("legacy.dispute.notvisible", correlationId);
        } catch (IllegalLinkTransitionException | ConflictingUpdateException e) {
            return Flash.error("legacy.dispute.already");
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendRedirect(request.getContextPath() + "/legacy-accounts");
    }
}
