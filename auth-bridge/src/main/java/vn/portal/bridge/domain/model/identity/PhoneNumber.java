package vn.portal.bridge.domain.model.identity;

import java.util.Map;

/**
 * A Vietnamese phone number kept in national form "0" + significant number: ten digits for mobiles,
 * eleven for landlines (area codes 02x since the 2017 renumbering).
 *
 * <p>Pre-2018 eleven-digit mobile numbers are rewritten to their ten-digit form as the Ministry of
 * Information and Communications' 2018 mobile renumbering did, so a legacy
 * account and a VNeID record of the same subscriber compare equal.
 */
public final class PhoneNumber {

    /** Old 01xx mobile prefix -> new 0xx prefix (Viettel, MobiFone, VinaPhone, Vietnamobile, Gmobile). */
    private static final Map<String, String> OLD_MOBILE_PREFIXES = Map.ofEntries(
            Map.entry("0162", "032"), Map.entry("0163", "033"), Map.entry("0164", "034"), Map.entry("0165", "035"),
            Map.entry("0166", "036"), Map.entry("0167", "037"), Map.entry("0168", "038"), Map.entry("0169", "039"),
            Map.entry("0120", "070"), Map.entry("0121", "079"), Map.entry("0122", "077"), Map.entry("0126", "076"),
            Map.entry("0128", "078"),
            Map.entry("0123", "083"), Map.entry("0124", "084"), Map.entry("0125", "085"), Map.entry("0127", "081"),
            Map.entry("0129", "082"),
            Map.entry("0186", "056"), Map.entry("0188", "058"),
            Map.entry("0199", "059"));

    private final String value;

    private PhoneNumber(String value) {
        this.value = value;
    }

    /**
     * Accepts "+84", "0084", "84" and "0" prefixes with any spaces, dots, dashes and parentheses, e.g.
     * "+84 912 345 678", "(+84) 912.345.678", "0912-345-678", "84912345678", "01662 345 678".
     *
     * @throws InvalidPhoneNumberException with the reason of the first failed check
     */
    public static PhoneNumber parse(String raw) {
        String compact = compact(raw);
        if (compact.isEmpty()) {
            throw new InvalidPhoneNumberException(InvalidPhoneNumberException.Reason.EMPTY, "phone number is empty");
        }
        boolean plus = compact.charAt(0) == '+';
        String digits = plus ? compact.substring(1) : compact;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                throw new InvalidPhoneNumberException(InvalidPhoneNumberException.Reason.NOT_DIGITS,
                        "phone number must contain only digits after an optional '+' but has '"
                                + PersonalId.describe(digits.codePointAt(i)) + "'");
            }
        }
        String significant = significantNumber(plus, digits);
        char first = significant.isEmpty() ? '?' : significant.charAt(0);
        switch (first) {
            case '3', '5', '7', '8', '9' -> {
                requireLength(significant, 9, "a mobile number");
                return new PhoneNumber("0" + significant);
            }
            case '2' -> {
                requireLength(significant, 10, "a landline number (area code 02x)");
                return new PhoneNumber("0" + significant);
            }
            case '1' -> {
                requireLength(significant, 10, "a pre-2018 mobile number (prefix 01xx)");
                String oldPrefix = "0" + significant.substring(0, 3);
                String newPrefix = OLD_MOBILE_PREFIXES.get(oldPrefix);
                if (newPrefix == null) {
                    throw new InvalidPhoneNumberException(InvalidPhoneNumberException.Reason.UNKNOWN_NETWORK_PREFIX,
                            "phone prefix " + oldPrefix + " was never assigned to a mobile network");
                }
                return new PhoneNumber(newPrefix + significant.substring(3));
            }
            default -> throw new InvalidPhoneNumberException(InvalidPhoneNumberException.Reason.UNKNOWN_NETWORK_PREFIX,
                    significant.isEmpty()
                            ? "phone number has no digits after its prefix"
                            : "phone prefix 0" + first + " is not a Vietnamese mobile or landline prefix");
        }
    }

    /** National form: "0912345678". */
    public String value() {
        return value;
    }

    /** ITU-T E.164 form: "+84912345678". */
    public String e164() {
        return "+84" + value.substring(1);
    }

    /** True for mobile numbers (03x, 05x, 07x, 08x, 09x), false for landlines (02x). */
    public boolean isMobile() {
        return value.charAt(1) != '2';
    }

    /** First three digits and last two, the rest as asterisks: "091*****78". */
    public String masked() {
        return value.substring(0, 3) + "*".repeat(value.length() - 5) + value.substring(value.length() - 2);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PhoneNumber phone && phone.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** Masked so the number does not leak into logs by accident. */
    @Override
    public String toString() {
        return masked();
    }

    private static String compact(String raw) {
        if (raw == null) {
            return "";
        }
        String stripped = PersonalId.stripSeparators(raw);
        StringBuilder kept = new StringBuilder(stripped.length());
        stripped.chars().filter(c -> c != '(' && c != ')').forEach(c -> kept.append((char) c));
        return kept.toString();
    }

    private static String significantNumber(boolean plus, String digits) {
        if (plus) {
            if (!digits.startsWith("84")) {
                throw new InvalidPhoneNumberException(InvalidPhoneNumberException.Reason.UNRECOGNISED_PREFIX,
                        "phone number has a country code other than +84");
            }
            return digits.substring(2);
        }
        if (digits.startsWith("0084")) {
            return digits.substring(4);
        }
        if (digits.startsWith("0")) {
            return digits.substring(1);
        }
        // "84" without a plus is only a country code when what follows has a national significant length.
        if (digits.startsWith("84") && (digits.length() == 11 || digits.length() == 12)) {
            return digits.substring(2);
        }
        throw new InvalidPhoneNumberException(InvalidPhoneNumberException.Reason.UNRECOGNISED_PREFIX,
                "phone number must start with +84, 84 or 0");
    }

    private static void requireLength(String significant, int expected, String kind) {
        if (significant.length() != expected) {
            throw new InvalidPhoneNumberException(InvalidPhoneNumberException.Reason.WRONG_LENGTH,
                    "phone number looks like " + kind + " and needs " + (expected + 1)
                            + " digits in national form but has " + (significant.length() + 1));
        }
    }
}
