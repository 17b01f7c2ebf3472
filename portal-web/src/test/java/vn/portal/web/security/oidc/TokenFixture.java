package vn.portal.web.security.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A provider in miniature for the verifier tests: real keys generated once per JVM, a fixed clock, and builders
 * for honest ID and logout tokens that each test then spoils in exactly one way.
 */
final class TokenFixture {

    static final String ISSUER = "http://localhost:9080";
    static final String CLIENT_ID = "vneid-portal";
    /** 32+ octets, the least Nimbus accepts as an HS256 key. */
    static final String CLIENT_SECRET = "bí-mật-của-cổng-dịch-vụ-công-0123456789";
    static final String TRUSTED_AUDIENCE = "portal-reporting";
    static final String NONCE = "n-0S6_WzA2Mj";
    static final String SUBJECT = "vneid-sub-7c1f3a";
    static final Instant NOW = Instant.parse("2026-11-28T08:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final Duration SKEW = Duration.ofSeconds(120);

    static final RSAKey RSA = rsa("rsa-2026-11");
    static final ECKey EC = ec("ec-2026-11");
    /** A key the provider never publishes: what an attacker or a stale token signs with. */
    static final RSAKey ATTACKER_RSA = rsa("rsa-attacker");

    private TokenFixture() {
    }

    static RSAKey rsa(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).keyUse(KeyUse.SIGNATURE).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static ECKey ec(String kid) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(kid).keyUse(KeyUse.SIGNATURE).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The provider's JWKS as the portal would fetch it: public halves only. */
    static JWKSource<SecurityContext> published(JWK... keys) {
        return new ImmutableJWKSet<>(new JWKSet(List.of(keys)).toPublicJWKSet());
    }

    static JwtSignatureVerifier signatures(JWK... publishedKeys) {
        return new JwtSignatureVerifier(published(publishedKeys), CLIENT_SECRET);
    }

    static JWTClaimsSet.Builder idTokenClaims() {
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(SUBJECT)
                .audience(CLIENT_ID)
                .issueTime(Date.from(NOW))
                .expirationTime(Date.from(NOW.plus(Duration.ofMinutes(5))))
                .claim("nonce", NONCE)
                .claim("sid", "op-session-42")
                .claim("acr", "urn:vneid:loa:2");
    }

    static JWTClaimsSet.Builder logoutTokenClaims() {
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(SUBJECT)
                .audience(CLIENT_ID)
                .issueTime(Date.from(NOW))
                .expirationTime(Date.from(NOW.plus(Duration.ofMinutes(2))))
                .jwtID("jti-5b0e9d")
                .claim("sid", "op-session-42")
                .claim("events", Map.of(LogoutTokenVerifier.BACKCHANNEL_LOGOUT_EVENT, Map.of()));
    }

    static String rs256(RSAKey key, JWTClaimsSet claims) {
        return sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), signerFor(key), claims);
    }

    static String es256(ECKey key, JWTClaimsSet claims) {
        return sign(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(), signerFor(key), claims);
    }

    static String logoutToken(JWTClaimsSet claims) {
        return sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(RSA.getKeyID()).type(new JOSEObjectType("logout+jwt")).build(),
                signerFor(RSA), claims);
    }

    static JWSSigner signerFor(JWK key) {
        try {
            if (key instanceof RSAKey rsaKey) {
                return new RSASSASigner(rsaKey);
            }
            return new ECDSASigner((ECKey) key);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hmac(byte[] key, JWTClaimsSet claims) {
        try {
            return sign(new JWSHeader.Builder(JWSAlgorithm.HS256).build(), new MACSigner(key), claims);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sign(JWSHeader header, JWSSigner signer, JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    /** Parsed back from its compact form, as the portal receives it from the token endpoint. */
    static JWT parse(String serialized) {
        try {
            return JWTParser.parse(serialized);
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Replaces one character in the middle of the signature, so the token is well-formed but forged. */
    static String corruptSignature(String serialized) {
        int signatureStart = serialized.lastIndexOf('.') + 1;
        int at = signatureStart + (serialized.length() - signatureStart) / 2;
        char replacement = serialized.charAt(at) == 'A' ? 'B' : 'A';
        return serialized.substring(0, at) + replacement + serialized.substring(at + 1);
    }

    /** The code of the {@link SignInRejectedException} the call must throw. */
    static RejectionCode rejectionOf(ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).as("expected a SignInRejectedException").isInstanceOf(SignInRejectedException.class);
        return ((SignInRejectedException) thrown).code();
    }
}
