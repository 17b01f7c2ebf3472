package vn.portal.web.security.oidc;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.crypto.RSAEncrypter;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.portal.web.security.oidc.RejectionCode.ID_TOKEN_ALG_NOT_ALLOWED;
import static vn.portal.web.security.oidc.RejectionCode.ID_TOKEN_SIGNATURE_INVALID;
import static vn.portal.web.security.oidc.RejectionCode.PROVIDER_UNAVAILABLE;
import static vn.portal.web.security.oidc.TokenFixture.ATTACKER_RSA;
import static vn.portal.web.security.oidc.TokenFixture.CLIENT_SECRET;
import static vn.portal.web.security.oidc.TokenFixture.EC;
import static vn.portal.web.security.oidc.TokenFixture.RSA;
import static vn.portal.web.security.oidc.TokenFixture.corruptSignature;
import static vn.portal.web.security.oidc.TokenFixture.es256;
import static vn.portal.web.security.oidc.TokenFixture.hmac;
import static vn.portal.web.security.oidc.TokenFixture.idTokenClaims;
import static vn.portal.web.security.oidc.TokenFixture.parse;
import static vn.portal.web.security.oidc.TokenFixture.published;
import static vn.portal.web.security.oidc.TokenFixture.rejectionOf;
import static vn.portal.web.security.oidc.TokenFixture.rs256;
import static vn.portal.web.security.oidc.TokenFixture.sign;
import static vn.portal.web.security.oidc.TokenFixture.signatures;
import static vn.portal.web.security.oidc.TokenFixture.signerFor;

/**
 * Signature and algorithm rules (OpenID Connect Core 1.0 §3.1.3.7 items 1, 6 to 8, §10.1, §16.19): what the portal
 * accepts, and for each refusal whether it is the algorithm or the signature that is wrong.
 */
class JwtSignatureVerifierTest {

    private static final JWTClaimsSet CLAIMS = idTokenClaims().build();

    private static SignedJWT verify(JwtSignatureVerifier verifier, String serialized) {
        return verifier.verify(parse(serialized), "ID token", ID_TOKEN_ALG_NOT_ALLOWED, ID_TOKEN_SIGNATURE_INVALID);
    }

    private static RejectionCode rejection(JwtSignatureVerifier verifier, String serialized) {
        return rejectionOf(() -> verify(verifier, serialized));
    }

