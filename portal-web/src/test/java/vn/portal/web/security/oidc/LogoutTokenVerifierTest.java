package vn.portal.web.security.oidc;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static vn.portal.web.security.oidc.LogoutTokenVerifier.BACKCHANNEL_LOGOUT_EVENT;
import static vn.portal.web.security.oidc.RejectionCode.LOGOUT_TOKEN_INVALID;
import static vn.portal.web.security.oidc.TokenFixture.ATTACKER_RSA;
import static vn.portal.web.security.oidc.TokenFixture.CLIENT_ID;
import static vn.portal.web.security.oidc.TokenFixture.CLOCK;
import static vn.portal.web.security.oidc.TokenFixture.EC;
import static vn.portal.web.security.oidc.TokenFixture.ISSUER;
import static vn.portal.web.security.oidc.TokenFixture.NONCE;
import static vn.portal.web.security.oidc.TokenFixture.NOW;
import static vn.portal.web.security.oidc.TokenFixture.RSA;
import static vn.portal.web.security.oidc.TokenFixture.SKEW;
import static vn.portal.web.security.oidc.TokenFixture.SUBJECT;
import static vn.portal.web.security.oidc.TokenFixture.TRUSTED_AUDIENCE;
import static vn.portal.web.security.oidc.TokenFixture.corruptSignature;
import static vn.portal.web.security.oidc.TokenFixture.es256;
import static vn.portal.web.security.oidc.TokenFixture.idTokenClaims;
import static vn.portal.web.security.oidc.TokenFixture.logoutToken;
import static vn.portal.web.security.oidc.TokenFixture.logoutTokenClaims;
import static vn.portal.web.security.oidc.TokenFixture.rs256;
import static vn.portal.web.security.oidc.TokenFixture.signatures;

/**
 * Logout token validation, OpenID Connect Back-Channel Logout 1.0 §2.6 (token contents §2.4). Every refusal is
 * {@code LOGOUT_TOKEN_INVALID}, which the endpoint turns into HTTP 400 without ending any session.
 */
class LogoutTokenVerifierTest {

    private static final LogoutTokenVerifier VERIFIER = new LogoutTokenVerifier(ISSUER, CLIENT_ID, Set.of(TRUSTED_AUDIENCE),
            signatures(RSA, EC), SKEW, CLOCK);

    private static LogoutTokenVerifier.LogoutRequest verify(JWTClaimsSet claims) {
        return VERIFIER.verify(logoutToken(claims));
    }

    /**
     * Every refusal shares one code, so the message is checked too: it must name the rule that failed, proving the
     * token was refused for the one defect the test gave it.
     */
    private static void assertRefused(JWTClaimsSet claims, String reasonMentions) {
        assertRefused(logoutToken(claims), reasonMentions);
    }

    private static void assertRefused(String serialized, String reasonMentions) {
        Throwable thrown = catchThrowable(() -> VERIFIER.verify(serialized));

        assertThat(thrown).isInstanceOfSatisfying(SignInRejectedException.class, rejected -> {
            assertThat(rejected.code()).isEqualTo(LOGOUT_TOKEN_INVALID);
            assertThat(rejected.getMessage()).contains(reasonMentions);
        });
    }

    private static Date at(Duration offsetFromNow) {
        return Date.from(NOW.plus(offsetFromNow));
    }

    @Test
    void acceptsValidLogoutTokenWithSubAndSid() {
        LogoutTokenVerifier.LogoutRequest request = verify(logoutTokenClaims().build());

        assertThat(request.subject()).isEqualTo(SUBJECT);
        assertThat(request.sessionId()).isEqualTo("op-session-42");
        assertThat(request.tokenId()).isEqualTo("jti-5b0e9d");
    }

    @Test
    void acceptsEs256LogoutToken() {
        assertThat(VERIFIER.verify(es256(EC, logoutTokenClaims().build())).sessionId()).isEqualTo("op-session-42");
    }

    // ------------------------------------------------------------------ steps 1 to 3: JWT, signature, alg

    @Test
    void rejectsMissingLogoutToken() {
        assertRefused((String) null, "no logout_token");
        assertRefused("  ", "no logout_token");
    }

    @Test
    void rejectsLogoutTokenThatIsNotAJwt() {
        assertRefused("not-a-jwt", "not a JWT");
    }

    @Test
    void rejectsUnsignedLogoutToken() {
        assertRefused(new PlainJWT(logoutTokenClaims().build()).serialize(), "alg none");
    }

    @Test
    void rejectsLogoutTokenWithInvalidSignature() {
        assertRefused(corruptSignature(logoutToken(logoutTokenClaims().build())), "signature does not verify");
    }

    @Test
    void rejectsLogoutTokenSignedWithUnknownKey() {
        assertRefused(rs256(ATTACKER_RSA, logoutTokenClaims().build()), "does not publish");
    }

    // ------------------------------------------------------------------ step 4: iss, aud, iat, exp as for ID tokens

    @Test
    void rejectsLogoutTokenFromAnotherIssuer() {
        assertRefused(logoutTokenClaims().issuer("http://localhost:9081").build(), "iss '");
    }

    @Test
    void rejectsLogoutTokenWithoutIssuer() {
        assertRefused(logoutTokenClaims().issuer(null).build(), "iss '");
    }

    @Test
    void rejectsLogoutTokenForAnotherClient() {
        assertRefused(logoutTokenClaims().audience("another-portal").build(), "aud");
    }

    @Test
    void rejectsLogoutTokenWithoutAudience() {
        assertRefused(logoutTokenClaims().audience((String) null).build(), "aud");
    }

