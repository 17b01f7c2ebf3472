package vn.portal.bridge.domain.model.matching;

/** Why an account went to review instead of being linked automatically. */
public enum ReviewReason {
    BETWEEN_THRESHOLDS("the best match weight lies between the lower and the upper threshold"),
    COMPETING_IDENTITIES("two register people match the account about equally well"),
    CONTRADICTING_ID_NUMBER("the account's id number points to a different person than its name and birth date"),
    AUTO_LINK_VETOED("the match weight is high, but a disagreement the model never lets pass automatically was found"),
    FOLDED_NAME_AMBIGUOUS("the name agrees only without diacritics, register people spell that given name in more than one "
            + "way, and no id number tells such look-alikes apart");

    private final String description;

    ReviewReason(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
