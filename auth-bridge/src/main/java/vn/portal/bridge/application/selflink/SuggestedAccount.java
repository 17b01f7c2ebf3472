package vn.portal.bridge.application.selflink;

import java.time.Instant;
import java.util.Objects;

import vn.portal.bridge.application.linking.LinkSuggestion;

/**
 * An account the linking engine suggests to the citizen, with the agency's name, whether it can be claimed
 * by password at all (the agency may have sent no usable hash), and until when a claim is locked after five
 * wrong passwords (null when it is not).
 */
public record SuggestedAccount(LinkSuggestion suggestion, String agencyName, boolean claimable, Instant claimLockedUntil) {

    public SuggestedAccount {
        Objects.requireNonNull(suggestion, "suggestion");
        Objects.requireNonNull(agencyName, "agencyName");
    }

    public long legacyAccountId() {
        return suggestion.legacyAccountId();
    }
}