    @Test
    void acceptsLogoutTokenWithAudienceArray() {
        assertThat(verify(logoutTokenClaims().audience(List.of(CLIENT_ID)).build()).subject()).isEqualTo(SUBJECT);
    }

    @Test
    void acceptsLogoutTokenWithTrustedExtraAudience() {
        assertThat(verify(logoutTokenClaims().audience(List.of(CLIENT_ID, TRUSTED_AUDIENCE)).build()).subject()).isEqualTo(SUBJECT);
    }

    /**
     * §2.6 step 4 validates aud "in the same way" as an ID token, and Core §3.1.3.7 item 3 says the token MUST be
     * rejected if it "contains additional audiences not trusted by the Client".
     */
    @Test
    void rejectsLogoutTokenWithUntrustedExtraAudience() {
        assertRefused(logoutTokenClaims().audience(List.of(CLIENT_ID, "untrusted-client")).build(), "aud");
    }

    @Test
    void rejectsLogoutTokenWithoutIat() {
        assertRefused(logoutTokenClaims().issueTime(null).build(), "iat");
    }

    @Test
    void acceptsIatAtTheEdgeOfTheSkew() {
        assertThat(verify(logoutTokenClaims().issueTime(at(SKEW)).build())).isNotNull();
    }

    @Test
    void rejectsLogoutTokenWithIatInTheFuture() {
        assertRefused(logoutTokenClaims().issueTime(at(SKEW.plusSeconds(1))).build(), "iat");
    }

    @Test
    void acceptsLogoutTokenIssuedNineMinutesAgo() {
        assertThat(verify(logoutTokenClaims().issueTime(at(Duration.ofMinutes(-9))).build())).isNotNull();
    }

    @Test
    void rejectsLogoutTokenIssuedElevenMinutesAgoEvenIfNotExpired() {
        assertRefused(logoutTokenClaims().issueTime(at(Duration.ofMinutes(-11))).build(), "iat");
    }

    @Test
    void rejectsLogoutTokenWithoutExp() {
        assertRefused(logoutTokenClaims().expirationTime(null).build(), "exp");
    }

    @Test
    void acceptsLogoutTokenExpiredLessThanTheSkewAgo() {
        JWTClaimsSet claims = logoutTokenClaims().issueTime(at(Duration.ofMinutes(-3)))
                .expirationTime(at(SKEW.negated().plusSeconds(1))).build();

        assertThat(verify(claims)).isNotNull();
    }

    @Test
    void rejectsExpiredLogoutToken() {
        JWTClaimsSet claims = logoutTokenClaims().issueTime(at(Duration.ofMinutes(-5))).expirationTime(at(SKEW.negated())).build();

        assertRefused(claims, "expired");
    }

    // ------------------------------------------------------------------ step 5: sub and/or sid

    @Test
    void acceptsLogoutTokenWithOnlySid() {
        LogoutTokenVerifier.LogoutRequest request = verify(logoutTokenClaims().subject(null).build());

        assertThat(request.subject()).isNull();
        assertThat(request.sessionId()).isEqualTo("op-session-42");
    }

    @Test
    void acceptsLogoutTokenWithOnlySub() {
        LogoutTokenVerifier.LogoutRequest request = verify(logoutTokenClaims().claim("sid", null).build());

        assertThat(request.subject()).isEqualTo(SUBJECT);
        assertThat(request.sessionId()).isNull();
    }

    @Test
    void rejectsLogoutTokenWithNeitherSubNorSid() {
        assertRefused(logoutTokenClaims().subject(null).claim("sid", null).build(), "neither sub nor sid");
    }

    @Test
    void rejectsLogoutTokenWhoseSidIsNotAString() {
        assertRefused(logoutTokenClaims().claim("sid", 42).build(), "sid");
    }

    // ------------------------------------------------------------------ step 6: events

    @Test
    void acceptsBackChannelEventNextToOtherEvents() {
        JWTClaimsSet claims = logoutTokenClaims().claim("events", Map.of(
                BACKCHANNEL_LOGOUT_EVENT, Map.of(),
                "https://schemas.openid.net/secevent/risc/event-type/sessions-revoked", Map.of())).build();

        assertThat(verify(claims)).isNotNull();
    }

    @Test
    void rejectsLogoutTokenWithoutEvents() {
        assertRefused(logoutTokenClaims().claim("events", null).build(), "events");
    }

    @Test
    void rejectsLogoutTokenWithAnotherEvent() {
        JWTClaimsSet claims = logoutTokenClaims()
                .claim("events", Map.of("http://schemas.openid.net/event/frontchannel-logout", Map.of())).build();

        assertRefused(claims, "events");
    }

    @Test
    void rejectsLogoutEventWhoseValueIsNotAJsonObject() {
        assertRefused(logoutTokenClaims().claim("events", Map.of(BACKCHANNEL_LOGOUT_EVENT, true)).build(), "events");
    }

    @Test
    void rejectsEventsGivenAsArray() {
        assertRefused(logoutTokenClaims().claim("events", List.of(BACKCHANNEL_LOGOUT_EVENT)).build(), "events");
    }

    // ------------------------------------------------------------------ step 7: no nonce

    @Test
    void rejectsLogoutTokenCarryingNonce() {
        assertRefused(logoutTokenClaims().claim("nonce", NONCE).build(), "nonce");
    }

    @Test
    void rejectsIdTokenPresentedAsLogoutToken() {
        assertRefused(rs256(RSA, idTokenClaims().build()), "events");
    }
}
