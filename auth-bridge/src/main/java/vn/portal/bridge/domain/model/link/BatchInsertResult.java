package vn.portal.bridge.domain.model.link;

import java.util.List;

/**
 * What a bulk insert of links or review items did: how many were inserted, and the legacy account ids
 * skipped because the account already had a current link (or an open review item). Skipping is not an
 * error: another run, a citizen's claim or a reviewer got there first.
 */
public record BatchInsertResult(int inserted, List<Long> skippedAccountIds) {

    public BatchInsertResult {
        if (inserted < 0) {
            throw new IllegalArgumentException("inserted must not be negative: " + inserted);
        }
        skippedAccountIds = List.copyOf(skippedAccountIds);
    }
}
