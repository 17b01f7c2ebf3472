package vn.portal.sandbox.citizen;

import java.util.Locale;

/** Gender as the VNeID-style {@code gender} claim spells it. */
public enum Gender {
    MALE("male"),
    FEMALE("female");

    private final String claimValue;

    Gender(String claimValue) {
        this.claimValue = claimValue;
    }

    /** The claim value, {@code male} or {@code female}. */
    public String claimValue() {
        return claimValue;
    }

    /**
     * Parses the claim spelling.
     *
     * @throws InvalidCitizenException when the value is neither {@code male} nor {@code female}
     */
    public static Gender fromClaimValue(String value) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        for (Gender g : values()) {
            if (g.claimValue.equals(v)) {
                return g;
            }
        }
        throw new InvalidCitizenException("gender", "must be 'male' or 'female', was '" + value + "'");
    }
}
