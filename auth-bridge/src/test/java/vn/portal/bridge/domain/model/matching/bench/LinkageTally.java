package vn.portal.bridge.domain.model.matching.bench;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import vn.portal.bridge.domain.model.matching.Decision;
import vn.portal.bridge.domain.model.matching.Outcome;
import vn.portal.bridge.domain.model.matching.ReviewReason;
import vn.portal.bridge.domain.model.matching.UnlinkableReason;

/**
 * Counts decisions against the truth: automatic links right and wrong, reviews that contain the true person,
 * and how accounts of people absent from the register ended. Not thread-safe; use one per thread and
 * {@link #add(LinkageTally)} them.
 */
public final class LinkageTally {

    private final Map<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);
    private final Map<ReviewReason, Long> reviewReasons = new EnumMap<>(ReviewReason.class);
    private final Map<UnlinkableReason, Long> ownersUnlinkable = new EnumMap<>(UnlinkableReason.class);
    private long ownersNoMatch;
    private long accounts;
    private long inRegister;
    private long correctAutomatic;
    private long wrongAutomatic;
    private long reviewWithTruth;
    private long reviewWithoutTruth;
    private long absentLinked;

    public void record(Decision decision, String truePersonalId) {
        accounts++;
        outcomes.merge(decision.outcome(), 1L, Long::sum);
        if (truePersonalId != null) {
            inRegister++;
        }
        if (decision.outcome().isAutomaticLink()) {
            String linked = decision.linkedPersonalId().orElseThrow().value();
            if (linked.equals(truePersonalId)) {
                correctAutomatic++;
            } else {
                wrongAutomatic++;
                if (truePersonalId == null) {
                    absentLinked++;
                }
            }
        } else if (decision.outcome() == Outcome.NO_MATCH && truePersonalId != null) {
            ownersNoMatch++;
        } else if (decision.outcome() == Outcome.UNLINKABLE && truePersonalId != null) {
            ownersUnlinkable.merge(decision.unlinkableReason().orElseThrow(), 1L, Long::sum);
        } else if (decision.outcome() == Outcome.REVIEW) {
            reviewReasons.merge(decision.reviewReason().orElseThrow(), 1L, Long::sum);
            boolean found = truePersonalId != null && decision.reviewCandidates().stream()
                    .anyMatch(id -> id.value().equals(truePersonalId));
            if (found) {
                reviewWithTruth++;
            } else {
                reviewWithoutTruth++;
            }
        }
    }

    public void add(LinkageTally other) {
        other.outcomes.forEach((outcome, n) -> outcomes.merge(outcome, n, Long::sum));
        other.reviewReasons.forEach((reason, n) -> reviewReasons.merge(reason, n, Long::sum));
        other.ownersUnlinkable.forEach((reason, n) -> ownersUnlinkable.merge(reason, n, Long::sum));
        ownersNoMatch += other.ownersNoMatch;
        accounts += other.accounts;
        inRegister += other.inRegister;
        correctAutomatic += other.correctAutomatic;
        wrongAutomatic += other.wrongAutomatic;
        reviewWithTruth += other.reviewWithTruth;
        reviewWithoutTruth += other.reviewWithoutTruth;
        absentLinked += other.absentLinked;
    }

    public long accounts() {
        return accounts;
    }

    public long wrongAutomatic() {
        return wrongAutomatic;
    }

    public long correctAutomatic() {
        return correctAutomatic;
    }

    public long count(Outcome outcome) {
        return outcomes.getOrDefault(outcome, 0L);
    }

    /** Correct automatic links over all automatic links. */
    public double automaticPrecision() {
        long all = correctAutomatic + wrongAutomatic;
        return all == 0 ? 1.0 : (double) correctAutomatic / all;
    }

    /** Correct automatic links over accounts whose owner is in the register. */
    public double automaticRecall() {
        return inRegister == 0 ? 0.0 : (double) correctAutomatic / inRegister;
    }

    /** Automatic links plus reviews whose candidates include the owner, over accounts whose owner is in the register. */
    public double recallAfterReview() {
        return inRegister == 0 ? 0.0 : (double) (correctAutomatic + reviewWithTruth) / inRegister;
    }

    public String render() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "accounts %d (owner in register %d)%n", accounts, inRegister));
        for (Outcome outcome : Outcome.values()) {
            out.append(String.format(Locale.ROOT, "  %-13s %9d%n", outcome, count(outcome)));
        }
        out.append(String.format(Locale.ROOT, "automatic links: %d correct, %d wrong (%d to people absent from the register)%n",
                correctAutomatic, wrongAutomatic, absentLinked));
        out.append(String.format(Locale.ROOT, "automatic precision %.5f, automatic recall %.4f, recall after review %.4f "
                + "(reviews with the owner %d, without %d)%n", automaticPrecision(), automaticRecall(), recallAfterReview(),
                reviewWithTruth, reviewWithoutTruth));
        out.append("reviews by reason: ").append(reviewReasons).append('\n');
        out.append(String.format(Locale.ROOT, "accounts of register people not linked and not reviewed: no match %d, unlinkable %s%n",
                ownersNoMatch, ownersUnlinkable));
        return out.toString();
    }
}
