package vn.portal.bridge.application.linking;

import java.util.Objects;
import java.util.Optional;

import vn.portal.bridge.domain.model.legacy.LegacyAccount;
import vn.portal.bridge.domain.model.matching.Decision;

/**
 * The engine's verdict on one stored legacy account, before it is recorded: the matcher's decision, or the
 * reason no decision could be made (an account the matcher could not even read is counted as an error and
 * left undecided, so a later run looks at it again). The batch job hands these from its processor to its writer.
 */
public final class AccountDecision {

    private final long accountId;
    private final String agencyCode;
    private final String reference;
    private final Decision decision;
    private final String error;
    /** The evidence as JSON, rendered once; set by whichever thread asks first (rendering is deterministic). */
    private volatile String evidenceJson;

    private AccountDecision(LegacyAccount account, Decision decision, String error) {
        this.accountId = account.id().orElseThrow(() -> new IllegalArgumentException("account " + account + " is not stored"));
        this.agencyCode = account.agencyCode();
        this.reference = account.agencyCode() + "/" + account.accountId();
        this.decision = decision;
        this.error = error;
    }

    static AccountDecision decided(LegacyAccount account, Decision decision) {
        return new AccountDecision(account, Objects.requireNonNull(decision, "decision"), null);
    }

    static AccountDecision failed(LegacyAccount account, String error) {
        return new AccountDecision(account, null, Objects.requireNonNull(error, "error"));
    }

    /** Database id of the legacy account. */
    public long accountId() {
        return accountId;
    }

    public String agencyCode() {
        return agencyCode;
    }

    /** "BHXH/000123": agency code and the agency's own account id. */
    public String reference() {
        return reference;
    }

    public Optional<Decision> decision() {
        return Optional.ofNullable(decision);
    }

    /**
     * The decision's evidence as JSON, as links and review items store it; rendered on first use, so the
     * engine can render it on the deciding threads and the writer reuses it.
     */
    public Optional<String> evidenceJson() {
        if (decision == null) {
            return Optional.empty();
        }
        String json = evidenceJson;
        if (json == null) {
            json = decision.evidence().toJson();
            evidenceJson = json;
        }
        return Optional.of(json);
    }

    /** Why the account could not be decided; present exactly when {@link #decision()} is empty. */
    public Optional<String> error() {
        return Optional.ofNullable(error);
    }

    @Override
    public String toString() {
        return "AccountDecision[" + reference + " " + (decision != null ? decision.outcome() : "ERROR") + "]";
    }
}
