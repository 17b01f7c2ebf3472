package vn.portal.web.interfaces.legacy;

import java.time.format.DateTimeFormatter;
import java.util.OptionalLong;
import java.util.logging.Logger;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;

import vn.portal.bridge.application.selflink.CitizenSelfLinking;
import vn.portal.bridge.application.selflink.ClaimNotPossibleException;
import vn.portal.bridge.application.selflink.MyLinkedAccount;
import vn.portal.bridge.application.selflink.NotYourAccountException;
import vn.portal.bridge.application.selflink.WrongLegacyPasswordException;
import vn.portal.bridge.domain.model.credential.ClaimLockedException;
import vn.portal.bridge.domain.model.identity.PersonalId;
import vn.portal.web.interfaces.common.Flash;
import vn.portal.web.interfaces.common.StateChangingForm;

/**
 * {@code POST /legacy-accounts/claim} (fields {@code csrf}, {@code account}, {@code password}): the citizen proves
 * the old password of a suggested account. The account id comes from the form, so CitizenSelfLinking checks it
 * against the session's citizen before the password is even looked at.
 */
@WebServlet(urlPatterns = "/legacy-accounts/claim")
public class ClaimServlet extends CitizenFormServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ClaimServlet.class.getName());
    /** Longer "passwords" are not passwords; refusing them keeps a claim's cost bounded. */
    static final int MAX_PASSWORD = 256;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    @Override
    Flash handle(PersonalId citizen, HttpServletRequest request, String correlationId) {
        OptionalLong account = StateChangingForm.id(request, "account");
        String password = request.getParameter("password");
        if (account.isEmpty()) {
            return Flash.error("legacy.claim.notvisible", correlationId);
        }
        if (password == null || password.isEmpty() || password.length() > MAX_PASSWORD) {
            return Flash.error("legacy.claim.nopassword");
        }
        return claim(citizen, account.getAsLong(), password, correlationId);
    }

    private Flash claim(PersonalId citizen, long account, String password, String correlationId) {
        try {
            MyLinkedAccount linked = selfLinking.claim(citizen, account, password, correlationId);
            return Flash.success("legacy.claim.done", linked.accountId(), linked.agencyName());
        } catch (WrongLegacyPasswordException e) {
            return e.attemptsLeft() == 0 ? Flash.error("legacy.claim.nowlocked", String.valueOf(CitizenSelfLinking.LOCK.toMinutes()))
                    : Flash.error("legacy.claim.wrong", String.valueOf(e.attemptsLeft()));
        } catch (ClaimLockedException e) {
            return Flash.error("legacy.claim.locked", TIME.format(e.lockedUntil().atZone(LegacyAccountsView.VIETNAM)));
        } catch (ClaimNotPossibleException e) {
            return Flash.error("legacy.claim." + e.reason().name());
        } catch (NotYourAccountException e) {
            LOG.warning(() -> "Refused claim " + correlationId + ": " + e.getMessage());
            return Flash.error("legacy.claim.notvisible", correlationId);
        }
    }
}
