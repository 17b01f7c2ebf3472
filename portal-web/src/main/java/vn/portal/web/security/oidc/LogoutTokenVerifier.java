package vn.portal.web.security.oidc;

import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Logout token validation, OpenID Connect Back-Channel Logout 1.0 §2.6. A valid token names the provider session
 * ({@code sid}) and/or the subject ({@code sub}) whose portal sessions must end.
 */
public final class LogoutTokenVerifier {

    /** §2.4: the member of {@code events} that makes a JWT a back-channel logout token. */
    public static final String BACKCHANNEL_LOGOUT_EVENT = "http://schemas.openid.net/event/backchannel-logout";

    /** Tokens older than this are refused even if their {@code exp} is further away. */
    private static final Duration MAX_AGE = Duration.ofMinutes(10);

    private final String expectedIssuer;
    private final String clientId;
    private final Set<String> trustedAudiences;
    private final JwtSignatureVerifier signatures;
    private final Duration maxClockSkew;
    private final Clock clock;

    public LogoutTokenVerifier(String expectedIssuer, String clientId, Set<String> trustedAudiences,
                               JwtSignatureVerifier signatures, Duration maxClockSkew, Clock clock) {
        this.expectedIssuer = Objects.requireNonNull(expectedIssuer);
        this.clientId = Objects.requireNonNull(clientId);
        this.trustedAudiences = Set.copyOf(trustedAudiences);
        this.signatures = Objects.requireNonNull(signatures);
        this.maxClockSkew = Objects.requireNonNull(maxClockSkew);
        this.clock = Objects.requireNonNull(clock);
    }

    /** What a valid logout token asks for. At least one of the two is present. */
    public record LogoutRequest(String subject, String sessionId, String tokenId) {
    }

    public LogoutRequest verify(String serialized) {
        if (serialized == null || serialized.isBlank()) {
            throw invalid("no logout_token parameter");
        }
        JWT token;
        try {
            token = JWTParser.parse(serialized);
        } catch (java.text.ParseException e) {
            throw invalid("logout_token is not a JWT");
        }
        // Steps 1 and 2: signed (never alg none), same key rules as the ID token.
        SignedJWT signed = signatures.verify(token, "logout token",
                RejectionCode.LOGOUT_TOKEN_INVALID, RejectionCode.LOGOUT_TOKEN_INVALID);
        JWTClaimsSet claims;
        try {
            claims = signed.getJWTClaimsSet();
        } catch (java.text.ParseException e) {
            throw invalid("logout token payload is not a JSON claims set");
        }
        // Step 3: iss, aud and iat as for an ID token (Core §3.1.3.7 items 2, 3, 10); exp is REQUIRED (§2.4).
        if (!expectedIssuer.equals(claims.getIssuer())) {
            throw invalid("logout token iss '" + claims.getIssuer() + "' is not the configured issuer");
        }
        List<String> audience = claims.getAudience();
        if (audience == null || !audience.contains(clientId)) {
            throw invalid("logout token aud " + audience + " does not contain this client");
        }
        for (String aud : audience) {
            if (!aud.equals(clientId) && !trustedAudiences.contains(aud)) {
                throw invalid("logout token aud contains an untrusted extra audience '" + aud + "'");
            }
        }
        Instant now = clock.instant();
        Date iat = claims.getIssueTime();
        if (iat == null) {
            throw invalid("logout token has no iat");
        }
        if (iat.toInstant().isAfter(now.plus(maxClockSkew)) || iat.toInstant().isBefore(now.minus(MAX_AGE))) {
            throw invalid("logout token iat " + iat.toInstant() + " is too far from now " + now);
        }
        Date exp = claims.getExpirationTime();
        if (exp == null) {
            throw invalid("logout token has no exp");
        }
        if (!now.isBefore(exp.toInstant().plus(maxClockSkew))) {
            throw invalid("logout token expired at " + exp.toInstant());
        }
        // Step 4: sub and/or sid.
        String sub = blankToNull(claims.getSubject());
        Object sidClaim = claims.getClaim("sid");
        if (sidClaim != null && !(sidClaim instanceof String)) {
            throw invalid("logout token sid is not a string");
        }
        // A blank sid names no session; treating it as present would answer 200 and end nothing.
        String sid = blankToNull((String) sidClaim);
        if (sub == null && sid == null) {
            throw invalid("logout token has neither sub nor sid");
        }
        // Step 5: events contains the back-channel logout member, whose value is a JSON object.
        Object events = claims.getClaim("events");
        if (!(events instanceof Map<?, ?> eventMap)) {
            throw invalid("logout token has no events claim");
        }
        if (!(eventMap.get(BACKCHANNEL_LOGOUT_EVENT) instanceof Map<?, ?>)) {
            throw invalid("logout token events do not contain " + BACKCHANNEL_LOGOUT_EVENT);
        }
        // Step 6: a nonce is forbidden, so an ID token can never be replayed as a logout token.
        if (claims.getClaim("nonce") != null) {
            throw invalid("logout token carries a nonce");
        }
        return new LogoutRequest(sub, sid, claims.getJWTID());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static SignInRejectedException invalid(String message) {
        return new SignInRejectedException(RejectionCode.LOGOUT_TOKEN_INVALID, message);
    }
}
