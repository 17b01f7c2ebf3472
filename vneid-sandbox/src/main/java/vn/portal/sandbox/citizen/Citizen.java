package vn.portal.sandbox.citizen;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A demo VNeID account. A value that exists is consistent: the personal ID has a known province code, and its
 * century/gender digit and birth-year digits agree with the birth date and gender.
 *
 * @param personalId  12-digit personal ID (số định danh cá nhân)
 * @param fullName    full name in Unicode NFC with single spaces
 * @param birthDate   date of birth
 * @param gender      gender
 * @param phone       Vietnamese mobile number in national form, 10 digits starting with 0
 * @param accountLevel VNeID account level, 1 or 2
 */
public record Citizen(String personalId, String fullName, LocalDate birthDate, Gender gender, String phone,
                      int accountLevel) {

    public Citizen {
        if (personalId == null || !personalId.matches("\\d{12}")) {
            throw new InvalidCitizenException("personal_id", "must be exactly 12 digits, was '" + personalId + "'");
        }
        if (birthDate == null) {
            throw new InvalidCitizenException("birth_date", "is required");
        }
        if (gender == null) {
            throw new InvalidCitizenException("gender", "is required");
        }
        checkPersonalIdAgrees(personalId, birthDate, gender);
        fullName = normaliseName(fullName);
        if (phone == null || !phone.matches("0[35789]\\d{8}")) {
            throw new InvalidCitizenException("phone",
                    "must be a 10-digit Vietnamese mobile number starting with 03, 05, 07, 08 or 09, was '" + phone + "'");
        }
        if (accountLevel != 1 && accountLevel != 2) {
            throw new InvalidCitizenException("account_level", "must be 1 or 2, was " + accountLevel);
        }
    }

    /** The first four and last two digits visible, e.g. {@code 0010******45}. */
    public String maskedPersonalId() {
        return personalId.substring(0, 4) + "******" + personalId.substring(10);
    }

    /**
     * A stable public subject identifier (OpenID Connect Core 1.0 §8, public type). Deliberately not the personal
     * ID, so relying parties learn to read the personal ID from its own claim instead of from {@code sub}.
     */
    public String subject() {
        return UUID.nameUUIDFromBytes(("vneid-sandbox:" + personalId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The phone number in E.164 form, as OpenID Connect Core 1.0 §5.1 recommends for {@code phone_number}. */
    public String phoneE164() {
        return "+84" + phone.substring(1);
    }

    private static void checkPersonalIdAgrees(String pid, LocalDate birthDate, Gender gender) {
        String province = pid.substring(0, 3);
        if (!ProvinceCodes.isKnown(province)) {
            throw new InvalidCitizenException("personal_id",
                    "'" + pid + "' starts with " + province + ", which is not a province code of Circular 07/2016/TT-BCA");
        }
        int year = birthDate.getYear();
        if (year < 1900 || year > 2399) {
            throw new InvalidCitizenException("birth_date", "year " + year + " is outside what a personal ID can encode");
        }
        // Digit 4: 0/1 for men/women born in the 1900s, 2/3 in the 2000s, and so on; even means male.
        int expectedCenturyDigit = (year / 100 - 19) * 2 + (gender == Gender.FEMALE ? 1 : 0);
        int centuryDigit = pid.charAt(3) - '0';
        if (centuryDigit != expectedCenturyDigit) {
            throw new InvalidCitizenException("personal_id", "digit 4 of '" + pid + "' is " + centuryDigit
                    + " but a " + gender.claimValue() + " born in " + year + " needs " + expectedCenturyDigit);
        }
        String yearDigits = String.format("%02d", year % 100);
        if (!pid.substring(4, 6).equals(yearDigits)) {
            throw new InvalidCitizenException("personal_id", "digits 5-6 of '" + pid + "' are " + pid.substring(4, 6)
                    + " but the birth year " + year + " needs " + yearDigits);
        }
    }

    private static String normaliseName(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidCitizenException("full_name", "is required");
        }
        String nfc = Normalizer.normalize(name.strip().replaceAll("\\s+", " "), Normalizer.Form.NFC);
        if (nfc.length() > 100) {
            throw new InvalidCitizenException("full_name", "is longer than 100 characters");
        }
        if (!nfc.codePoints().allMatch(c -> Character.isLetter(c) || c == ' ' || c == '\'' || c == '-'
                || Character.getType(c) == Character.NON_SPACING_MARK)) {
            throw new InvalidCitizenException("full_name", "may hold only letters, spaces, apostrophes and hyphens, was '"
                    + nfc + "'");
        }
        return nfc;
    }
}
