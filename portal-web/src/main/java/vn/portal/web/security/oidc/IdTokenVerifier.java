package vn.portal.web.security.oidc;

import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * ID token validation, OpenID Connect Core 1.0 §3.1.3.7, one rule per method so each can be held against the
 * specification. Every failure is a {@link SignInRejectedException} with its own {@link RejectionCode}; the caller
 * must not use any claim of a token this class refused (in particular it must not go on to the UserInfo endpoint).
 */
public final class IdTokenVerifier {

    /**
     * The portal redeems a code the moment the browser returns, so an ID token issued longer ago than this was not
     * minted for this sign-in (Core §3.1.3.7 item 10 leaves the bound to the client).
     */
    static final Duration MAX_AGE = Duration.ofMinutes(10);

    private final String expectedIssuer;
    private final String clientId;
    private final Set<String> trustedAudiences;
    private final JwtSignatureVerifier signatures;
    private final Duration maxClockSkew;
    private final Clock clock;

    /**
     * @param trustedAudiences audiences besides the client id that may appear in {@code aud} (normally none)
     */
    public IdTokenVerifier(String expectedIssuer, String clientId, Set<String> trustedAudiences,
                           JwtSignatureVerifier signatures, Duration maxClockSkew, Clock clock) {
        this.expectedIssuer = Objects.requireNonNull(expectedIssuer);
        this.clientId = Objects.requireNonNull(clientId);
        this.trustedAudiences = Set.copyOf(trustedAudiences);
        this.signatures = Objects.requireNonNull(signatures);
        this.maxClockSkew = Objects.requireNonNull(maxClockSkew);
        this.clock = Objects.requireNonNull(clock);
    }

    /**
     * @param expectedNonce the nonce sent in the authentication request of this browser session
     */
    public IDTokenClaimsSet verify(JWT idToken, Nonce expectedNonce) {
        // Items 1, 6, 7 and 8: signed, with an allowed algorithm, by a key of the provider (or the client secret).
        SignedJWT signed = signatures.verify(idToken, "ID token",
                RejectionCode.ID_TOKEN_ALG_NOT_ALLOWED, RejectionCode.ID_TOKEN_SIGNATURE_INVALID);
        JWTClaimsSet claims = claimsOf(signed);
        Instant now = clock.instant();
        checkIssuer(claims);
        checkSubject(claims);
        checkAudience(claims);
        checkExpiry(claims, now);
        checkIssuedAt(claims, now);
        checkNonce(claims, expectedNonce);
        try {
            return new IDTokenClaimsSet(claims);
        } catch (ParseException e) {
            throw new SignInRejectedException(RejectionCode.ID_TOKEN_MISSING_CLAIM, "ID token claims are not an ID token: " + e.getMessage(), e);
        }
    }

    static JWTClaimsSet claimsOf(SignedJWT signed) {
        try {
            return signed.getJWTClaimsSet();
        } catch (java.text.ParseException e) {
            throw new SignInRejectedException(RejectionCode.ID_TOKEN_MISSING_CLAIM, "token payload is not a JSON claims set", e);
        }
    }

    /** Item 2: the issuer identifier MUST exactly match the {@code iss} claim. */
    private void checkIssuer(JWTClaimsSet claims) {
        String iss = claims.getIssuer();
        if (iss == null) {
            throw new SignInRejectedException(RejectionCode.ID_TOKEN_MISSING_CLAIM, "ID token has no iss claim");
        }
        if (!expectedIssuer.equals(iss)) {
            throw new SignInRejectedException(RejectionCode.ID_TOKEN_ISSUER_MISMATCH,
                    "ID token iss '" + iss + "' is not the configured issuer '" + expectedIssuer + "'");
        }
    }

    /** §2: {@code sub} is REQUIRED; it keys the UserInfo check and the back-channel logout. */
    private static void checkSubject(JWTClaimsSet claims) {
        String sub = claims.getSubject();
        if (sub == null || sub.isBlank()) {
            throw new SignInRejectedException(RejectionCode.ID_TOKEN_MISSING_CLAIM, "ID token has no sub claim");
        }
    }

