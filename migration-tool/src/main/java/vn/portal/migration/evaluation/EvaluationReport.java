package vn.portal.migration.evaluation;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import vn.portal.bridge.domain.model.matching.Decision;
import vn.portal.bridge.domain.model.matching.Outcome;
import vn.portal.bridge.domain.model.matching.ReviewReason;

/**
 * Decisions compared with the truth, counted per {@link Variation}. "After review" assumes reviewers decide
 * correctly when the true person is among the candidates shown to them (they link it) and otherwise reject
 * every candidate (no link): it measures what the queue makes possible, not how good reviewers are.
 */
public final class EvaluationReport {

    /** Where one account ended up. */
    public enum Result {
        AUTO_CORRECT("auto ok"),
        AUTO_WRONG("auto WRONG"),
        REVIEW_TRUE_AMONG("review, true among"),
        REVIEW_OTHER("review, no true"),
        NO_MATCH("no match"),
        UNLINKABLE("unlinkable");

        private final String label;

        Result(String label) {
            this.label = label;
        }
    }

    /** How many false automatic links the report keeps with their evidence, to show what went wrong. */
    static final int KEPT_FALSE_LINKS = 20;

    private final Map<Variation, long[]> counts = new EnumMap<>(Variation.class);
    /** Per variation, the accounts sent to review for each {@link ReviewReason}. */
    private final Map<Variation, long[]> reviewReasons = new EnumMap<>(Variation.class);
    private final List<String> falseLinks = new ArrayList<>();

    public void record(Variation variation, String truePersonalId, Decision decision) {
        Result result = classify(truePersonalId, decision);
        counts.computeIfAbsent(variation, v -> new long[Result.values().length])[result.ordinal()]++;
        decision.reviewReason().ifPresent(reason ->
                reviewReasons.computeIfAbsent(variation, v -> new long[ReviewReason.values().length])[reason.ordinal()]++);
        if (result == Result.AUTO_WRONG && falseLinks.size() < KEPT_FALSE_LINKS) {
            falseLinks.add(variation + " " + decision.accountReference() + " (true person "
                    + (truePersonalId == null ? "not in the register" : truePersonalId) + "): " + decision.evidence().toJson());
        }
    }

    /** The first false automatic links, each with its variation, account and evidence JSON. */
    public List<String> falseLinkExamples() {
        return List.copyOf(falseLinks);
    }

    static Result classify(String truePersonalId, Decision decision) {
        Outcome outcome = decision.outcome();
        if (outcome.isAutomaticLink()) {
            String linked = decision.linkedPersonalId().orElseThrow().value();
            return linked.equals(truePersonalId) ? Result.AUTO_CORRECT : Result.AUTO_WRONG;
        }
        return switch (outcome) {
            case REVIEW -> truePersonalId != null
                    && decision.reviewCandidates().stream().anyMatch(c -> c.value().equals(truePersonalId))
                    ? Result.REVIEW_TRUE_AMONG : Result.REVIEW_OTHER;
            case NO_MATCH -> Result.NO_MATCH;
            default -> Result.UNLINKABLE;
        };
    }

    public long count(Variation variation, Result result) {
        long[] row = counts.get(variation);
        return row == null ? 0 : row[result.ordinal()];
    }

    /** Accounts of {@code variation} sent to review for {@code reason}. */
    public long reviews(Variation variation, ReviewReason reason) {
        long[] row = reviewReasons.get(variation);
        return row == null ? 0 : row[reason.ordinal()];
    }

    /** Accounts sent to review for {@code reason}, over all variations. */
    public long reviews(ReviewReason reason) {
        long sum = 0;
        for (long[] row : reviewReasons.values()) {
            sum += row[reason.ordinal()];
        }
        return sum;
    }

    public long total(Result result) {
        long sum = 0;
        for (long[] row : counts.values()) {
            sum += row[result.ordinal()];
        }
        return sum;
    }

    public long accounts() {
        long sum = 0;
        for (long[] row : counts.values()) {
            for (long c : row) {
                sum += c;
            }
        }
        return sum;
    }

    /** Accounts whose owner is in the register: the ones a perfect linker links. */
    public long positives() {
        long sum = 0;
        for (Map.Entry<Variation, long[]> entry : counts.entrySet()) {
            if (entry.getKey().ownerInRegister()) {
                for (long c : entry.getValue()) {
                    sum += c;
                }
            }
        }
        return sum;
    }

