package vn.portal.bridge.domain.model.matching;

import java.util.Locale;

/**
 * The blocking rules: an account is compared only with the register people who share one of these keys
 * with it, which is what lets a million accounts meet a million people without a trillion comparisons.
 * A true match that shares none of the keys is never seen, so the rules are chosen to overlap: an account
 * with a mistyped personal ID is still found by its name and birth year, or by its phone.
 * {@link RegisterIndex#countCandidatePairs} measures how many pairs each rule produces.
 */
public enum BlockingRule {
    PERSONAL_ID("the same personal ID"),
    OLD_ID_NUMBER("the same old ID card number"),
    PHONE("the same phone number"),
    NAME_KEY_BIRTH_YEAR("the same folded full name and birth year");

    private final String description;

    BlockingRule(String description) {
        this.description = description;
    }

    /** The name used in the model file and in evidence: "name_key_birth_year". */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String description() {
        return description;
    }

    /** The account's key under this rule, or null when the account lacks the fields the rule needs. */
    String accountKey(AccountRecord account) {
        return switch (this) {
            case PERSONAL_ID -> account.personalId == null ? null : account.personalId.value();
            case OLD_ID_NUMBER -> account.oldIdNumber == null ? null : account.oldIdNumber.value();
            case PHONE -> account.phone == null ? null : account.phone.value();
            case NAME_KEY_BIRTH_YEAR -> account.name == null || account.birthDate == null ? null
                    : nameYearKey(account.name.key(), account.birthDate.getYear());
        };
    }

    static String nameYearKey(String nameKey, int year) {
        return nameKey + '|' + year;
    }

    /** @throws InvalidMatchingModelException for an unknown key */
    static BlockingRule byKey(String key) {
        for (BlockingRule rule : values()) {
            if (rule.key().equals(key)) {
                return rule;
            }
        }
        throw new InvalidMatchingModelException("unknown blocking rule '" + key
                + "'; known: personal_id, old_id_number, phone, name_key_birth_year");
    }
}
