package vn.portal.it.provider;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

import java.security.SecureRandom;
import java.util.List;
import java.util.UUID;

/**
 * The provider's signing keys. The RSA key can be rotated (a new kid replaces the old one in the
 * JWKS, as in the OpenID Foundation's rp-key-rotation-op-sign-key test); a second RSA key is never
 * published, for tokens signed with a key the relying party cannot know.
 */
final class ProviderKeys {

    private volatile RSAKey rsa;
    private final ECKey ec;
    private final RSAKey unpublished;
    private final RSAKey encryptionOnly;
    private final byte[] foreignHmacSecret;

    ProviderKeys() {
        this.rsa = newRsaKey("rsa");
        this.ec = newEcKey();
        this.unpublished = newRsaKey("never-published");
        try {
            this.encryptionOnly = new RSAKeyGenerator(2048).keyUse(KeyUse.ENCRYPTION).keyID("enc-" + UUID.randomUUID()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate an RSA test key", e);
        }
        this.foreignHmacSecret = new byte[32];
        new SecureRandom().nextBytes(foreignHmacSecret);
    }

    RSAKey rsa() { return rsa; }
    ECKey ec() { return ec; }
    RSAKey unpublished() { return unpublished; }
    byte[] foreignHmacSecret() { return foreignHmacSecret.clone(); }

    /** An RSA public key marked {@code use: enc}: a verifier must not use it for signatures (RFC 7517 §4.2). */
    java.util.Map<String, Object> encryptionOnlyRsa() {
        return encryptionOnly.toPublicJWK().toJSONObject();
    }

    /** Replaces the published RSA key; returns the new kid. */
    String rotateRsa() {
        rsa = newRsaKey("rsa");
        return rsa.getKeyID();
    }

    JWKSet publishedKeys() {
        return new JWKSet(List.of(rsa.toPublicJWK(), ec.toPublicJWK()));
    }

    /** Exactly one key and no kid: RPs must then select by key type alone (OpenID Connect Core 1.0 §10.1). */
    JWKSet singleKeyWithoutKid() {
        try {
            RSAKey withoutKid = new RSAKey.Builder(rsa.toRSAPublicKey()).keyUse(KeyUse.SIGNATURE).build();
            return new JWKSet(withoutKid);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot export the RSA public key", e);
        }
    }

    private static RSAKey newRsaKey(String prefix) {
        try {
            return new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE)
                    .keyID(prefix + "-" + UUID.randomUUID()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate an RSA test key", e);
        }
    }

    private static ECKey newEcKey() {
        try {
            return new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE)
                    .keyID("ec-" + UUID.randomUUID()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate an EC test key", e);
        }
    }
}
