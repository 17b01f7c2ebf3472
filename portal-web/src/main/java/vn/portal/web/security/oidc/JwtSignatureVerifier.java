package vn.portal.web.security.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.util.List;
import java.util.Set;

/**
 * Checks the JWS signature of a token from the provider against an allow-list of algorithms.
 *
 * <ul>
 *   <li>Asymmetric: RS256, ES256 and PS256 with a key from the provider's {@code jwks_uri} (OpenID Connect Core 1.0
 *       §10.1; the key is chosen by {@code kid}, {@code kty}, {@code alg} and {@code use=sig}, and a key the portal
 *       cannot use is never a candidate).</li>
 *   <li>HMAC (HS256/384/512) only with the UTF-8 octets of the client secret as key (Core §10.1 and §16.19); any
 *       other symmetric key is refused, which is what defeats the classic "HS256 signed with the public RSA key"
 *       confusion attack.</li>
 *   <li>{@code alg: none} and encrypted tokens are refused (Core §3.1.3.7 item 7: the portal registered a signed,
 *       unencrypted ID token response).</li>
 * </ul>
 * Used for ID tokens and back-channel logout tokens alike, so both follow exactly the same key rules.
 */
public final class JwtSignatureVerifier {

    static final Set<JWSAlgorithm> ASYMMETRIC_ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256, JWSAlgorithm.PS256);
    static final Set<JWSAlgorithm> HMAC_ALGORITHMS = Set.of(JWSAlgorithm.HS256, JWSAlgorithm.HS384, JWSAlgorithm.HS512);

    private final JWKSource<SecurityContext> providerKeys;
    private final byte[] clientSecret;
    private final DefaultJWSVerifierFactory verifierFactory = new DefaultJWSVerifierFactory();

    /**
     * @param providerKeys the provider's published keys (normally a cached, rate-limited remote JWK set)
     * @param clientSecret the client secret when the client has one, else {@code null}: then HMAC is never accepted
     */
    public JwtSignatureVerifier(JWKSource<SecurityContext> providerKeys, String clientSecret) {
        this.providerKeys = providerKeys;
        this.clientSecret = clientSecret == null || clientSecret.isBlank() ? null : clientSecret.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * @param what "ID token" or "logout token", for messages
     * @return the token as a verified signed JWT
     * @throws SignInRejectedException with {@code algorithmCode} for a forbidden algorithm, {@code signatureCode} for
     *         a signature that no acceptable key verifies, or {@link RejectionCode#PROVIDER_UNAVAILABLE} when the
     *         key set cannot be fetched
     */
    public SignedJWT verify(JWT token, String what, RejectionCode algorithmCode, RejectionCode signatureCode) {
        if (token instanceof PlainJWT) {
            throw new SignInRejectedException(algorithmCode, what + " is unsigned (alg none)");
        }
        if (token instanceof EncryptedJWT) {
            throw new SignInRejectedException(algorithmCode, what + " is encrypted; the portal accepts only signed tokens");
        }
        SignedJWT signed = (SignedJWT) token;
        JWSHeader header = signed.getHeader();
        JWSAlgorithm alg = header.getAlgorithm();
        if (HMAC_ALGORITHMS.contains(alg)) {
            verifyWithClientSecret(signed, what, algorithmCode, signatureCode);
            return signed;
        }
        if (!ASYMMETRIC_ALGORITHMS.contains(alg)) {
            throw new SignInRejectedException(algorithmCode, what + " algorithm " + alg + " is not in the allow-list " + ASYMMETRIC_ALGORITHMS);
        }
        List<? extends Key> candidates;
        try {
            candidates = new JWSVerificationKeySelector<>(alg, providerKeys).selectJWSKeys(header, null);
        } catch (KeySourceException e) {
            throw new SignInRejectedException(RejectionCode.PROVIDER_UNAVAILABLE,
                    "cannot fetch the provider's JWK set: " + e.getMessage(), e);
        }
        if (candidates.isEmpty()) {
            throw new SignInRejectedException(signatureCode, what + " names key " + describeKey(header)
                    + " which the provider's JWK set does not publish for " + alg);
        }
        for (Key key : candidates) {
            try {
                if (signed.verify(verifierFactory.createJWSVerifier(header, key))) {
                    return signed;
                }
            } catch (JOSEException e) {
                // A key of the right type that cannot verify this header is simply not the signer; try the next.
            }
        }
        throw new SignInRejectedException(signatureCode, what + " signature does not verify with " + describeKey(header));
    }

    private void verifyWithClientSecret(SignedJWT signed, String what, RejectionCode algorithmCode, RejectionCode signatureCode) {
        if (clientSecret == null) {
            throw new SignInRejectedException(algorithmCode,
                    what + " is HMAC-signed but this client has no secret; HMAC with any other key is refused");
        }
        try {
            if (!signed.verify(new MACVerifier(clientSecret))) {
                throw new SignInRejectedException(signatureCode, what + " HMAC does not verify with the client secret");
            }
        } catch (JOSEException e) {
            throw new SignInRejectedException(algorithmCode, what + " HMAC cannot be checked: " + e.getMessage(), e);
        }
    }

    private static String describeKey(JWSHeader header) {
        return header.getKeyID() == null ? "(no kid)" : "kid=" + header.getKeyID();
    }
}
