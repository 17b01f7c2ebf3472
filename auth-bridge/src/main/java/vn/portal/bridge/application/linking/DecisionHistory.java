package vn.portal.bridge.application.linking;

import java.util.Set;

/**
 * Which accounts a person has already decided against an automatic link: a link of theirs was REVOKED (a
 * dispute upheld, a reviewer's correction) or a review item was RESOLVED_REJECTED. The engine never links or
 * queues such an account again on its own; re-running must not silently undo a person's decision.
 */
public interface DecisionHistory {

    /** The ids in {@code fromIdInclusive..toIdInclusive} that have such a history; one query per call. */
    Set<Long> accountsDecidedByPeople(long fromIdInclusive, long toIdInclusive);
}
