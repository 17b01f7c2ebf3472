package vn.portal.sandbox.oidc;

import java.security.SecureRandom;
import java.util.Base64;

/** Unguessable identifiers: codes, access tokens, transaction ids, CSRF tokens, session ids. */
final class RandomTokens {

    private final SecureRandom random = new SecureRandom();
    private final Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();

    /** 256 bits, base64url: RFC 6749 §10.10 asks for a guessing probability of at most 2^-128; this doubles that. */
    String next() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return encoder.encodeToString(bytes);
    }
}
