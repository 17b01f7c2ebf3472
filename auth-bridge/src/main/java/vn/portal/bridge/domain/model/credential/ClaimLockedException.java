package vn.portal.bridge.domain.model.credential;

import java.time.Instant;
import java.util.Objects;

/** Too many wrong passwords: the claim of this account by this citizen is refused until {@link #lockedUntil()}. */
public final class ClaimLockedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Instant lockedUntil;

    public ClaimLockedException(long legacyAccountId, Instant lockedUntil) {
        super("claim of legacy account " + legacyAccountId + " is locked until " + lockedUntil);
        this.lockedUntil = Objects.requireNonNull(lockedUntil, "lockedUntil");
    }

    public Instant lockedUntil() {
        return lockedUntil;
    }
}
