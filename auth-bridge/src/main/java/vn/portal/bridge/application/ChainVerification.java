package vn.portal.bridge.application;

import java.util.Optional;

/**
 * Result of walking the audit chain. Either intact, or broken with the id of the first event that does
 * not check out and what was wrong with it.
 */
public final class ChainVerification {

    private final long eventsChecked;
    private final Long firstBrokenEventId;
    private final String problem;

    private ChainVerification(long eventsChecked, Long firstBrokenEventId, String problem) {
        this.eventsChecked = eventsChecked;
        this.firstBrokenEventId = firstBrokenEventId;
        this.problem = problem;
    }

    static ChainVerification intact(long eventsChecked) {
        return new ChainVerification(eventsChecked, null, null);
    }

    static ChainVerification broken(long eventsChecked, long firstBrokenEventId, String problem) {
        return new ChainVerification(eventsChecked, firstBrokenEventId, problem);
    }

    public boolean isIntact() {
        return firstBrokenEventId == null;
    }

    /** Events whose hashes were recomputed before the walk ended. */
    public long eventsChecked() {
        return eventsChecked;
    }

    public Optional<Long> firstBrokenEventId() {
        return Optional.ofNullable(firstBrokenEventId);
    }

    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    @Override
    public String toString() {
        return isIntact()
                ? "audit chain intact (" + eventsChecked + " events)"
                : "audit chain broken at event " + firstBrokenEventId + ": " + problem;
    }
}
