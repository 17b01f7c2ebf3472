package vn.portal.it.provider;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The identity the provider vouches for, expressed in VNeID's claim vocabulary (the portal's
 * default {@code PORTAL_OIDC_CLAIM_*} names).
 */
public record Citizen(String subject, String personalId, String fullName, LocalDate birthDate, String gender,
                      int accountLevel) {

    /** Hà Nội (001), male born in 1985: consistent with the century/gender digit 0 and year digits 85. */
    public static final Citizen NGUYEN_VAN_AN = new Citizen(
            "vneid-7c1d0e5a-2f7b-4f0e-9a53-001085012345", "001085012345", "Nguyễn Văn An",
            LocalDate.of(1985, 3, 12), "male", 2);

    /** Hà Nội (001), female born in 1990 (century/gender digit 1): the demo data's administrator (staff_grant). */
    public static final Citizen LE_THI_HOA = new Citizen(
            "vneid-3e9b47d2-8c1a-4b6f-b0d5-001190000021", "001190000021", "Lê Thị Hoa",
            LocalDate.of(1990, 7, 21), "female", 2);

    public Citizen {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(personalId, "personalId");
        Objects.requireNonNull(fullName, "fullName");
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(gender, "gender");
        if (accountLevel != 1 && accountLevel != 2) {
            throw new IllegalArgumentException("VNeID account level is 1 or 2, not " + accountLevel);
        }
    }

    public Citizen withPersonalId(String otherPersonalId) {
        return new Citizen(subject, otherPersonalId, fullName, birthDate, gender, accountLevel);
    }

    public Citizen withBirthDate(LocalDate otherBirthDate) {
        return new Citizen(subject, personalId, fullName, otherBirthDate, gender, accountLevel);
    }

    public Citizen withAccountLevel(int otherLevel) {
        return new Citizen(subject, personalId, fullName, birthDate, gender, otherLevel);
    }

    /** The masked form the portal must show: first four digits, six stars, last two. */
    public String maskedPersonalId() {
        return personalId.substring(0, 4) + "******" + personalId.substring(personalId.length() - 2);
    }

    /** Claims as both the ID token and the UserInfo response carry them. */
    public Map<String, Object> claims() {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("citizenPid", personalId);
        claims.put("fullName", fullName);
        claims.put("birthDate", birthDate.toString());
        claims.put("gender", gender);
        claims.put("accountLevel", accountLevel);
        return claims;
    }

    public String acr() {
        return "urn:vneid:loa:" + accountLevel;
    }
}
