package vn.portal.bridge.domain.model.identity;

/**
 * The 9-digit number of an old identity card (chứng minh nhân dân, CMND). Its prefix names the issuing
 * provincial police, and numbers were reissued over time, so it is not unique: it identifies a citizen
 * only through the population register, never on its own. The 12-digit CMND issued from 2012 uses the
 * personal ID layout and is parsed as a {@link PersonalId} instead.
 */
public final class OldIdNumber {

    private static final int LENGTH = 9;

    private final String value;

    private OldIdNumber(String value) {
        this.value = value;
    }

    /**
     * Trims, drops inner spaces, dots and dashes, folds full-width digits, then requires exactly nine digits.
     *
     * @throws InvalidOldIdNumberException with the reason of the first failed check
     */
    public static OldIdNumber parse(String raw) {
        String digits = PersonalId.stripSeparators(raw);
        if (digits.isEmpty()) {
            throw new InvalidOldIdNumberException(InvalidOldIdNumberException.Reason.EMPTY, "old ID number is empty");
        }
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                throw new InvalidOldIdNumberException(InvalidOldIdNumberException.Reason.NOT_DIGITS,
                        "old ID number must contain only digits but has '" + PersonalId.describe(digits.codePointAt(i))
                                + "' at position " + (i + 1));
            }
        }
        if (digits.length() != LENGTH) {
            throw new InvalidOldIdNumberException(InvalidOldIdNumberException.Reason.WRONG_LENGTH,
                    "old ID number must have 9 digits but has " + digits.length()
                            + (digits.length() == 12 ? " (a 12-digit number is a personal ID)" : ""));
        }
        return new OldIdNumber(digits);
    }

    /** True when {@code raw} parses as an old ID number. */
    public static boolean looksLikeOldIdNumber(String raw) {
        try {
            parse(raw);
            return true;
        } catch (InvalidOldIdNumberException e) {
            return false;
        }
    }

    public String value() {
        return value;
    }

    /** First three digits, four asterisks, last two: "012****89". */
    public String masked() {
        return value.substring(0, 3) + "****" + value.substring(LENGTH - 2);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OldIdNumber number && number.value.equals(value);
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
}
