package vn.portal.sandbox.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import vn.portal.sandbox.citizen.Citizen;
import vn.portal.sandbox.keys.SigningKeys;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds and signs the JWTs the provider issues, and checks the ones it gets back as hints. */
final class TokenFactory {

    static final Duration ID_TOKEN_LIFETIME = Duration.ofMinutes(5);
    /** Back-Channel Logout 1.0 §2.4 recommends a short lifetime; two minutes covers clock skew. */
    static final Duration LOGOUT_TOKEN_LIFETIME = Duration.ofMinutes(2);
    static final String BACKCHANNEL_LOGOUT_EVENT = "http://schemas.openid.net/event/backchannel-logout";
    static final JOSEObjectType LOGOUT_JWT = new JOSEObjectType("logout+jwt");

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final String issuer;
    private final SigningKeys keys;
    private final JWSAlgorithm idTokenAlgorithm;
    private final RandomTokens random;

    TokenFactory(String issuer, SigningKeys keys, JWSAlgorithm idTokenAlgorithm, RandomTokens random) {
        this.issuer = issuer;
        this.keys = keys;
        this.idTokenAlgorithm = idTokenAlgorithm;
        this.random = random;
    }

    /** The VNeID-style identity claims shared by the ID token and the userinfo response. */
    static Map<String, Object> citizenClaims(Citizen c) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("citizenPid", c.personalId());
        claims.put("fullName", c.fullName());
        claims.put("name", c.fullName());
        claims.put("birthDate", c.birthDate().toString());
        claims.put("gender", c.gender().claimValue());
        claims.put("accountLevel", c.accountLevel());
        claims.put("phone_number", c.phoneE164());
        return claims;
    }

    /** The ID token for a redeemed code: OpenID Connect Core 1.0 §2 and §3.1.3.3 list what it must carry. */
    String idToken(CodeGrant grant, Instant now) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(grant.citizen.subject())
                .audience(List.of(grant.clientId))
                .expirationTime(Date.from(now.plus(ID_TOKEN_LIFETIME)))
                .issueTime(Date.from(now))
                .claim("auth_time", grant.authTime.getEpochSecond())
                .claim("acr", Acr.forLevel(grant.citizen.accountLevel()))
                .claim("amr", grant.amr)
                .claim("sid", grant.sid);
        if (grant.nonce != null) {
            // §3.1.3.7 item 11: the nonce of the authentication request, unmodified.
            claims.claim("nonce", grant.nonce.getValue());
        }
        citizenClaims(grant.citizen).forEach(claims::claim);
        return sign(idTokenAlgorithm, JOSEObjectType.JWT, claims.build());
    }

    /**
     * A logout token per OpenID Connect Back-Channel Logout 1.0 §2.4: iss, aud, iat, exp, jti, the
     * back-channel-logout event, sub and sid, never a nonce; explicitly typed {@code logout+jwt}.
     */
    String logoutToken(String clientId, Citizen citizen, String sid, Instant now) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(List.of(clientId))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(LOGOUT_TOKEN_LIFETIME)))
                .jwtID(random.next())
                .claim("events", Map.of(BACKCHANNEL_LOGOUT_EVENT, Map.of()))
                .subject(citizen.subject())
                .claim("sid", sid)
                .build();
        return sign(idTokenAlgorithm, LOGOUT_JWT, claims);
    }

    /**
     * Checks an {@code id_token_hint}. RP-Initiated Logout 1.0 §2: the OP must verify it issued the token; an
     * expired one is still accepted as a hint, since the point is to end a session whose tokens may have lapsed.
     *
     * @throws InvalidHintException when the token is not one of ours
     */
    JWTClaimsSet verifyHint(JWT hint) {
        if (!(hint instanceof SignedJWT signed)) {
            throw new InvalidHintException("id_token_hint is not a signed JWT");
        }
        Optional<JWSVerifier> verifier = keys.verifierFor(signed.getHeader());
        if (verifier.isEmpty()) {
            throw new InvalidHintException("id_token_hint is signed with an unknown key or algorithm");
        }
        try {
            if (!signed.verify(verifier.get())) {
                throw new InvalidHintException("id_token_hint signature does not verify");
            }
            JWTClaimsSet claims = signed.getJWTClaimsSet();
            if (!issuer.equals(claims.getIssuer())) {
                throw new InvalidHintException("id_token_hint was issued by " + claims.getIssuer() + ", not by this provider");
            }
            return claims;
        } catch (JOSEException | ParseException e) {
            throw new InvalidHintException("id_token_hint cannot be checked: " + e.getMessage());
        }
    }

    private String sign(JWSAlgorithm alg, JOSEObjectType type, JWTClaimsSet claims) {
        SigningKeys.SigningKey key = keys.current(alg);
        // aud is written as an array even with one value, the general form of OpenID Connect Core 1.0 §2; Nimbus
        // would collapse a single audience to a string.
        Map<String, Object> json = claims.toJSONObject();
        json.put("aud", claims.getAudience());
        JWSHeader header = new JWSHeader.Builder(alg).type(type).keyID(key.keyId()).build();
        // JWS Compact Serialization, RFC 7515 §7.1, encoded with the JDK's Base64: several times faster than the
        // constant-time codec Nimbus uses, and nothing in a header, payload or signature is secret.
        String signingInput = BASE64URL.encodeToString(header.toString().getBytes(StandardCharsets.UTF_8)) + "."
                + BASE64URL.encodeToString(JSONObjectUtils.toJSONString(json).getBytes(StandardCharsets.UTF_8));
        byte[] signature = key.sign(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + BASE64URL.encodeToString(signature);
    }

    /** An id_token_hint that this provider did not issue or that cannot be read. */
    static final class InvalidHintException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InvalidHintException(String message) {
            super(message);
        }
    }
}
