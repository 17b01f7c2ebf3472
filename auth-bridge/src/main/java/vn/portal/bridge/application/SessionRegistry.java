package vn.portal.bridge.application;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

import vn.portal.bridge.domain.model.identity.AssuranceLevel;
import vn.portal.bridge.domain.model.identity.PersonalId;
import vn.portal.bridge.domain.model.session.PortalSession;
import vn.portal.bridge.domain.model.session.PortalSessionRepository;
import vn.portal.bridge.domain.model.session.SessionEndReason;

/**
 * Portal sessions kept in the database so that any node can end any session. The portal stores the key
 * returned by {@link #start} in the HTTP session and asks {@link #isActive} on each protected request;
 * a back-channel logout (OpenID Back-Channel Logout 1.0 §2.7: end every session of the {@code sid}, or
 * of the {@code sub} when no {@code sid} is given) calls {@link #endByProviderSid} / {@link #endBySubject}.
 */
public class SessionRegistry {

    /** 256 bits: a session key is a bearer secret and must not be guessable. */
    private static final int KEY_BYTES = 32;

    private final PortalSessionRepository sessions;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public SessionRegistry(PortalSessionRepository sessions, Clock clock) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Records a new signed-in session under a fresh random key (43 URL-safe characters).
     *
     * @param providerSid the ID token's {@code sid}; null if the provider sent none
     */
    public PortalSession start(PersonalId personalId, AssuranceLevel level, String providerSubject, String providerSid) {
        byte[] bytes = new byte[KEY_BYTES];
        random.nextBytes(bytes);
        String key = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        PortalSession session = new PortalSession(key, personalId, level, providerSubject, providerSid, clock.instant());
        sessions.add(session);
        return session;
    }

    /** True when the session exists and has not been ended (by anyone, on any node). */
    public boolean isActive(String sessionKey) {
        return find(sessionKey).map(PortalSession::isActive).orElse(false);
    }

    public Optional<PortalSession> find(String sessionKey) {
        return sessions.findByKey(sessionKey);
    }

    /** Records activity now; false if the session is unknown or ended. */
    public boolean touch(String sessionKey) {
        return sessions.touch(sessionKey, clock.instant());
    }

    /** Ends one session; false if it was unknown or already ended. */
    public boolean end(String sessionKey, SessionEndReason reason) {
        return sessions.end(sessionKey, Objects.requireNonNull(reason, "reason"), clock.instant());
    }

    /** Ends every active session with this provider session id; returns how many. */
    public int endByProviderSid(String providerSid) {
        return sessions.endByProviderSid(providerSid, SessionEndReason.BACKCHANNEL_LOGOUT, clock.instant());
    }

    /** Ends every active session of this provider subject; returns how many. */
    public int endBySubject(String providerSubject) {
        return sessions.endByProviderSubject(providerSubject, SessionEndReason.BACKCHANNEL_LOGOUT, clock.instant());
    }

    /** Ends sessions with no activity for {@code idle}; for a periodic sweep. Returns how many. */
    public int endIdle(Duration idle) {
        var now = clock.instant();
        return sessions.endIdleSince(now.minus(idle), now);
    }
}
