package vn.portal.interop;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

/**
 * A citizen as the third-party provider describes it, in that provider's own vocabulary: the claim names are the
 * ones a Vietnamese-language identity service might well choose, and none of them is VNeID's default
 * ({@code citizenPid}, {@code fullName}, {@code birthDate}, {@code gender}, {@code accountLevel}).
 */
record ProviderCitizen(String subject, String personalId, String fullName, LocalDate birthDate, String gender, int level) {

    static final String CLAIM_PERSONAL_ID = "SoDinhDanh";
    static final String CLAIM_FULL_NAME = "HoVaTen";
    static final String CLAIM_BIRTH_DATE = "NgaySinh";
    static final String CLAIM_GENDER = "GioiTinh";
    static final String CLAIM_LEVEL = "MucDinhDanh";

    /**
     * Born in Hà Nội (province code 001) in 1985, male (century/gender digit 0): the digits agree with the birth
     * date and gender claims, so the portal has no reason to refuse the identity. Level 2, a verified account.
     * The subject is opaque, as a provider's {@code sub} should be.
     */
    static final ProviderCitizen NGUYEN_VAN_AN = new ProviderCitizen("5f0d8c2e-3b7a-4c1e-9a64-1d2e8f7b6a01",
            "001085012345", "Nguyễn Văn An", LocalDate.of(1985, 3, 12), "male", 2);

    ProviderCitizen {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(personalId, "personal ID");
        Objects.requireNonNull(birthDate, "birth date");
        Objects.requireNonNull(gender, "gender");
        fullName = Normalizer.normalize(Objects.requireNonNull(fullName, "full name"), Normalizer.Form.NFC);
    }

    /** The same person with an account of another level (1 self-registered, 2 verified in person). */
    ProviderCitizen atLevel(int otherLevel) {
        return new ProviderCitizen(subject, personalId, fullName, birthDate, gender, otherLevel);
    }

    /** The identity claims the provider adds to its ID token, access token and therefore UserInfo response. */
    Map<String, Object> claims() {
        // The level goes out as a JSON number, not a string: providers differ on this and the portal must not care.
        return Map.of(CLAIM_PERSONAL_ID, personalId,
                CLAIM_FULL_NAME, fullName,
                CLAIM_BIRTH_DATE, birthDate.toString(),
                CLAIM_GENDER, gender,
                CLAIM_LEVEL, level);
    }
}
