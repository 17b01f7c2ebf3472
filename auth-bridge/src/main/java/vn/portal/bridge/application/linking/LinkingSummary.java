package vn.portal.bridge.application.linking;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import vn.portal.bridge.domain.model.link.LinkMethod;
import vn.portal.bridge.domain.model.matching.ReviewReason;
import vn.portal.bridge.domain.model.matching.UnlinkableReason;

/**
 * What a run of the engine did (or, for a dry run, would have done).
 *
 * @param agencyCode     the agency of the run, null for every agency
 * @param accountsSeen   undecided accounts the run looked at (accounts with a link or review item in any state, or
 *                       an unlinkable verdict, are not read again)
 * @param autoLinked     ACTIVE links created, per method
 * @param sentToReview   review items opened, per reason
 * @param unlinkable     accounts marked unlinkable, per reason
 * @param noMatch        accounts whose candidates all scored below the lower threshold (nothing written)
 * @param errors         accounts that could not be decided (left undecided; see {@code errorSamples})
 * @param takenMeanwhile accounts another run, a citizen's claim or a reviewer linked or queued between this run's
 *                       read and its write; this run wrote nothing for them
 */
public record LinkingSummary(String agencyCode, boolean dryRun, long accountsSeen, Map<LinkMethod, Long> autoLinked,
        Map<ReviewReason, Long> sentToReview, Map<UnlinkableReason, Long> unlinkable, long noMatch, long errors,
        long takenMeanwhile, List<String> errorSamples, Duration elapsed) implements Serializable {

    public LinkingSummary {
        autoLinked = Map.copyOf(autoLinked);
        sentToReview = Map.copyOf(sentToReview);
        unlinkable = Map.copyOf(unlinkable);
        errorSamples = List.copyOf(errorSamples);
        Objects.requireNonNull(elapsed, "elapsed");
    }

    public Optional<String> agency() {
        return Optional.ofNullable(agencyCode);
    }

    public long autoLinked(LinkMethod method) {
        return autoLinked.getOrDefault(method, 0L);
    }

    public long autoLinkedTotal() {
        return autoLinked.values().stream().mapToLong(Long::longValue).sum();
    }

    public long sentToReviewTotal() {
        return sentToReview.values().stream().mapToLong(Long::longValue).sum();
    }

    public long unlinkable(UnlinkableReason reason) {
        return unlinkable.getOrDefault(reason, 0L);
    }

    public long unlinkableTotal() {
        return unlinkable.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Accounts decided per second of wall-clock time, register loading included when the run loaded it. */
    public double accountsPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds <= 0 ? 0 : accountsSeen / seconds;
    }

    /** A plain-text report for logs and the CLI (English; codes are the stored enum names). */
    public String report() {
        StringBuilder text = new StringBuilder();
        text.append(dryRun ? "Linking dry run (nothing written)" : "Linking run")
                .append(agencyCode == null ? ", every agency" : ", agency " + agencyCode).append('\n');
        line(text, "accounts seen", accountsSeen);
        line(text, "auto-linked", autoLinkedTotal());
        inOrder(text, LinkMethod.values(), autoLinked);
        line(text, "sent to review", sentToReviewTotal());
        inOrder(text, ReviewReason.values(), sentToReview);
        line(text, "unlinkable", unlinkableTotal());
        inOrder(text, UnlinkableReason.values(), unlinkable);
        line(text, "no match", noMatch);
        line(text, "errors", errors);
        if (takenMeanwhile > 0) {
            line(text, "taken meanwhile by another run", takenMeanwhile);
        }
        text.append(String.format(Locale.ROOT, "%-40s %.1f s%n", "elapsed", elapsed.toMillis() / 1000.0));
        text.append(String.format(Locale.ROOT, "%-40s %.0f%n", "accounts/s", accountsPerSecond()));
        for (String sample : errorSamples) {
            text.append("error: ").append(sample).append('\n');
        }
        return text.toString();
    }

    private static <E extends Enum<E>> void inOrder(StringBuilder text, E[] keys, Map<E, Long> counts) {
        for (E key : keys) {
            Long n = counts.get(key);
            if (n != null && n > 0) {
                line(text, "  " + key.name(), n);
            }
        }
    }

    private static void line(StringBuilder text, String label, long value) {
        text.append(String.format(Locale.ROOT, "%-40s %,d%n", label, value));
    }
}
