package vn.portal.bridge.domain.model.link;

/** Life of a link: ACTIVE -> DISPUTED -> ACTIVE (dispute rejected) or REVOKED; ACTIVE -> REVOKED. REVOKED is final. */
public enum LinkState {
    ACTIVE,
    /** The citizen said the account is not theirs; it stays attached (and blocks other links) until reviewed. */
    DISPUTED,
    REVOKED;

    /** ACTIVE and DISPUTED links hold their account; at most one per account exists. */
    public boolean isCurrent() {
        return this != REVOKED;
    }
}
