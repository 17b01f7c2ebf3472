package vn.portal.bridge.domain.model.session;

import java.time.Instant;
import java.util.Optional;

/**
 * Stored portal sessions. Bulk ends are single UPDATE statements so they act on sessions of every node.
 * Ending only touches sessions that are still active; the counts say how many were ended by this call.
 */
public interface PortalSessionRepository {

    void add(PortalSession session);

    Optional<PortalSession> findByKey(String sessionKey);

    /** Records activity on an active session; false if it is unknown or already ended. */
    boolean touch(String sessionKey, Instant seenAt);

    boolean end(String sessionKey, SessionEndReason reason, Instant endedAt);

    int endByProviderSid(String providerSid, SessionEndReason reason, Instant endedAt);

    int endByProviderSubject(String providerSubject, SessionEndReason reason, Instant endedAt);

    /** Ends active sessions whose last activity is before {@code idleBefore}. */
    int endIdleSince(Instant idleBefore, Instant endedAt);
}
