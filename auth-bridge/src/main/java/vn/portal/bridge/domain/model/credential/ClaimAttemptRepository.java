package vn.portal.bridge.domain.model.credential;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import vn.portal.bridge.domain.model.identity.PersonalId;

/**
 * Counts a citizen's attempts to prove the password of one legacy account, shared by every node of the
 * portal. Each method is its own transaction.
 */
public interface ClaimAttemptRepository {

    /**
     * Charges one attempt before the password is checked, atomically with the lock check, so parallel
     * requests cannot exceed the limit: when the lock has expired the count starts again; the attempt that
     * brings the count to {@code maxFailures} sets the lock (it is lifted by {@link #clear} if that very
     * attempt proves the password).
     *
     * @return the number of attempts charged since the last success or expired lock, this one included
     * @throws ClaimLockedException if the claim of this account by this citizen is locked at {@code now}
     */
    int charge(PersonalId citizen, long legacyAccountId, int maxFailures, Duration lockFor, Instant now);

    /** When the claim of this account by this citizen is locked at {@code now}, until when; empty when it is not. */
    Optional<Instant> lockedUntil(PersonalId citizen, long legacyAccountId, Instant now);

    /** Forgets the attempts after a successful proof. */
    void clear(PersonalId citizen, long legacyAccountId);
}
