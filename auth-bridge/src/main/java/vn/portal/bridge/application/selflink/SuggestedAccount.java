package vn.portal.bridge.application.selflink;

import java.util.Objects;

import vn.portal.bridge.application.linking.LinkSuggestion;

/**
 * An account the linking engine suggests to the citizen, with the agency's name and whether it can be
 * claimed by password at all (the agency may have sent no usable hash).
 */
public record SuggestedAccount(LinkSuggestion suggestion, String agencyName, boolean claimable) {

    public SuggestedAccount {
        Objects.requireNonNull(suggestion, "suggestion");
        Objects.requireNonNull(agencyName, "agencyName");
    }

    public long legacyAccountId() {
        return suggestion.legacyAccountId();
    }
}
