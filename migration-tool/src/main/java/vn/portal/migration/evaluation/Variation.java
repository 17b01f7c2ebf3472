package vn.portal.migration.evaluation;

/**
 * How a generated legacy account differs from its owner's register entry, or why it has no owner there. One
 * kind per account so the confusion table shows which variation the matcher handles and which it does not.
 */
public enum Variation {
    /** Same name, birth date and personal ID as the register. */
    EXACT(true),
    /** The name without diacritics and without Đ, as systems without Vietnamese fonts stored it; no ID number. */
    NO_DIACRITICS(true),
    /** The name in decomposed Unicode (NFD), as macOS keyboards and some web forms send it; no ID number. */
    NFD(true),
    /** The account comes from a file written in TCVN3 (ABC); no ID number. */
    TCVN3(true),
    /** The account comes from a file written in VNI-Windows; no ID number. */
    VNI(true),
    /** The account comes from a file written in Windows-1258 (decomposed tones); no ID number. */
    CP1258(true),
    /** One letter of the given name mistyped, the personal ID still given. */
    NAME_TYPO_WITH_ID(true),
    /** One letter of the given name mistyped and no ID number. */
    NAME_TYPO(true),
    /** Day and month of the birth date swapped; no ID number. */
    DAY_MONTH_SWAP(true),
    /** The old 9-digit ID card number, to be resolved through the register. */
    OLD_ID_CARD(true),
    /** The pre-2018 11-digit phone number (0162 -> 032 ...), no ID number. */
    PHONE_RENUMBERED(true),
    /** The personal ID with one digit wrong or two digits swapped. */
    ID_TYPO(true),
    /** The owner has a twin in the register (same family, middle name, birth date, often the same phone). */
    TWIN(true),
    /** The owner has a namesake in the register (same full name, same birth year). */
    NAMESAKE(true),
    /** Hard negative: the owner is absent from the register but a twin of theirs is in it. */
    ABSENT_TWIN(false),
    /** Hard negative: the owner is absent from the register but a namesake (same name, birth year) is in it. */
    ABSENT_NAMESAKE(false),
    /** The owner is simply absent from the register (moved abroad, died, not yet in the extract). */
    ABSENT(false),
    /** A foreigner who signed up with a passport. */
    FOREIGNER(false),
    /** A test or demo account left behind by the agency's developers. */
    TEST_ACCOUNT(false);

    private final boolean ownerInRegister;

    Variation(boolean ownerInRegister) {
        this.ownerInRegister = ownerInRegister;
    }

    /** True when the account's owner is in the register, so the correct answer is a link. */
    public boolean ownerInRegister() {
        return ownerInRegister;
    }
}
