package vn.portal.bridge.domain.model.matching;

import java.util.List;
import java.util.Locale;

/**
 * How many candidate pairs the blocking rules produce for a set of accounts (see
 * {@link RegisterIndex#countCandidatePairs}). The full cross product is {@code accounts × registerSize};
 * the distinct pairs are what the matcher actually scores.
 *
 * @param accounts                  accounts examined
 * @param registerSize              people in the register index
 * @param rules                     per rule, in application order
 * @param accountsWithoutBlockingKey accounts no rule produces a key for (no usable fields)
 * @param accountsWithoutCandidates accounts with keys whose buckets were all empty
 */
public record BlockingReport(long accounts, long registerSize, List<RuleCount> rules,
                             long accountsWithoutBlockingKey, long accountsWithoutCandidates) {

    public BlockingReport {
        rules = List.copyOf(rules);
    }

    /**
     * @param pairs          pairs the rule produces on its own
     * @param newPairs       of those, pairs no earlier rule produced
     * @param skippedBuckets accounts whose bucket under this rule exceeded the maximum size and was skipped
     */
    public record RuleCount(BlockingRule rule, long pairs, long newPairs, long skippedBuckets) {
    }

    /** Distinct candidate pairs over all rules. */
    public long distinctPairs() {
        return rules.stream().mapToLong(RuleCount::newPairs).sum();
    }

    /** Distinct pairs as a share of the full cross product. */
    public double reductionRatio() {
        double all = (double) accounts * registerSize;
        return all == 0 ? 0.0 : distinctPairs() / all;
    }

    /** A small English table for the CLI and the benchmark. */
    public String render() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-22s %14s %14s %10s%n", "blocking rule", "pairs", "new pairs", "skipped"));
        for (RuleCount count : rules) {
            out.append(String.format(Locale.ROOT, "%-22s %14d %14d %10d%n", count.rule().key(), count.pairs(),
                    count.newPairs(), count.skippedBuckets()));
        }
        out.append(String.format(Locale.ROOT, "%-22s %14s %14d%n", "distinct pairs", "", distinctPairs()));
        out.append(String.format(Locale.ROOT, "accounts %d, register %d, without blocking key %d, without candidates %d, "
                + "pairs per account %.2f%n", accounts, registerSize, accountsWithoutBlockingKey, accountsWithoutCandidates,
                accounts == 0 ? 0.0 : (double) distinctPairs() / accounts));
        return out.toString();
    }
}
