package vn.portal.bridge.domain.model.identity;

import java.util.Locale;

/**
 * VNeID account level. Level 1: self-registered, checked against the population database. Level 2:
 * verified in person with biometrics. A public service declares the minimum level it accepts, and a
 * session whose level is lower must step up.
 */
public enum AssuranceLevel {
    LEVEL_1(1),
    LEVEL_2(2);

    private static final String ACR_PREFIX = "urn:vneid:loa:";

    private final int number;

    AssuranceLevel(int number) {
        this.number = number;
    }

    public int number() {
        return number;
    }

    /**
     * The Authentication Context Class Reference for this level (OpenID Connect Core 1.0 §2 "acr",
     * requested through {@code acr_values}, §3.1.2.1): {@code urn:vneid:loa:1} or {@code urn:vneid:loa:2}.
     */
    public String acr() {
        return ACR_PREFIX + number;
    }

    /** True when a session at this level may use something that requires {@code required}. */
    public boolean satisfies(AssuranceLevel required) {
        if (required == null) {
            throw new IllegalArgumentException("required assurance level must not be null");
        }
        return number >= required.number;
    }

    /** @throws InvalidAssuranceLevelException unless {@code number} is 1 or 2 */
    public static AssuranceLevel of(int number) {
        for (AssuranceLevel level : values()) {
            if (level.number == number) {
                return level;
            }
        }
        throw new InvalidAssuranceLevelException(
                "assurance level " + number + " does not exist; VNeID levels are 1 and 2");
    }

    /**
     * Accepted forms, case-insensitive, surrounding whitespace ignored:
     * <ul>
     *   <li>the bare number: {@code "1"}, {@code "2"} (VNeID's {@code accountLevel} claim, Keycloak's default acr);</li>
     *   <li>the enum name: {@code "LEVEL_1"}, {@code "LEVEL_2"};</li>
     *   <li>a URN whose last colon-separated segment is the number, e.g. {@code "urn:vneid:loa:2"}, so a
     *       provider with its own ACR namespace maps without code changes.</li>
     * </ul>
     *
     * @throws InvalidAssuranceLevelException for anything else, including null and blank input
     */
    public static AssuranceLevel parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidAssuranceLevelException("assurance level is empty; expected 1, 2, LEVEL_n or urn:...:n");
        }
        String text = raw.strip();
        String upper = text.toUpperCase(Locale.ROOT);
        String digits;
        if (upper.startsWith("LEVEL_")) {
            digits = upper.substring("LEVEL_".length());
        } else if (upper.startsWith("URN:") && upper.lastIndexOf(':') < upper.length() - 1) {
            digits = upper.substring(upper.lastIndexOf(':') + 1);
        } else {
            digits = upper;
        }
        if (digits.length() == 1 && digits.charAt(0) >= '0' && digits.charAt(0) <= '9') {
            int value = digits.charAt(0) - '0';
            for (AssuranceLevel level : values()) {
                if (level.number == value) {
                    return level;
                }
            }
        }
        throw new InvalidAssuranceLevelException(
                "assurance level '" + text + "' is not recognised; expected 1, 2, LEVEL_1, LEVEL_2 or a URN ending in :1 or :2");
    }
}
