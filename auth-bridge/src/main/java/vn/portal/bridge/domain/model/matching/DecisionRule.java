package vn.portal.bridge.domain.model.matching;

/** Which step of the matcher settled the decision, in the order the steps run. */
public enum DecisionRule {
    TEST_ACCOUNT_PATTERN("test-account pattern"),
    NO_BLOCKING_KEY("no blocking key"),
    PERSONAL_ID_IN_REGISTER("deterministic rule: personal ID in the register"),
    OLD_ID_THROUGH_REGISTER("deterministic rule: old ID card number through the register"),
    CONTRADICTING_ID_NUMBER_GUARD("guard: id number contradicts name and birth date"),
    COMPETING_IDENTITIES_GUARD("guard: competing identities"),
    AUTO_LINK_VETO("veto on an automatic scored link"),
    FOLDED_NAME_GUARD("guard: a name without diacritics that fits several spellings"),
    SCORE_THRESHOLDS("Fellegi-Sunter score against the thresholds"),
    NO_CANDIDATES("no candidates");

    private final String description;

    DecisionRule(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
