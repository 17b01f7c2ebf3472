package vn.portal.bridge.application.review;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import vn.portal.bridge.domain.model.identity.PersonalId;
import vn.portal.bridge.domain.model.legacy.LegacyAccount;
import vn.portal.bridge.domain.model.link.IdentityLink;
import vn.portal.bridge.domain.model.link.ReviewItem;

/**
 * One OPEN review item with what a reviewer needs beside it: the legacy account, the disputed link (for a
 * dispute) and the people the reviewer may link the account to.
 */
public record ReviewCase(ReviewItem item, LegacyAccount account, IdentityLink disputedLink, List<PersonalId> candidates) {

    public ReviewCase {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(account, "account");
        candidates = List.copyOf(candidates);
    }

    public Optional<IdentityLink> disputed() {
        return Optional.ofNullable(disputedLink);
    }
}
