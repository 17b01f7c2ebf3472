package vn.portal.bridge.domain.model.matching;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The fields a comparison can look at, each with the agreement levels that make sense for it. */
public enum ComparisonField {
    PERSONAL_ID("personal ID", EnumSet.of(Level.MISSING, Level.EXACT, Level.ONE_EDIT, Level.DISAGREE)),
    OLD_ID_NUMBER("old ID card number", EnumSet.of(Level.MISSING, Level.EXACT, Level.ONE_EDIT, Level.DISAGREE)),
    FAMILY_AND_MIDDLE_NAME("family and middle names", EnumSet.of(Level.MISSING, Level.EXACT, Level.FOLDED_EQUAL,
            Level.DIACRITICS_DIFFER, Level.ONE_EDIT, Level.JARO_WINKLER, Level.MIDDLE_NAME_MISSING, Level.FAMILY_ONLY,
            Level.DISAGREE)),
    GIVEN_NAME("given name", EnumSet.of(Level.MISSING, Level.EXACT, Level.FOLDED_EQUAL, Level.DIACRITICS_DIFFER,
            Level.ONE_EDIT, Level.JARO_WINKLER, Level.DISAGREE)),
    BIRTH_DATE("birth date", EnumSet.of(Level.MISSING, Level.EXACT, Level.DAY_MONTH_SWAPPED,
            Level.SAME_YEAR_AND_MONTH, Level.SAME_YEAR, Level.DISAGREE)),
    GENDER("gender", EnumSet.of(Level.MISSING, Level.EXACT, Level.DISAGREE)),
    PHONE("phone number", EnumSet.of(Level.MISSING, Level.EXACT, Level.ONE_EDIT, Level.DISAGREE));

    private final String description;
    private final Set<Level> supportedLevels;

    ComparisonField(String description, Set<Level> supportedLevels) {
        this.description = description;
        this.supportedLevels = supportedLevels;
    }

    /** The name used in the model file and in evidence JSON: "given_name". */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Plain English: "given name". */
    public String description() {
        return description;
    }

    public boolean supports(Level level) {
        return supportedLevels.contains(level);
    }

    /** @throws InvalidMatchingModelException for an unknown key */
    static ComparisonField byKey(String key) {
        for (ComparisonField field : values()) {
            if (field.key().equals(key)) {
                return field;
            }
        }
        throw new InvalidMatchingModelException("unknown comparison '" + key + "'; known: personal_id, old_id_number, "
                + "family_and_middle_name, given_name, birth_date, gender, phone");
    }
}
