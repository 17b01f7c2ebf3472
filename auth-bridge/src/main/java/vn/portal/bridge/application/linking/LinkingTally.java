package vn.portal.bridge.application.linking;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import vn.portal.bridge.domain.model.link.LinkMethod;
import vn.portal.bridge.domain.model.matching.ReviewReason;
import vn.portal.bridge.domain.model.matching.UnlinkableReason;

/**
 * Counts of a run (or of one chunk, or one batch partition) while it runs. Not thread-safe: one writer
 * fills it; partial tallies are {@link #add added} together. Serializable so a batch partition can send its
 * chunk tallies to the job's analyzer.
 */
public final class LinkingTally implements Serializable {

    private static final long serialVersionUID = 1L;
    /** Enough error examples to diagnose a bad file, few enough to print. */
    static final int MAX_ERROR_SAMPLES = 20;

    long seen;
    final EnumMap<LinkMethod, Long> linked = new EnumMap<>(LinkMethod.class);
    final EnumMap<ReviewReason, Long> reviewed = new EnumMap<>(ReviewReason.class);
    final EnumMap<UnlinkableReason, Long> unlinkable = new EnumMap<>(UnlinkableReason.class);
    long noMatch;
    long errors;
    long takenMeanwhile;
    final ArrayList<String> errorSamples = new ArrayList<>();

    public LinkingTally() {
        // empty
    }

    void seen(long n) {
        seen += n;
    }

    void linked(LinkMethod method) {
        linked.merge(method, 1L, Long::sum);
    }

    void reviewed(ReviewReason reason) {
        reviewed.merge(reason, 1L, Long::sum);
    }

    void unlinkable(UnlinkableReason reason) {
        unlinkable.merge(reason, 1L, Long::sum);
    }

    void noMatch() {
        noMatch++;
    }

    void error(String sample) {
        errors++;
        if (errorSamples.size() < MAX_ERROR_SAMPLES) {
            errorSamples.add(sample);
        }
    }

    void takenMeanwhile(long n) {
        takenMeanwhile += n;
    }

    /** Adds {@code other}'s counts to these. */
    public LinkingTally add(LinkingTally other) {
        seen += other.seen;
        other.linked.forEach((k, v) -> linked.merge(k, v, Long::sum));
        other.reviewed.forEach((k, v) -> reviewed.merge(k, v, Long::sum));
        other.unlinkable.forEach((k, v) -> unlinkable.merge(k, v, Long::sum));
        noMatch += other.noMatch;
        errors += other.errors;
        takenMeanwhile += other.takenMeanwhile;
        for (String sample : other.errorSamples) {
            if (errorSamples.size() < MAX_ERROR_SAMPLES) {
                errorSamples.add(sample);
            }
        }
        return this;
    }

    public long seen() {
        return seen;
    }

    /** The immutable summary of these counts for a run that took {@code elapsed}. */
    public LinkingSummary toSummary(String agencyCode, boolean dryRun, Duration elapsed) {
        return new LinkingSummary(agencyCode, dryRun, seen, Map.copyOf(linked), Map.copyOf(reviewed), Map.copyOf(unlinkable),
                noMatch, errors, takenMeanwhile, List.copyOf(errorSamples), elapsed);
    }
}