    /**
     * Items 3 to 5: {@code aud} MUST contain the client id and MUST NOT contain audiences the client does not trust;
     * with several audiences {@code azp} should be present, and when present it MUST be the client id.
     */
    private void checkAudience(JWTClaimsSet claims) {
        List<String> audience = claims.getAudience();
        if (audience == null || audience.isEmpty()) {
            throw new SignInRejectedException(RejectionCode.ID_TOKEN_AUDIENCE_INVALID, "ID token has no aud claim");
        }
        if (!audience.contains(clientId)) {
            throw new SignInRejectedException(RejectionCode.ID_TOKEN_AUDIENCE_INVALID,
                    "ID token aud " + audience + " does not contain this client '" + clientId + "'");
        }
        for (String aud : audience) {
            if (!aud.equals(clientId) && !trustedAudiences.contains(aud)) {
                throw new SignInRejectedException(RejectionCode.ID_TOKEN_AUDIENCE_INVALID,
                        "ID token aud contains an untrusted extra audience '" + aud + "'");
            }
        }
        Object azp = claims.getClaim("azp");
        if (audience.size() > 1 && azp == null) {
            throw new SignInRejectedException(RejectionCode.ID_TOKEN_AUDIENCE_INVALID,
                    "ID token has several audiences but no azp claim");
        }
        if (azp != null && !clientId.equals(azp)) {
            throw new SignInRejectedException(RejectionCode.ID_TOKEN_AUDIENCE_INVALID,
                    "ID token azp '" + azp + "' is not this client '" + clientId + "'");
        }
    }

    /** Item 9: the current time MUST be before {@code exp} (with the allowed clock skew). */
    private void checkExpiry(JWTClaimsSet claims, Instant now) {
        Date exp = claims.getExpirationTime();
        if (exp == null) {
            throw new SignInRejectedException(RejectionCode.ID_TOKEN_MISSING_CLAIM, "ID token has no exp claim");
        }
        if (!now.isBefore(exp.toInstant().plus(maxClockSkew))) {
            throw new SignInRejectedException(RejectionCode.ID_TOKEN_EXPIRED,
                    "ID token expired at " + exp.toInstant() + " (now " + now + ", allowed skew " + maxClockSkew.toSeconds() + " s)");
        }
    }

    /**
     * Item 10: {@code iat} is REQUIRED (§2); a token issued in the future (beyond the skew) or more than
     * {@link #MAX_AGE} ago is refused: a provider's clock may drift by a little, not by minutes.
     */
    private void checkIssuedAt(JWTClaimsSet claims, Instant now) {
        Date iat = claims.getIssueTime();
        if (iat == null) {
            throw new SignInRejectedException(RejectionCode.ID_TOKEN_MISSING_CLAIM, "ID token has no iat claim");
        }
        Instant issued = iat.toInstant();
        if (issued.isAfter(now.plus(maxClockSkew))) {
            throw new SignInRejectedException(RejectionCode.ID_TOKEN_IAT_INVALID,
                    "ID token iat " + issued + " is in the future (now " + now + ")");
        }
        if (issued.isBefore(now.minus(MAX_AGE).minus(maxClockSkew))) {
            throw new SignInRejectedException(RejectionCode.ID_TOKEN_IAT_INVALID,
                    "ID token iat " + issued + " is older than " + MAX_AGE.toMinutes() + " minutes (now " + now + ")");
        }
        Date exp = claims.getExpirationTime();
        if (exp != null && issued.isAfter(exp.toInstant())) {
            throw new SignInRejectedException(RejectionCode.ID_TOKEN_IAT_INVALID, "ID token iat is after its exp");
        }
    }

    /** Item 11: the {@code nonce} claim MUST be present and equal to the value sent in the authentication request. */
    private static void checkNonce(JWTClaimsSet claims, Nonce expectedNonce) {
        Object nonce = claims.getClaim("nonce");
        if (expectedNonce == null) {
            throw new SignInRejectedException(RejectionCode.NO_SIGN_IN_IN_PROGRESS, "no nonce is remembered for this browser session");
        }
        if (nonce == null) {
            throw new SignInRejectedException(RejectionCode.ID_TOKEN_NONCE_MISMATCH, "ID token has no nonce claim");
        }
        if (!expectedNonce.getValue().equals(nonce)) {
            throw new SignInRejectedException(RejectionCode.ID_TOKEN_NONCE_MISMATCH, "ID token nonce does not match the request");
        }
    }
}
