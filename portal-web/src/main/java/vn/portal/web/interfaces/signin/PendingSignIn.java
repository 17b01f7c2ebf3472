package vn.portal.web.interfaces.signin;

import vn.portal.bridge.domain.model.identity.AssuranceLevel;

import java.io.Serializable;
import java.time.Instant;

/**
 * A sign-in that has left for the provider and not come back yet: where to go afterwards and, for a step-up, which
 * level the service demands. Kept in the HTTP session next to pac4j's state, nonce and PKCE verifier, and removed
 * at the callback whatever its outcome, so each of them is usable once.
 *
 * @param requiredLevel the level a step-up asks for, or {@code null} for an ordinary sign-in
 */
record PendingSignIn(String returnPath, AssuranceLevel requiredLevel, String serviceCode, Instant startedAt)
        implements Serializable {

    static final String SESSION_ATTRIBUTE = PendingSignIn.class.getName();

    boolean isStepUp() {
        return requiredLevel != null;
    }

    /**
     * Only local paths are accepted as a return target: an absolute or protocol-relative URL would turn the sign-in
     * into an open redirect.
     */
    static String safeReturnPath(String requested) {
        if (requested == null || requested.isEmpty() || requested.length() > 512
                || !requested.startsWith("/") || requested.startsWith("//") || requested.contains("\\")
                || requested.chars().anyMatch(c -> c < 0x20)) {
            return "/dashboard";
        }
        return requested;
    }
}
