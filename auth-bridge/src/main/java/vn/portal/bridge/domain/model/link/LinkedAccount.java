package vn.portal.bridge.domain.model.link;

import java.util.Objects;

import vn.portal.bridge.domain.model.legacy.LegacyAccount;

/** A link together with the legacy account it holds, as the dashboard and the links export show them. */
public record LinkedAccount(IdentityLink link, LegacyAccount account) {

    public LinkedAccount {
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(account, "account");
        if (account.id().isEmpty() || account.id().get() != link.legacyAccountId()) {
            throw new IllegalArgumentException("link " + link + " does not hold account " + account);
        }
    }
}
