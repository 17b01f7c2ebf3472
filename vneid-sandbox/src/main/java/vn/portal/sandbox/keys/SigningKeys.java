package vn.portal.sandbox.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.text.ParseException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The provider's signing keys: one RSA 2048 key for RS256 and one EC P-256 key for ES256 are current; after a
 * rotation the previous pair stays published so tokens signed a moment ago still verify (OpenID Connect Core 1.0
 * §10.1.1: signing keys are rotated by publishing the new key in the JWK set before, and alongside, using it).
 *
 * <p>Thread-safe: readers see an immutable generation; rotation swaps it atomically.
 */
public final class SigningKeys {

    /** File name inside the data directory. */
    public static final String FILE_NAME = "signing-keys.jwks.json";

    private static final Logger LOG = Logger.getLogger(SigningKeys.class.getName());
    /** Current plus one previous key of each type stay published. */
    private static final int KEYS_KEPT_PER_TYPE = 2;

    private final Path file;
    private final Clock clock;
    private volatile Generation generation;

    private SigningKeys(Path file, Clock clock, Generation generation) {
        this.file = file;
        this.clock = clock;
        this.generation = generation;
    }

    /**
     * Loads the keys from {@code dataDir}, generating and storing a fresh pair on first run.
     *
     * @throws KeyStoreException when the stored file is unreadable or lacks a usable key
     */
    public static SigningKeys loadOrGenerate(Path dataDir, Clock clock) {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            Optional<String> stored = PrivateFiles.read(file);
            if (stored.isPresent()) {
                return new SigningKeys(file, clock, parse(file, stored.get()));
            }
            Generation fresh = new Generation(List.of(newRsaKey(clock)), List.of(newEcKey(clock)));
            PrivateFiles.write(file, fresh.privateJson());
            LOG.info(() -> "Generated signing keys " + fresh.kids() + " into " + file);
            return new SigningKeys(file, clock, fresh);
        } catch (IOException e) {
            throw new KeyStoreException(file + " cannot be read or written: " + e.getMessage(), e);
        }
    }

    /** The key that signs new tokens with {@code alg} (RS256 or ES256). */
    public SigningKey current(JWSAlgorithm alg) {
        Generation g = generation;
        if (JWSAlgorithm.RS256.equals(alg)) {
            return g.rsaSigner;
        }
        if (JWSAlgorithm.ES256.equals(alg)) {
            return g.ecSigner;
        }
        throw new IllegalArgumentException("No signing key for " + alg + "; only RS256 and ES256 are offered");
    }

    /** The public JWK set served at {@code /jwks}, already serialised. */
    public byte[] publicJwkSetJson() {
        return generation.publicJson;
    }

    /** The public JWK set as an object, for tests and metadata. */
    public JWKSet publicJwkSet() {
        return generation.jwkSet().toPublicJWKSet();
    }

    /** A verifier for a token this provider signed with the published key {@code kid}, if that key is still known. */
    public Optional<JWSVerifier> verifierFor(JWSHeader header) {
        if (header.getKeyID() == null) {
            return Optional.empty();
        }
        Generation g = generation;
        try {
            for (RSAKey k : g.rsa) {
                if (k.getKeyID().equals(header.getKeyID()) && JWSAlgorithm.RS256.equals(header.getAlgorithm())) {
                    return Optional.of(new RSASSAVerifier(k.toRSAPublicKey()));
                }
            }
            for (ECKey k : g.ec) {
                if (k.getKeyID().equals(header.getKeyID()) && JWSAlgorithm.ES256.equals(header.getAlgorithm())) {
                    return Optional.of(new ECDSAVerifier(k.toECPublicKey()));
                }
            }
        } catch (JOSEException e) {
            throw new KeyStoreException("stored key " + header.getKeyID() + " is unusable: " + e.getMessage(), e);
        }
        return Optional.empty();
    }

    /**
     * Adds a new RSA and EC key as current, keeps the previous ones published, drops anything older, and stores the
     * result.
     *
     * @return the key ids of the new current keys
     */
    public synchronized List<String> rotate() {
        Generation old = generation;
        List<RSAKey> rsa = new ArrayList<>();
        rsa.add(newRsaKey(clock));
        rsa.addAll(old.rsa.subList(0, Math.min(old.rsa.size(), KEYS_KEPT_PER_TYPE - 1)));
        List<ECKey> ec = new ArrayList<>();
        ec.add(newEcKey(clock));
        ec.addAll(old.ec.subList(0, Math.min(old.ec.size(), KEYS_KEPT_PER_TYPE - 1)));
        Generation next = new Generation(rsa, ec);
        try {
            PrivateFiles.write(file, next.privateJson());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store rotated keys in " + file, e);
        }
        generation = next;
        List<String> kids = List.of(rsa.get(0).getKeyID(), ec.get(0).getKeyID());
        LOG.info(() -> "Rotated signing keys; current " + kids + ", published " + next.kids());
        return kids;
    }

    private static Generation parse(Path file, String json) {
        JWKSet set;
        try {
            set = JWKSet.parse(json);
        } catch (ParseException e) {
            throw new KeyStoreException(file + " is not a JWK set: " + e.getMessage(), e);
        }
        List<RSAKey> rsa = new ArrayList<>();
        List<ECKey> ec = new ArrayList<>();
        for (JWK jwk : set.getKeys()) {
            if (!jwk.isPrivate() || jwk.getKeyID() == null) {
                throw new KeyStoreException(file + " holds a key without private part or kid: " + jwk.getKeyID(), null);
            }
            if (jwk instanceof RSAKey r) {
                rsa.add(r);
            } else if (jwk instanceof ECKey e && Curve.P_256.equals(e.getCurve())) {
                ec.add(e);
            } else {
                throw new KeyStoreException(file + " holds unsupported key " + jwk.getKeyID(), null);
            }
        }
        if (rsa.isEmpty() || ec.isEmpty()) {
            throw new KeyStoreException(file + " must hold at least one RSA and one EC P-256 key; delete it to"
                    + " have new keys generated", null);
        }
        return new Generation(rsa, ec);
    }

    private static RSAKey newRsaKey(Clock clock) {
        try {
            return new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .issueTime(Date.from(clock.instant())).keyIDFromThumbprint(true).generate();
        } catch (JOSEException e) {
            throw new KeyStoreException("RSA key generation failed: " + e.getMessage(), e);
        }
    }

    private static ECKey newEcKey(Clock clock) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES256)
                    .issueTime(Date.from(clock.instant())).keyIDFromThumbprint(true).generate();
        } catch (JOSEException e) {
            throw new KeyStoreException("EC key generation failed: " + e.getMessage(), e);
        }
    }

    /**
     * A key id with its private key. Signs with the JDK directly: RS256 is RSASSA-PKCS1-v1_5 with SHA-256 and
     * ES256 is ECDSA P-256 with SHA-256 in the R||S form (RFC 7518 §3.3 and §3.4), which the JDK's P1363 format
     * produces as is.
     */
    public record SigningKey(String keyId, JWSAlgorithm algorithm, PrivateKey privateKey) {

        /** The raw JWS signature over {@code signingInput}. */
        public byte[] sign(byte[] signingInput) {
            try {
                Signature signature = Signature.getInstance(JWSAlgorithm.RS256.equals(algorithm)
                        ? "SHA256withRSA" : "SHA256withECDSAinP1363Format");
                signature.initSign(privateKey);
                signature.update(signingInput);
                return signature.sign();
            } catch (GeneralSecurityException e) {
                throw new KeyStoreException("signing with key " + keyId + " failed: " + e.getMessage(), e);
            }
        }
    }

    /** One immutable set of keys, newest first within each type. */
    private static final class Generation {
        final List<RSAKey> rsa;
        final List<ECKey> ec;
        final SigningKey rsaSigner;
        final SigningKey ecSigner;
        final byte[] publicJson;

        Generation(List<RSAKey> rsa, List<ECKey> ec) {
            this.rsa = List.copyOf(rsa);
            this.ec = List.copyOf(ec);
            try {
                this.rsaSigner = new SigningKey(rsa.get(0).getKeyID(), JWSAlgorithm.RS256, rsa.get(0).toPrivateKey());
                this.ecSigner = new SigningKey(ec.get(0).getKeyID(), JWSAlgorithm.ES256, ec.get(0).toPrivateKey());
            } catch (JOSEException e) {
                throw new KeyStoreException("signing key unusable: " + e.getMessage(), e);
            }
            this.publicJson = jwkSet().toPublicJWKSet().toString().getBytes(StandardCharsets.UTF_8);
        }

        JWKSet jwkSet() {
            List<JWK> all = new ArrayList<>(rsa);
            all.addAll(ec);
            return new JWKSet(all);
        }

        String privateJson() {
            return jwkSet().toString(false);
        }

        List<String> kids() {
            return jwkSet().getKeys().stream().map(JWK::getKeyID).toList();
        }
    }
}