    public long falseAutomaticLinks() {
        return total(Result.AUTO_WRONG);
    }

    public double autoPrecision() {
        long auto = total(Result.AUTO_CORRECT) + total(Result.AUTO_WRONG);
        return auto == 0 ? 1.0 : (double) total(Result.AUTO_CORRECT) / auto;
    }

    public double autoRecall() {
        return ratio(total(Result.AUTO_CORRECT), positives());
    }

    public double reviewShare() {
        return ratio(total(Result.REVIEW_TRUE_AMONG) + total(Result.REVIEW_OTHER), accounts());
    }

    public double precisionAfterReview() {
        long correct = total(Result.AUTO_CORRECT) + total(Result.REVIEW_TRUE_AMONG);
        long links = correct + total(Result.AUTO_WRONG);
        return links == 0 ? 1.0 : (double) correct / links;
    }

    public double recallAfterReview() {
        return ratio(total(Result.AUTO_CORRECT) + total(Result.REVIEW_TRUE_AMONG), positives());
    }

    private static double ratio(long part, long whole) {
        return whole == 0 ? 0.0 : (double) part / whole;
    }

    /** The summary and the confusion table by variation, as plain text. */
    public String render() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "accounts %d, owner in register %d, not in register %d%n",
                accounts(), positives(), accounts() - positives()));
        out.append(String.format(Locale.ROOT, "automatic links: %d correct, %d false; precision %.4f, recall %.4f%n",
                total(Result.AUTO_CORRECT), falseAutomaticLinks(), autoPrecision(), autoRecall()));
        out.append(String.format(Locale.ROOT, "sent to review: %d (%.2f%% of accounts), true person among the candidates in %d%n",
                total(Result.REVIEW_TRUE_AMONG) + total(Result.REVIEW_OTHER), 100 * reviewShare(),
                total(Result.REVIEW_TRUE_AMONG)));
        out.append(String.format(Locale.ROOT, "after review (reviewers link the true candidate when shown, reject otherwise): "
                + "precision %.4f, recall %.4f%n", precisionAfterReview(), recallAfterReview()));
        out.append(String.format(Locale.ROOT, "%-18s %8s", "variation", "accounts"));
        for (Result result : Result.values()) {
            out.append(String.format(Locale.ROOT, " %18s", result.label));
        }
        out.append(String.format(Locale.ROOT, " %12s%n", "auto recall"));
        for (Variation variation : Variation.values()) {
            long[] row = counts.get(variation);
            if (row == null) {
                continue;
            }
            long n = 0;
            for (long c : row) {
                n += c;
            }
            out.append(String.format(Locale.ROOT, "%-18s %8d", variation.name(), n));
            for (long c : row) {
                out.append(String.format(Locale.ROOT, " %18d", c));
            }
            out.append(variation.ownerInRegister()
                    ? String.format(Locale.ROOT, " %12.4f%n", ratio(row[Result.AUTO_CORRECT.ordinal()], n))
                    : String.format(Locale.ROOT, " %12s%n", "-"));
        }
        out.append(String.format(Locale.ROOT, "%-18s", "sent to review by"));
        for (ReviewReason reason : ReviewReason.values()) {
            out.append(String.format(Locale.ROOT, " %23s", reason.name()));
        }
        out.append(System.lineSeparator());
        for (Variation variation : Variation.values()) {
            long[] row = reviewReasons.get(variation);
            if (row == null) {
                continue;
            }
            out.append(String.format(Locale.ROOT, "%-18s", variation.name()));
            for (long c : row) {
                out.append(String.format(Locale.ROOT, " %23d", c));
            }
            out.append(System.lineSeparator());
        }
        out.append(String.format(Locale.ROOT, "%-18s", "all"));
        for (ReviewReason reason : ReviewReason.values()) {
            out.append(String.format(Locale.ROOT, " %23d", reviews(reason)));
        }
        out.append(System.lineSeparator());
        for (String falseLink : falseLinks) {
            out.append("false automatic link: ").append(falseLink).append(System.lineSeparator());
        }
        return out.toString();
    }
}
