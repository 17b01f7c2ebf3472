package vn.portal.web.interfaces.legacy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import vn.portal.bridge.application.selflink.CitizenSelfLinking;
import vn.portal.bridge.application.selflink.MyLinkedAccount;
import vn.portal.bridge.application.selflink.SuggestedAccount;
import vn.portal.bridge.domain.model.identity.PersonalId;
import vn.portal.web.interfaces.common.Flash;
import vn.portal.web.interfaces.review.EvidenceView;
import vn.portal.web.security.session.CurrentUser;

/** {@code /legacy-accounts}: the citizen's linked legacy accounts, the suggested ones, and the outcome of the last action. */
@Named
@RequestScoped
public class LegacyAccountsView {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    @Inject
    CurrentUser currentUser;

    @Inject
    CitizenSelfLinking selfLinking;

    @Inject
    HttpServletRequest request;

    /** A linked account as the table shows it. */
    public record LinkedRow(long linkId, String agencyName, String accountId, String username, String method, String state,
            LocalDate linkedOn, boolean disputable, EvidenceView evidence) {
    }

    /** A suggested account as the list shows it: what the citizen gave the agency, and why it is suggested. */
    public record SuggestionRow(long accountId, String agencyName, String legacyAccountId, String username, String fullName,
            LocalDate birthDate, String outcome, boolean claimable, String lockedUntil, EvidenceView evidence) {

        /** A claim is locked after five wrong passwords; the form is hidden until the lock ends. */
        public boolean locked() {
            return lockedUntil != null;
        }
    }

    private static final java.time.format.DateTimeFormatter TIME = java.time.format.DateTimeFormatter.ofPattern("HH:mm");

    private List<LinkedRow> linked;
    private List<SuggestionRow> suggestions;
    private Flash flash;
    private boolean flashRead;

    public List<LinkedRow> getLinked() {
        if (linked == null) {
            PersonalId citizen = citizen();
            linked = selfLinking.linkedAccounts(citizen).stream().map(a -> row(a, citizen)).toList();
        }
        return linked;
    }

    public List<SuggestionRow> getSuggestions() {
        if (suggestions == null) {
            PersonalId citizen = citizen();
            suggestions = selfLinking.suggestions(citizen).stream().map(s -> row(s, citizen)).toList();
        }
        return suggestions;
    }

    /** The message left by the last form action, shown once. */
    public Flash getFlash() {
        if (!flashRead) {
            flash = Flash.take(request);
            flashRead = true;
        }
        return flash;
    }

    private PersonalId citizen() {
        // The personal ID of the session, never one from the request.
        return PersonalId.parse(currentUser.getUser().personalId());
    }

    static LinkedRow row(MyLinkedAccount account, PersonalId citizen) {
        return new LinkedRow(account.linkId(), account.agencyName(), account.accountId(), account.username(),
                account.method().name(), account.state().name(), account.linkedAt().atZone(VIETNAM).toLocalDate(),
                account.disputable(), account.evidence() == null ? null : EvidenceView.parse(account.evidence()).onlyFor(citizen.value()));
    }

    private static SuggestionRow row(SuggestedAccount suggested, PersonalId citizen) {
        var s = suggested.suggestion();
        return new SuggestionRow(s.legacyAccountId(), suggested.agencyName(), s.accountId(), s.username(), s.fullName(),
                s.birthDate(), s.outcome().name(), suggested.claimable(),
                suggested.claimLockedUntil() == null ? null : TIME.format(suggested.claimLockedUntil().atZone(VIETNAM)),
                EvidenceView.parse(s.evidenceJson()).onlyFor(citizen.value()));
    }
}
