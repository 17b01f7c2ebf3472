package vn.portal.bridge.domain.model.matching;

/**
 * What the matcher decided for one account. The three AUTO_ values carry the names the link table uses
 * for its method column.
 */
public enum Outcome {
    /** A valid personal ID found in the register, with agreeing birth date and no contradicting name. */
    AUTO_EXACT("linked automatically: personal ID found in the register"),
    /** An old ID card number resolved through the register, with agreeing name key and birth date. */
    AUTO_REGISTER("linked automatically: old ID card number resolved through the register"),
    /** The Fellegi-Sunter score reached the upper threshold, with no guard or veto objecting. */
    AUTO_SCORED("linked automatically: match weight above the upper threshold"),
    /**
     * A person must decide: between the thresholds, competing identities, a contradicting id number, a vetoed
     * level, or a name that agrees only without diacritics and fits several spellings ({@link ReviewReason}).
     */
    REVIEW("sent to review"),
    /** Candidates were found but none reached the lower threshold. */
    NO_MATCH("no match"),
    /** The account cannot belong to anyone in the register, for the stated reason. */
    UNLINKABLE("unlinkable");

    private final String description;

    Outcome(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** True for the outcomes that create a link without a person looking at it. */
    public boolean isAutomaticLink() {
        return this == AUTO_EXACT || this == AUTO_REGISTER || this == AUTO_SCORED;
    }
}