    private static JWSSigner macSigner(byte[] key) {
        try {
            return new MACSigner(key);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String signed(JWSAlgorithm alg, String kid, com.nimbusds.jose.jwk.JWK key) {
        return sign(new JWSHeader.Builder(alg).keyID(kid).build(), signerFor(key), CLAIMS);
    }

    // ------------------------------------------------------------------ allow-listed asymmetric algorithms

    @Test
    void acceptsRs256SignedWithPublishedKey() throws Exception {
        SignedJWT verified = verify(signatures(RSA, EC), rs256(RSA, CLAIMS));

        assertThat(verified.getJWTClaimsSet().getSubject()).isEqualTo(TokenFixture.SUBJECT);
    }

    @Test
    void acceptsEs256SignedWithPublishedKey() {
        assertThat(verify(signatures(RSA, EC), es256(EC, CLAIMS)).getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
    }

    @Test
    void acceptsPs256SignedWithPublishedKey() {
        assertThat(verify(signatures(RSA), signed(JWSAlgorithm.PS256, RSA.getKeyID(), RSA)).getHeader().getAlgorithm())
                .isEqualTo(JWSAlgorithm.PS256);
    }

    @Test
    void rejectsRs256WithCorruptedSignature() {
        assertThat(rejection(signatures(RSA), corruptSignature(rs256(RSA, CLAIMS)))).isEqualTo(ID_TOKEN_SIGNATURE_INVALID);
    }

    @Test
    void rejectsEs256WithCorruptedSignature() {
        assertThat(rejection(signatures(EC), corruptSignature(es256(EC, CLAIMS)))).isEqualTo(ID_TOKEN_SIGNATURE_INVALID);
    }

    @Test
    void rejectsRs512EvenWithPublishedKey() {
        assertThat(rejection(signatures(RSA), signed(JWSAlgorithm.RS512, RSA.getKeyID(), RSA))).isEqualTo(ID_TOKEN_ALG_NOT_ALLOWED);
    }

    @Test
    void rejectsEs384EvenWithPublishedKey() throws JOSEException {
        ECKey p384 = new ECKeyGenerator(Curve.P_384).keyID("ec-p384").keyUse(KeyUse.SIGNATURE).generate();

        assertThat(rejection(signatures(p384), signed(JWSAlgorithm.ES384, p384.getKeyID(), p384))).isEqualTo(ID_TOKEN_ALG_NOT_ALLOWED);
    }

    // ------------------------------------------------------------------ unsigned and encrypted

    @Test
    void rejectsAlgNone() {
        assertThat(rejection(signatures(RSA), new PlainJWT(CLAIMS).serialize())).isEqualTo(ID_TOKEN_ALG_NOT_ALLOWED);
    }

    @Test
    void rejectsAlgNoneSpelledWithCapitals() {
        // "None" is not the registered "none", so a parser reads it as a JWS with an unknown algorithm.
        String header = Base64URL.encode("{\"alg\":\"None\"}".getBytes(StandardCharsets.UTF_8)).toString();
        String payload = Base64URL.encode(CLAIMS.toString().getBytes(StandardCharsets.UTF_8)).toString();

        assertThat(rejection(signatures(RSA), header + "." + payload + ".AAAA")).isEqualTo(ID_TOKEN_ALG_NOT_ALLOWED);
    }

    @Test
    void rejectsEncryptedToken() throws JOSEException {
        EncryptedJWT encrypted = new EncryptedJWT(new JWEHeader(JWEAlgorithm.RSA_OAEP_256, EncryptionMethod.A128GCM), CLAIMS);
        encrypted.encrypt(new RSAEncrypter(RSA.toRSAPublicKey()));

        JWT received = parse(encrypted.serialize());

        assertThat(received).isInstanceOf(EncryptedJWT.class);
        assertThat(rejectionOf(() -> signatures(RSA).verify(received, "ID token", ID_TOKEN_ALG_NOT_ALLOWED, ID_TOKEN_SIGNATURE_INVALID)))
                .isEqualTo(ID_TOKEN_ALG_NOT_ALLOWED);
    }

    // ------------------------------------------------------------------ key selection

    @Test
    void rejectsIdTokenSignedWithUnknownKey() {
        assertThat(rejection(signatures(RSA, EC), rs256(ATTACKER_RSA, CLAIMS))).isEqualTo(ID_TOKEN_SIGNATURE_INVALID);
    }

    @Test
    void rejectsKnownKidOnTokenSignedByAnotherKey() {
        assertThat(rejection(signatures(RSA), signed(JWSAlgorithm.RS256, RSA.getKeyID(), ATTACKER_RSA)))
                .isEqualTo(ID_TOKEN_SIGNATURE_INVALID);
    }

    @Test
    void acceptsTokenWithoutKidWhenProviderHasOneKey() {
        assertThat(verify(signatures(RSA), signed(JWSAlgorithm.RS256, null, RSA)).getHeader().getKeyID()).isNull();
    }

    @Test
    void rejectsTokenWithoutKidSignedByUnpublishedKey() {
        assertThat(rejection(signatures(RSA), signed(JWSAlgorithm.RS256, null, ATTACKER_RSA))).isEqualTo(ID_TOKEN_SIGNATURE_INVALID);
    }

    @Test
    void ignoresKeyPublishedForEncryption() {
        RSAKey encryptionOnly = new RSAKey.Builder(RSA).keyUse(KeyUse.ENCRYPTION).build();

        assertThat(rejection(signatures(encryptionOnly), rs256(RSA, CLAIMS))).isEqualTo(ID_TOKEN_SIGNATURE_INVALID);
    }

    @Test
    void acceptsSigningKeyNextToEncryptionKey() {
        RSAKey encryptionKey = new RSAKey.Builder(ATTACKER_RSA).keyID("rsa-enc").keyUse(KeyUse.ENCRYPTION).build();

        assertThat(verify(signatures(encryptionKey, RSA), signed(JWSAlgorithm.RS256, null, RSA))).isNotNull();
    }

    @Test
    void ignoresKeyOfWrongTypeForTheAlgorithm() {
        // ES256 header naming the RSA key's kid: an RSA key is never a candidate for an EC algorithm.
        assertThat(rejection(signatures(RSA), signed(JWSAlgorithm.ES256, RSA.getKeyID(), EC))).isEqualTo(ID_TOKEN_SIGNATURE_INVALID);
    }

    @Test
    void acceptsEs256WithoutKidNextToRsaKey() {
        assertThat(verify(signatures(RSA, EC), signed(JWSAlgorithm.ES256, null, EC))).isNotNull();
    }

    @Test
    void ignoresKeyRestrictedToAnotherAlgorithm() {
        RSAKey ps256Only = new RSAKey.Builder(RSA).algorithm(JWSAlgorithm.PS256).build();

        assertThat(rejection(signatures(ps256Only), rs256(RSA, CLAIMS))).isEqualTo(ID_TOKEN_SIGNATURE_INVALID);
    }

    @Test
    void acceptsKeyUsedWithTheAlgorithmItIsRestrictedTo() {
        RSAKey ps256Only = new RSAKey.Builder(RSA).algorithm(JWSAlgorithm.PS256).build();

        assertThat(verify(signatures(ps256Only), signed(JWSAlgorithm.PS256, RSA.getKeyID(), RSA))).isNotNull();
    }

    @Test
    void ignoresKeyEmbeddedInTheHeader() {
        // A JWS may carry its own "jwk"; trusting it would let anyone sign. Only the provider's JWKS counts.
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(ATTACKER_RSA.getKeyID())
                .jwk(ATTACKER_RSA.toPublicJWK()).build();

        assertThat(rejection(signatures(RSA), sign(header, signerFor(ATTACKER_RSA), CLAIMS))).isEqualTo(ID_TOKEN_SIGNATURE_INVALID);
    }

    @Test
    void reportsProviderUnavailableWhenKeysCannotBeFetched() {
        JWKSource<SecurityContext> unreachable = (selector, context) -> {
            throw new KeySourceException("connection refused: http://localhost:9/jwks");
        };

        assertThat(rejection(new JwtSignatureVerifier(unreachable, CLIENT_SECRET), rs256(RSA, CLAIMS))).isEqualTo(PROVIDER_UNAVAILABLE);
    }

    // ------------------------------------------------------------------ HMAC, only with the client secret

    @Test
    void acceptsHs256KeyedWithClientSecret() {
        assertThat(verify(signatures(RSA), hmac(CLIENT_SECRET.getBytes(StandardCharsets.UTF_8), CLAIMS)).getHeader().getAlgorithm())
                .isEqualTo(JWSAlgorithm.HS256);
    }

    @Test
    void rejectsHs256SignedWithThePublicRsaKey() throws JOSEException {
        // The algorithm-confusion attack: the attacker knows the public key and uses its bytes as an HMAC secret.
        String forged = hmac(RSA.toRSAPublicKey().getEncoded(), CLAIMS);

        assertThat(rejection(signatures(RSA), forged)).isEqualTo(ID_TOKEN_SIGNATURE_INVALID);
    }

    @Test
    void rejectsHs256SignedWithThePublicRsaKeyWhenClientHasNoSecret() throws JOSEException {
        String forged = hmac(RSA.toRSAPublicKey().getEncoded(), CLAIMS);

        assertThat(rejection(new JwtSignatureVerifier(published(RSA), null), forged)).isEqualTo(ID_TOKEN_ALG_NOT_ALLOWED);
    }

    @Test
    void rejectsHs256KeyedWithForeignSecret() {
        byte[] foreign = "một-bí-mật-khác-không-phải-của-cổng".getBytes(StandardCharsets.UTF_8);

        assertThat(rejection(signatures(RSA), hmac(foreign, CLAIMS))).isEqualTo(ID_TOKEN_SIGNATURE_INVALID);
    }

    @Test
    void rejectsHs256WhenClientSecretIsBlank() {
        assertThat(rejection(new JwtSignatureVerifier(published(RSA), "  "), hmac(CLIENT_SECRET.getBytes(StandardCharsets.UTF_8), CLAIMS)))
                .isEqualTo(ID_TOKEN_ALG_NOT_ALLOWED);
    }

    @Test
    void ignoresSymmetricKeyPublishedInTheJwks() {
        // A JWKS is public; an "oct" key in it is a secret known to everyone, never a substitute for the client secret.
        OctetSequenceKey published = new OctetSequenceKey.Builder(
                "khóa-đối-xứng-công-khai-trong-jwks-0123456789".getBytes(StandardCharsets.UTF_8)).keyID("oct-1").build();
        String token = sign(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("oct-1").build(), macSigner(published.toByteArray()), CLAIMS);

        assertThat(rejection(new JwtSignatureVerifier(new ImmutableJWKSet<>(new JWKSet(List.of(published, RSA.toPublicJWK()))),
                CLIENT_SECRET), token)).isEqualTo(ID_TOKEN_SIGNATURE_INVALID);
    }

    @Test
    void rejectsHs256WhenClientSecretIsShorterThan256Bits() throws Exception {
        // RFC 7518 §3.2: an HS256 key MUST be at least 256 bits; a shorter client secret cannot key a trustworthy MAC.
        String shortSecret = "ngắn-quá";
        String signingInput = new JWSHeader(JWSAlgorithm.HS256).toBase64URL() + "."
                + Base64URL.encode(CLAIMS.toString().getBytes(StandardCharsets.UTF_8));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(shortSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String token = signingInput + "." + Base64URL.encode(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));

        assertThat(rejection(new JwtSignatureVerifier(published(RSA), shortSecret), token)).isEqualTo(ID_TOKEN_ALG_NOT_ALLOWED);
    }

    @Test
    void rejectsEs256WithAllZeroSignature() {
        // CVE-2022-21449 ("psychic signatures"): r = s = 0 must never verify, whatever the JDK.
        String honest = es256(EC, CLAIMS);
        String zero = honest.substring(0, honest.lastIndexOf('.') + 1) + Base64URL.encode(new byte[64]);

        assertThat(rejection(signatures(EC), zero)).isEqualTo(ID_TOKEN_SIGNATURE_INVALID);
    }

    // ------------------------------------------------------------------ caller's codes

    @Test
    void reportsTheCodesTheCallerChose() {
        JwtSignatureVerifier verifier = signatures(RSA);

        assertThat(rejectionOf(() -> verifier.verify(parse(new PlainJWT(CLAIMS).serialize()), "logout token",
                RejectionCode.LOGOUT_TOKEN_INVALID, RejectionCode.LOGOUT_TOKEN_INVALID))).isEqualTo(RejectionCode.LOGOUT_TOKEN_INVALID);
        assertThat(rejectionOf(() -> verifier.verify(parse(rs256(ATTACKER_RSA, CLAIMS)), "logout token",
                RejectionCode.LOGOUT_TOKEN_INVALID, RejectionCode.LOGOUT_TOKEN_INVALID))).isEqualTo(RejectionCode.LOGOUT_TOKEN_INVALID);
    }
}
