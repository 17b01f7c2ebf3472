package vn.portal.sandbox.oidc;

import vn.portal.sandbox.citizen.Citizen;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sandbox's own sign-in session in one browser. {@code cookieValue} is the secret the browser presents;
 * {@code sid} is the public session id given to relying parties (OpenID Connect Back-Channel Logout 1.0 §2.1).
 * They differ so that a relying party, which learns the sid, cannot ride the session.
 */
final class SsoSession {

    final String cookieValue;
    final String sid;
    final Citizen citizen;
    final Instant expiresAt;
    private volatile Instant authTime;
    private volatile List<String> amr;
    /** Clients that received a code in this session and so must hear of its end. */
    final Set<String> clientIds = ConcurrentHashMap.newKeySet();
    /** Access tokens issued in this session; they die with it, as they would at a production OP. */
    final Set<String> accessTokens = ConcurrentHashMap.newKeySet();

    SsoSession(String cookieValue, String sid, Citizen citizen, Instant authTime, List<String> amr, Instant expiresAt) {
        this.cookieValue = cookieValue;
        this.sid = sid;
        this.citizen = citizen;
        this.authTime = authTime;
        this.amr = List.copyOf(amr);
        this.expiresAt = expiresAt;
    }

    Instant authTime() {
        return authTime;
    }

    List<String> amr() {
        return amr;
    }

    /** The same citizen authenticated again (prompt=login, max_age or step-up). */
    void reauthenticated(Instant when, List<String> methods) {
        this.authTime = when;
        this.amr = List.copyOf(methods);
    }
}
