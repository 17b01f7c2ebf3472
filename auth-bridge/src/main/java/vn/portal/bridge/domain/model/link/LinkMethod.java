package vn.portal.bridge.domain.model.link;

/** How a link was decided. */
public enum LinkMethod {
    /** Valid personal ID in the account, found in the register (or signed in) with agreeing birth date. */
    AUTO_EXACT,
    /** Old 9-digit CMND resolved through the register, with agreeing name and birth date. */
    AUTO_REGISTER,
    /** Fellegi-Sunter score above the upper threshold, no competing identity. */
    AUTO_SCORED,
    /** The citizen proved the legacy password after signing in with VNeID. */
    CITIZEN_PROOF,
    /** A reviewer decided, from a review item. */
    REVIEWED;

    /** True for the methods the engine applies without a person deciding. */
    public boolean isAutomatic() {
        return this == AUTO_EXACT || this == AUTO_REGISTER || this == AUTO_SCORED;
    }
}
