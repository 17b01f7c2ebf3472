package vn.portal.web.interfaces.legacy;

import java.util.OptionalLong;
import java.util.logging.Logger;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;

import vn.portal.bridge.application.selflink.CitizenSelfLinking;
import vn.portal.bridge.application.selflink.NotYourAccountException;
import vn.portal.bridge.domain.model.identity.PersonalId;
import vn.portal.bridge.domain.model.link.IllegalLinkTransitionException;
import vn.portal.bridge.domain.model.shared.ConflictingUpdateException;
import vn.portal.web.interfaces.common.Flash;
import vn.portal.web.interfaces.common.StateChangingForm;

/**
 * {@code POST /legacy-accounts/dispute} (fields {@code csrf}, {@code link}, {@code reason}): the citizen says a
 * linked account is not theirs. The link becomes DISPUTED and waits in the administrators' review queue.
 */
@WebServlet(urlPatterns = "/legacy-accounts/dispute")
public class DisputeServlet extends CitizenFormServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(DisputeServlet.class.getName());

    @Override
    Flash handle(PersonalId citizen, HttpServletRequest request, String correlationId) {
        OptionalLong link = StateChangingForm.id(request, "link");
        String reason = request.getParameter("reason");
        if (link.isEmpty()) {
            return Flash.error("legacy.dispute.notvisible", correlationId);
        }
        if (reason == null || reason.isBlank()) {
            return Flash.error("legacy.dispute.noreason");
        }
        if (reason.strip().length() > CitizenSelfLinking.MAX_DISPUTE_REASON) {
            return Flash.error("legacy.dispute.toolong", String.valueOf(CitizenSelfLinking.MAX_DISPUTE_REASON));
        }
        return dispute(citizen, link.getAsLong(), reason, correlationId);
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
}
