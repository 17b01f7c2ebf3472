package vn.portal.bridge.domain.model.matching;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import vn.portal.bridge.domain.model.identity.PersonalId;

/**
 * The matcher's decision for one account: the outcome, the person linked (automatic outcomes only), the
 * candidates a reviewer should look at (REVIEW only), the reasons, and the evidence behind all of it.
 */
public final class Decision {

    private final Evidence evidence;
    private final List<PersonalId> reviewCandidates;

    Decision(Evidence evidence, List<PersonalId> reviewCandidates) {
        this.evidence = evidence;
        this.reviewCandidates = List.copyOf(reviewCandidates);
    }

    public String accountReference() {
        return evidence.accountReference();
    }

    public Outcome outcome() {
        return evidence.outcome();
    }

    /** Present exactly when {@link Outcome#isAutomaticLink()}. */
    public Optional<PersonalId> linkedPersonalId() {
        return evidence.linkedPersonalId();
    }

    /** The people a reviewer chooses between, best first; empty unless the outcome is REVIEW. */
    public List<PersonalId> reviewCandidates() {
        return reviewCandidates;
    }

    public Optional<ReviewReason> reviewReason() {
        return evidence.reviewReason();
    }

    public Optional<UnlinkableReason> unlinkableReason() {
        return evidence.unlinkableReason();
    }

    public OptionalDouble score() {
        return evidence.score();
    }

    public Evidence evidence() {
        return evidence;
    }

    @Override
    public String toString() {
        return "Decision[" + accountReference() + " " + outcome()
                + linkedPersonalId().map(id -> " " + id.masked()).orElse("") + "]";
    }
}
