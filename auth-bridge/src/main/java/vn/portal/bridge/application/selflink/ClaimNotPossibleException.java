package vn.portal.bridge.application.selflink;

/** The account cannot be claimed by password at all; {@link #reason()} says why (a stable code for the page). */
public final class ClaimNotPossibleException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why a claim by password is impossible. */
    public enum Reason {
        /** The agency sent no password hash for the account. */
        NO_PASSWORD_HASH,
        /** The stored hash is not in a format of DESIGN.md §5. */
        UNUSABLE_PASSWORD_HASH,
        /** Somebody else's link or a reviewer got the account between the page and the claim. */
        ALREADY_LINKED
    }

    private final Reason reason;

    public ClaimNotPossibleException(long legacyAccountId, Reason reason, String detail) {
        super("legacy account " + legacyAccountId + " cannot be claimed: " + reason + (detail == null ? "" : " (" + detail + ")"));
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
