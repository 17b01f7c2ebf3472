package vn.portal.web.interfaces.dashboard;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import vn.portal.web.security.session.CurrentUser;
import vn.portal.web.security.session.SignedInUser;

import java.time.LocalDate;
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

    /** One linked legacy account. */
    public record LinkedAccount(String agencyName, String accountLabel, String method, LocalDate linkedOn) {
    }

    public IdentityView getIdentity() {
        SignedInUser user = currentUser.getUser();
        return new IdentityView(user.fullName(), user.birthDate(), user.gender() == null ? null : user.gender().name());
    }

    /**
     * Legacy accounts linked to this identity. Linking (import, matching, review, self-linking) is the auth bridge's
     * next capability; until it lands no account can be linked and the page says so.
     */
    public List<LinkedAccount> getLinkedAccounts() {
        return List.of();
    }

    public String getRolesLabel() {
        SignedInUser user = currentUser.getUser();
        return user.roles().isEmpty() ? null : String.join(", ", user.roles().stream().sorted().toList());
    }
}
