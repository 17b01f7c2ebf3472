package vn.portal.web.interfaces.dashboard;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import vn.portal.bridge.application.selflink.CitizenSelfLinking;
import vn.portal.bridge.domain.model.identity.PersonalId;
import jakarta.inject.Named;
import vn.portal.web.security.session.CurrentUser;
import vn.portal.web.security.session.SignedInUser;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * {@code /dashboard}: the citizen's unified identity (as the provider vouched for it at this sign-in) and the
 * legacy accounts linked to it.
 */
@Named
@RequestScoped
public class DashboardView {

    @Inject
    CurrentUser currentUser;

    /** The identity as shown: name, and birth date and gender when the provider shared them. */
    public record IdentityView(String fullName, LocalDate birthDate, String gender) {
    }

    /** One linked legacy account; {@code method} and {@code state} are names the page translates. */
    public record LinkedAccount(String agencyName, String accountLabel, String method, String state, LocalDate linkedOn) {
    }

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    @Inject
    CitizenSelfLinking selfLinking;

    private List<LinkedAccount> linkedAccounts;

    public IdentityView getIdentity() {
        SignedInUser user = currentUser.getUser();
        return new IdentityView(user.fullName(), user.birthDate(), user.gender() == null ? null : user.gender().name());
    }

    /** Legacy accounts currently linked to this identity (active or disputed), by agency, with how each was linked. */
    public List<LinkedAccount> getLinkedAccounts() {
        if (linkedAccounts == null) {
            PersonalId citizen = PersonalId.parse(currentUser.getUser().personalId());
            linkedAccounts = selfLinking.linkedAccounts(citizen).stream()
                    .map(a -> new LinkedAccount(a.agencyName(), a.username() == null ? a.accountId() : a.accountId() + " (" + a.username() + ")",
                            a.method().name(), a.state().name(), a.linkedAt().atZone(VIETNAM).toLocalDate()))
                    .toList();
        }
        return linkedAccounts;
    }

    public String getRolesLabel() {
        SignedInUser user = currentUser.getUser();
        return user.roles().isEmpty() ? null : String.join(", ", user.roles().stream().sorted().toList());
    }
}
