package vn.portal.bridge.domain.model.matching;

/** Why an account can never be linked to a register person. None of these is an error. */
public enum UnlinkableReason {
    NO_USABLE_FIELDS("the account has no id number, no phone, and not both a name and a birth date to search by"),
    TEST_ACCOUNT("the account looks like a test or demonstration account"),
    FOREIGN_PASSPORT("the account holds a passport number and nobody in the register resembles it (likely a foreigner)"),
    NOT_IN_REGISTER("no register person shares a personal ID, old ID card, phone, or name and birth year with the account");

    private final String description;

    UnlinkableReason(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
