package vn.portal.bridge.domain.model.identity;

import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The 12-digit personal ID (số định danh cá nhân), the key of a citizen in the national population
 * database and the subject VNeID asserts. Layout, per Decree 137/2015/NĐ-CP art. 13 and Circular
 * 07/2016/TT-BCA art. 7: digits 1-3 province of birth registration, digit 4 century and gender
 * (0/1 = 1900s male/female, 2/3 = 2000s, 4/5 = 2100s, 6/7 = 2200s, 8/9 = 2300s), digits 5-6 the last
 * two digits of the birth year, digits 7-12 random. There is no check digit, so a typo that keeps the
 * structure valid cannot be detected here; consistency with the asserted birth date and gender is the
 * remaining defence ({@link #checkConsistentWith(LocalDate, Gender)}).
 *
 * <p>{@link #toString()} is masked so the full number does not leak into logs by accident; use
 * {@link #value()} where the full number is really needed.
 */
public final class PersonalId {

    private static final int LENGTH = 12;
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final String value;
    private final Province province;

    private PersonalId(String value, Province province) {
        this.value = value;
        this.province = province;
    }

    /**
     * Parses a personal ID as people type it: surrounding whitespace is trimmed, inner spaces, dots and
     * dashes are dropped ("001 085 012 345", "001.085.012.345"), and full-width digits are folded (NFKC).
     * Birth years are judged against today's date in Vietnam.
     *
     * @throws InvalidPersonalIdException with the {@link InvalidPersonalIdException.Reason} of the first failed check
     */
    public static PersonalId parse(String raw) {
        return parse(raw, Clock.system(VIETNAM));
    }

    /** As {@link #parse(String)}, judging the birth year against {@code clock}'s current year. */
    public static PersonalId parse(String raw, Clock clock) {
        String digits = stripSeparators(raw);
        if (digits.isEmpty()) {
            throw new InvalidPersonalIdException(InvalidPersonalIdException.Reason.EMPTY, "personal ID is empty");
        }
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                throw new InvalidPersonalIdException(InvalidPersonalIdException.Reason.NOT_DIGITS,
                        "personal ID must contain only digits but has '" + describe(digits.codePointAt(i))
                                + "' at position " + (i + 1));
            }
        }
        if (digits.length() != LENGTH) {
            throw new InvalidPersonalIdException(InvalidPersonalIdException.Reason.WRONG_LENGTH,
                    "personal ID must have 12 digits but has " + digits.length()
                            + (digits.length() == 9 ? " (a 9-digit number is an old CMND number, not a personal ID)" : ""));
        }
        String provinceCode = digits.substring(0, 3);
        Province province = Province.byCode(provinceCode).orElseThrow(() -> new InvalidPersonalIdException(
                InvalidPersonalIdException.Reason.UNKNOWN_PROVINCE,
                "personal ID starts with province code " + provinceCode
                        + ", which is not one of the 63 codes of Circular 07/2016/TT-BCA"));
        int birthYear = birthYearOf(digits);
        int currentYear = Year.now(clock).getValue();
        if (birthYear > currentYear) {
            throw new InvalidPersonalIdException(InvalidPersonalIdException.Reason.BIRTH_YEAR_IN_FUTURE,
                    "personal ID digits 4-6 encode birth year " + birthYear + ", after the current year " + currentYear);
        }
        return new PersonalId(digits, province);
    }

    /**
     * True when {@code raw} parses as a personal ID; lets importers tell a personal ID from an old CMND
     * number or garbage in a mixed "id_number" column without catching exceptions.
     */
    public static boolean looksLikePersonalId(String raw) {
        try {
            parse(raw);
            return true;
        } catch (InvalidPersonalIdException e) {
            return false;
        }
    }

    /** The twelve digits. */
    public String value() {
        return value;
    }

    /** Province of birth registration (digits 1-3). */
    public Province province() {
        return province;
    }

    /** From digit 4: even = male, odd = female. */
    public Gender gender() {
        return (value.charAt(3) - '0') % 2 == 0 ? Gender.MALE : Gender.FEMALE;
    }

    /** First year of the birth century from digit 4: 0/1 -> 1900, 2/3 -> 2000, ... 8/9 -> 2300. */
    public int century() {
        return centuryOf(value);
    }

    /** {@link #century()} plus digits 5-6. */
    public int birthYear() {
        return birthYearOf(value);
    }

    /** First four digits, six asterisks, last two: "0010******45". Safe to show and to log. */
    public String masked() {
        return value.substring(0, 4) + "******" + value.substring(LENGTH - 2);
    }

    /**
     * Refuses asserted facts that contradict the number: the year of {@code birthDate} must equal
     * {@link #birthYear()} and {@code gender} must equal {@link #gender()}. A null argument is not checked.
     *
     * @throws IdentityInconsistencyException naming every field that disagrees
     */
    public void checkConsistentWith(LocalDate birthDate, Gender gender) {
        Set<IdentityInconsistencyException.Field> fields = EnumSet.noneOf(IdentityInconsistencyException.Field.class);
        List<String> problems = new ArrayList<>(2);
        if (birthDate != null && birthDate.getYear() != birthYear()) {
            fields.add(IdentityInconsistencyException.Field.BIRTH_YEAR);
            problems.add("birth year " + birthDate.getYear()
                    + " does not match personal ID century/year digits " + birthYear());
        }
        if (gender != null && gender != gender()) {
            fields.add(IdentityInconsistencyException.Field.GENDER);
            problems.add("gender " + gender.claimValue() + " does not match personal ID digit 4 ("
                    + gender().claimValue() + ")");
        }
        if (!fields.isEmpty()) {
            throw new IdentityInconsistencyException(fields,
                    "identity claims contradict personal ID " + masked() + ": " + String.join("; ", problems));
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PersonalId id && id.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** Masked on purpose; see the class comment. */
    @Override
    public String toString() {
        return masked();
    }

    private static int centuryOf(String digits) {
        return 1900 + ((digits.charAt(3) - '0') / 2) * 100;
    }

    private static int birthYearOf(String digits) {
        return centuryOf(digits) + Integer.parseInt(digits.substring(4, 6));
    }

    static String stripSeparators(String raw) {
        if (raw == null) {
            return "";
        }
        String folded = Normalizer.normalize(raw, Normalizer.Form.NFKC);
        StringBuilder kept = new StringBuilder(folded.length());
        folded.codePoints()
                .filter(cp -> !(Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == '.' || cp == '-'))
                .forEach(kept::appendCodePoint);
        return kept.toString();
    }

    static String describe(int codePoint) {
        return Character.isISOControl(codePoint) || Character.isSpaceChar(codePoint)
                ? String.format("U+%04X", codePoint)
                : new String(Character.toChars(codePoint));
    }
}
