package vn.portal.bridge.application.selflink;

/** The password did not match the legacy account's hash; {@link #attemptsLeft()} more tries before the lock. */
public final class WrongLegacyPasswordException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int attemptsLeft;

    public WrongLegacyPasswordException(long legacyAccountId, int attemptsLeft) {
        super("wrong password for legacy account " + legacyAccountId + "; " + attemptsLeft + " attempt(s) left before the lock");
        this.attemptsLeft = attemptsLeft;
    }

    /** 0 means this failure locked the claim. */
    public int attemptsLeft() {
        return attemptsLeft;
    }
}
