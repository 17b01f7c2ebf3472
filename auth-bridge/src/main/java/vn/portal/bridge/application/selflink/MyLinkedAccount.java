package vn.portal.bridge.application.selflink;

import java.time.Instant;
import java.util.Objects;

import vn.portal.bridge.domain.model.link.LinkMethod;
import vn.portal.bridge.domain.model.link.LinkState;

/**
 * A legacy account currently linked to the citizen, as the dashboard and "my old accounts" show it: nothing
 * the citizen did not give the agency themselves, and never the password hash.
 *
 * @param linkId    handle of the link for a dispute (re-checked against the citizen on every action)
 * @param evidence  the decision's evidence JSON for automatic links, else null
 */
public record MyLinkedAccount(long linkId, long legacyAccountId, String agencyCode, String agencyName, String accountId,
        String username, LinkMethod method, LinkState state, Instant linkedAt, String evidence) {

    public MyLinkedAccount {
        Objects.requireNonNull(agencyCode, "agencyCode");
        Objects.requireNonNull(agencyName, "agencyName");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(linkedAt, "linkedAt");
    }

    /** Only ACTIVE links can be disputed; a DISPUTED one already waits for a reviewer. */
    public boolean disputable() {
        return state == LinkState.ACTIVE;
    }
}
