package vn.portal.web.security.session;

import java.security.SecureRandom;
import java.util.Base64;

/** Per-session tokens that state-changing forms echo back: 256 bits from the platform's CSPRNG. */
public final class CsrfTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private CsrfTokens() {
    }

    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
