package vn.portal.bridge.domain.model.link;

/** Why an account waits for a person's decision. */
public enum ReviewCause {
    /** The match score fell between the lower and upper thresholds. */
    SCORE_BETWEEN_THRESHOLDS,
    /** Two or more people of the register fit the account about equally well. */
    COMPETING_IDENTITIES,
    /** The account's id number belongs to a different person than its name and birth date (a typo'd number). */
    CONTRADICTING_ID_NUMBER,
    /** A citizen disputed an existing link. */
    DISPUTED_LINK,
    /** The score was above the upper threshold, but a guard of the matcher forbade linking without a person. */
    AUTO_LINK_VETOED,
    /**
     * The score was above the upper threshold, but the name agrees only once diacritics are folded ("Thuy"
     * fits both Thủy and Thúy) and no id number separates the person from a look-alike twin or namesake.
     */
    FOLDED_NAME_AMBIGUOUS
}
