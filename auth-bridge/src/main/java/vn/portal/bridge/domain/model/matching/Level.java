package vn.portal.bridge.domain.model.matching;

/**
 * The vocabulary of agreement levels a comparison can use. Which levels a comparison uses, in which order,
 * and their m/u probabilities are data ({@code matching-model.properties}); what each level means is fixed
 * here, in {@link Comparison}. A pair takes the first listed level whose test it passes, so order matters:
 * {@link #MISSING} comes first (no evidence, weight 0) and {@link #DISAGREE} last (catches the rest).
 */
public enum Level {
    MISSING("missing on one side"),
    EXACT("exactly equal"),
    FOLDED_EQUAL("equal once diacritics are folded, one side written without diacritics"),
    DIACRITICS_DIFFER("same letters with different diacritics"),
    ONE_EDIT("one typing slip apart"),
    JARO_WINKLER("similar (Jaro-Winkler at or above the model's threshold)"),
    MIDDLE_NAME_MISSING("same family name, middle name missing on one side"),
    FAMILY_ONLY("same family name, different middle names"),
    DAY_MONTH_SWAPPED("day and month swapped"),
    SAME_YEAR_AND_MONTH("same year and month, different day"),
    SAME_YEAR("same year only"),
    DISAGREE("different");

    private final String description;

    Level(String description) {
        this.description = description;
    }

    /** Plain English for explanations, e.g. "day and month swapped". */
    public String description() {
        return description;
    }
}
