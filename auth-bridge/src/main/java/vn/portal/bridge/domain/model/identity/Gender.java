package vn.portal.bridge.domain.model.identity;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Gender as recorded in the population register. Only the two values the register and the personal ID
 * encoding know (digit 4 of the personal ID: even = male, odd = female).
 */
public enum Gender {
    MALE("male", "Nam"),
    FEMALE("female", "Nữ");

    private final String claimValue;
    private final String vietnameseLabel;

    Gender(String claimValue, String vietnameseLabel) {
        this.claimValue = claimValue;
        this.vietnameseLabel = vietnameseLabel;
    }

    /** The value of the OpenID Connect standard {@code gender} claim (Core 1.0 §5.1): "male" or "female". */
    public String claimValue() {
        return claimValue;
    }

    /** "Nam" or "Nữ", as printed on Vietnamese documents. */
    public String vietnameseLabel() {
        return vietnameseLabel;
    }

    /**
     * Parses the spellings found in provider claims and agency files: {@code male}/{@code female},
     * Vietnamese {@code nam}/{@code nữ} (also {@code nu} without the diacritic, and decomposed NFD input),
     * and {@code M}/{@code F}; case and surrounding whitespace are ignored.
     *
     * @throws InvalidGenderException for anything else, including null and blank input
     */
    public static Gender parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidGenderException("gender is empty; expected male/female, nam/nữ or M/F");
        }
        String folded = Normalizer.normalize(raw.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        return switch (folded) {
            case "male", "m", "nam" -> MALE;
            case "female", "f", "nữ", "nu" -> FEMALE;
            default -> throw new InvalidGenderException(
                    "gender '" + raw.strip() + "' is not recognised; expected male/female, nam/nữ or M/F");
        };
    }
}
