package vn.portal.web.interfaces.review;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import vn.portal.bridge.application.ServiceCatalog;
import vn.portal.bridge.application.review.NotACandidateException;
import vn.portal.bridge.application.review.ReviewDesk;
import vn.portal.bridge.application.review.ReviewQueuePage;
import vn.portal.bridge.application.review.UnknownReviewItemException;
import vn.portal.bridge.domain.model.agency.Agency;
import vn.portal.bridge.domain.model.identity.PersonalId;
import vn.portal.bridge.domain.model.link.IllegalLinkTransitionException;
import vn.portal.bridge.domain.model.link.ReviewItem;
import vn.portal.bridge.domain.model.shared.ConflictingUpdateException;
import vn.portal.web.interfaces.common.CsrfGuard;
import vn.portal.web.interfaces.common.Flash;
import vn.portal.web.interfaces.common.StateChangingForm;
import vn.portal.web.security.session.SignedInUser;

/**
 * {@code POST /admin/review/decide} (fields {@code csrf}, {@code item}, {@code action} = link | reject,
 * {@code candidate} = index into the item's candidates for link, {@code reason}; {@code agency}, {@code cause},
 * {@code page} = the queue page the form was on): an administrator's decision. The session guard admits
 * administrators only; ReviewDesk checks the candidate against the item and audits. The answer redirects to the
 * same filtered page of the queue, or to its new last page when the decision emptied the page.
 */
@WebServlet(urlPatterns = "/admin/review/decide")
public class ReviewDecisionServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient CsrfGuard csrf;

    @Inject
    transient ReviewDesk desk;

    @Inject
    transient ServiceCatalog catalog;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        Optional<SignedInUser> verified = csrf.verifiedAdministrator(request, response);
        if (verified.isEmpty()) {
            return;
        }
        SignedInUser user = verified.get();
        OptionalLong item = StateChangingForm.id(request, "item");
        String action = request.getParameter("action");
        String reason = request.getParameter("reason");
        String correlationId = StateChangingForm.correlationId();
        Flash flash;
        if (item.isEmpty() || !("link".equals(action) || "reject".equals(action))) {
            flash = Flash.error("review.decide.invalid");
        } else if (reason == null || reason.isBlank()) {
            flash = Flash.error("review.decide.noreason");
        } else if (reason.strip().length() > ReviewItem.MAX_TEXT) {
            flash = Flash.error("review.decide.toolong", String.valueOf(ReviewItem.MAX_TEXT));
        } else {
            flash = decide(user, item.getAsLong(), action, request.getParameter("candidate"), reason.strip(), correlationId);
        }
        flash.put(request);
        response.sendRedirect(request.getContextPath() + wayBack(request).path());
    }

    /**
     * The queue page the form was posted from. Its fields came back from our own page, so a part that does not parse
     * (a tampered form) is simply dropped: the decision is already made, and the reviewer lands on a real page.
     */
    private ReviewQueueAddress wayBack(HttpServletRequest request) {
        ReviewQueueAddress from = ReviewQueueAddress.parse(request.getParameter(ReviewQueueAddress.PAGE),
                request.getParameter(ReviewQueueAddress.AGENCY), request.getParameter(ReviewQueueAddress.CAUSE),
                catalog.agencies().stream().map(Agency::code).collect(Collectors.toSet())).address();
        int pages = ReviewQueuePage.pageCount(desk.countMatching(from.filter()), ReviewQueueView.PAGE);
        return from.page() > pages ? from.withPage(pages) : from;
    }

    private Flash decide(SignedInUser user, long itemId, String action, String candidateIndex, String reason, String correlationId) {
        String id = String.valueOf(itemId);
        try {
            if ("reject".equals(action)) {
                desk.reject(itemId, user.personalId(), reason, correlationId);
                return Flash.success("review.decide.rejected", id);
            }
            PersonalId candidate = candidate(itemId, candidateIndex);
            if (candidate == null) {
                return Flash.error("review.decide.nocandidate", id);
            }
            desk.linkToCandidate(itemId, candidate, user.personalId(), reason, correlationId);
            return Flash.success("review.decide.linked", id, candidate.masked());
        } catch (UnknownReviewItemException | NotACandidateException e) {
            return Flash.error("review.decide.nocandidate", id);
        } catch (IllegalLinkTransitionException | ConflictingUpdateException e) {
            return Flash.error("review.decide.stale", id);
        }
    }

    /** The item's candidate at the posted index, found again on the server; null for a bad index. */
    private PersonalId candidate(long itemId, String index) {
        if (index == null || index.length() > 3 || index.isEmpty() || !index.chars().allMatch(Character::isDigit)) {
            return null;
        }
        int i = Integer.parseInt(index);
        List<PersonalId> candidates = desk.reviewCase(itemId).candidates();
        return i < candidates.size() ? candidates.get(i) : null;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendRedirect(request.getContextPath() + "/admin/review");
    }
}
