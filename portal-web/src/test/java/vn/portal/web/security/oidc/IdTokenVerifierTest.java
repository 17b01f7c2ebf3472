package vn.portal.web.security.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.portal.web.security.oidc.RejectionCode.ID_TOKEN_ALG_NOT_ALLOWED;
import static vn.portal.web.security.oidc.RejectionCode.ID_TOKEN_AUDIENCE_INVALID;
import static vn.portal.web.security.oidc.RejectionCode.ID_TOKEN_EXPIRED;
import static vn.portal.web.security.oidc.RejectionCode.ID_TOKEN_IAT_INVALID;
import static vn.portal.web.security.oidc.RejectionCode.ID_TOKEN_ISSUER_MISMATCH;
import static vn.portal.web.security.oidc.RejectionCode.ID_TOKEN_MISSING_CLAIM;
import static vn.portal.web.security.oidc.RejectionCode.ID_TOKEN_NONCE_MISMATCH;
import static vn.portal.web.security.oidc.RejectionCode.ID_TOKEN_SIGNATURE_INVALID;
import static vn.portal.web.security.oidc.RejectionCode.NO_SIGN_IN_IN_PROGRESS;
import static vn.portal.web.security.oidc.TokenFixture.ATTACKER_RSA;
import static vn.portal.web.security.oidc.TokenFixture.CLIENT_ID;
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
import static vn.portal.web.security.oidc.TokenFixture.parse;
import static vn.portal.web.security.oidc.TokenFixture.rejectionOf;
import static vn.portal.web.security.oidc.TokenFixture.rs256;
import static vn.portal.web.security.oidc.TokenFixture.sign;
import static vn.portal.web.security.oidc.TokenFixture.signatures;
import static vn.portal.web.security.oidc.TokenFixture.signerFor;

/**
 * ID token validation, OpenID Connect Core 1.0 §3.1.3.7, one nested class per item: an honest token passes, and a
 * token spoiled in exactly that one way is refused with that item's code.
 */
class IdTokenVerifierTest {

    private static final IdTokenVerifier VERIFIER = verifierAt(TokenFixture.CLOCK);

    private static IdTokenVerifier verifierAt(Clock clock) {
        return new IdTokenVerifier(ISSUER, CLIENT_ID, Set.of(TRUSTED_AUDIENCE), signatures(RSA, EC), SKEW, clock);
    }

    private static IDTokenClaimsSet verify(JWTClaimsSet claims) {
        return VERIFIER.verify(parse(rs256(RSA, claims)), new Nonce(NONCE));
    }

    private static RejectionCode rejection(JWTClaimsSet claims) {
        return rejectionOf(() -> verify(claims));
    }

    private static Date at(Duration offsetFromNow) {
        return Date.from(NOW.plus(offsetFromNow));
    }

    @Test
    void acceptsHonestRs256IdToken() {
        IDTokenClaimsSet verified = verify(idTokenClaims().build());

        assertThat(verified.getIssuer().getValue()).isEqualTo(ISSUER);
        assertThat(verified.getSubject().getValue()).isEqualTo(SUBJECT);
        assertThat(verified.getNonce().getValue()).isEqualTo(NONCE);
        assertThat(verified.getStringClaim("sid")).isEqualTo("op-session-42");
    }

    @Test
    void acceptsHonestEs256IdToken() {
        IDTokenClaimsSet verified = VERIFIER.verify(parse(es256(EC, idTokenClaims().build())), new Nonce(NONCE));

        assertThat(verified.getSubject().getValue()).isEqualTo(SUBJECT);
    }

    /** Items 6 to 8: signature and algorithm, checked before any claim is believed. */
    @Nested
    class Signature {

        @Test
        void rejectsIdTokenSignedWithUnknownKey() {
            assertThat(rejectionOf(() -> VERIFIER.verify(parse(rs256(ATTACKER_RSA, idTokenClaims().build())), new Nonce(NONCE))))
                    .isEqualTo(ID_TOKEN_SIGNATURE_INVALID);
        }

        @Test
        void rejectsIdTokenWithInvalidSignature() {
            assertThat(rejectionOf(() -> VERIFIER.verify(parse(corruptSignature(rs256(RSA, idTokenClaims().build()))), new Nonce(NONCE))))
                    .isEqualTo(ID_TOKEN_SIGNATURE_INVALID);
        }

        @Test
        void rejectsUnsignedIdToken() {
            assertThat(rejectionOf(() -> VERIFIER.verify(parse(new PlainJWT(idTokenClaims().build()).serialize()), new Nonce(NONCE))))
                    .isEqualTo(ID_TOKEN_ALG_NOT_ALLOWED);
        }

        @Test
        void judgesSignatureBeforeClaims() {
            // A forged token with a wrong issuer must be reported as forged: its claims are not evidence of anything.
            JWTClaimsSet wrongIssuer = idTokenClaims().issuer("http://localhost:9999").build();

            assertThat(rejectionOf(() -> VERIFIER.verify(parse(rs256(ATTACKER_RSA, wrongIssuer)), new Nonce(NONCE))))
                    .isEqualTo(ID_TOKEN_SIGNATURE_INVALID);
        }

        @Test
        void acceptsTokenWithoutKidWhenProviderHasOneKey() {
            IdTokenVerifier oneKey = new IdTokenVerifier(ISSUER, CLIENT_ID, Set.of(), signatures(RSA), SKEW, TokenFixture.CLOCK);
            String noKid = sign(new JWSHeader.Builder(JWSAlgorithm.RS256).build(), signerFor(RSA), idTokenClaims().build());

            assertThat(oneKey.verify(parse(noKid), new Nonce(NONCE)).getSubject().getValue()).isEqualTo(SUBJECT);
        }
    }

    /** Item 2: iss exactly equal to the configured issuer. */
    @Nested
    class Issuer {

        @Test
        void acceptsExactIssuer() {
            assertThat(verify(idTokenClaims().issuer(ISSUER).build()).getIssuer().getValue()).isEqualTo(ISSUER);
        }

        @Test
        void rejectsOtherIssuer() {
            assertThat(rejection(idTokenClaims().issuer("http://localhost:9081").build())).isEqualTo(ID_TOKEN_ISSUER_MISMATCH);
        }

        @Test
        void rejectsIssuerWithTrailingSlash() {
            assertThat(rejection(idTokenClaims().issuer(ISSUER + "/").build())).isEqualTo(ID_TOKEN_ISSUER_MISMATCH);
        }

        @Test
        void rejectsIssuerDifferingInCase() {
            assertThat(rejection(idTokenClaims().issuer("http://LOCALHOST:9080").build())).isEqualTo(ID_TOKEN_ISSUER_MISMATCH);
        }

        @Test
        void rejectsMissingIssuer() {
            assertThat(rejection(idTokenClaims().issuer(null).build())).isEqualTo(ID_TOKEN_MISSING_CLAIM);
        }
    }

    /** §2: sub is REQUIRED. */
    @Nested
    class Subject {

        @Test
        void acceptsPresentSubject() {
            assertThat(verify(idTokenClaims().subject("248289761001").build()).getSubject().getValue()).isEqualTo("248289761001");
        }

        @Test
        void rejectsMissingSubject() {
            assertThat(rejection(idTokenClaims().subject(null).build())).isEqualTo(ID_TOKEN_MISSING_CLAIM);
        }

        @Test
        void rejectsBlankSubject() {
            assertThat(rejection(idTokenClaims().subject("   ").build())).isEqualTo(ID_TOKEN_MISSING_CLAIM);
        }
    }

    /** Items 3 to 5: aud contains the client, nothing untrusted; azp when several audiences. */
    @Nested
    class Audience {

        @Test
        void acceptsAudienceAsSingleString() {
            assertThat(verify(idTokenClaims().audience(CLIENT_ID).build()).getAudience()).extracting(a -> a.getValue())
                    .containsExactly(CLIENT_ID);
        }

        @Test
        void acceptsAudienceAsOneElementArray() {
            assertThat(verify(idTokenClaims().audience(List.of(CLIENT_ID)).build()).getAudience()).hasSize(1);
        }

        @Test
        void acceptsTrustedExtraAudienceWithAzp() {
            JWTClaimsSet claims = idTokenClaims().audience(List.of(CLIENT_ID, TRUSTED_AUDIENCE)).claim("azp", CLIENT_ID).build();

            assertThat(verify(claims).getAudience()).hasSize(2);
        }

        @Test
        void rejectsUntrustedExtraAudience() {
            JWTClaimsSet claims = idTokenClaims().audience(List.of(CLIENT_ID, "untrusted-client")).claim("azp", CLIENT_ID).build();

            assertThat(rejection(claims)).isEqualTo(ID_TOKEN_AUDIENCE_INVALID);
        }

        @Test
        void rejectsAudienceOfAnotherClient() {
            assertThat(rejection(idTokenClaims().audience("another-portal").build())).isEqualTo(ID_TOKEN_AUDIENCE_INVALID);
        }

        @Test
        void rejectsClientIdOnlyAsPrefixOfAudience() {
            assertThat(rejection(idTokenClaims().audience(CLIENT_ID + "-staging").build())).isEqualTo(ID_TOKEN_AUDIENCE_INVALID);
        }

        @Test
        void rejectsMissingAudience() {
            assertThat(rejection(idTokenClaims().audience((String) null).build())).isEqualTo(ID_TOKEN_AUDIENCE_INVALID);
        }

        @Test
        void rejectsSeveralAudiencesWithoutAzp() {
            assertThat(rejection(idTokenClaims().audience(List.of(CLIENT_ID, TRUSTED_AUDIENCE)).build()))
                    .isEqualTo(ID_TOKEN_AUDIENCE_INVALID);
        }

        @Test
        void acceptsAzpNamingThisClient() {
            assertThat(verify(idTokenClaims().claim("azp", CLIENT_ID).build()).getAuthorizedParty().getValue()).isEqualTo(CLIENT_ID);
        }

        @Test
        void rejectsAzpNamingAnotherClient() {
            assertThat(rejection(idTokenClaims().claim("azp", TRUSTED_AUDIENCE).build())).isEqualTo(ID_TOKEN_AUDIENCE_INVALID);
        }
    }

    /** Item 9: now before exp, with at most the configured skew. */
    @Nested
    class Expiry {

        @Test
        void acceptsTokenExpiredLessThanTheSkewAgo() {
            JWTClaimsSet claims = idTokenClaims().issueTime(at(Duration.ofMinutes(-5)))
                    .expirationTime(at(SKEW.negated().plusSeconds(1))).build();

            assertThat(verify(claims)).isNotNull();
        }

        @Test
        void rejectsTokenExpiredExactlyTheSkewAgo() {
            JWTClaimsSet claims = idTokenClaims().issueTime(at(Duration.ofMinutes(-5))).expirationTime(at(SKEW.negated())).build();

            assertThat(rejection(claims)).isEqualTo(ID_TOKEN_EXPIRED);
        }

        @Test
        void rejectsTokenExpiredAnHourAgo() {
            JWTClaimsSet claims = idTokenClaims().issueTime(at(Duration.ofMinutes(-65))).expirationTime(at(Duration.ofHours(-1))).build();

            assertThat(rejection(claims)).isEqualTo(ID_TOKEN_EXPIRED);
        }

        @Test
        void rejectsMissingExpiry() {
            assertThat(rejection(idTokenClaims().expirationTime(null).build())).isEqualTo(ID_TOKEN_MISSING_CLAIM);
        }

        @Test
        void appliesTheConfiguredSkewRatherThanAFixedOne() {
            IdTokenVerifier strict = new IdTokenVerifier(ISSUER, CLIENT_ID, Set.of(), signatures(RSA), Duration.ZERO,
                    Clock.fixed(NOW, ZoneOffset.UTC));
            JWTClaimsSet claims = idTokenClaims().issueTime(at(Duration.ofMinutes(-5))).expirationTime(at(Duration.ofSeconds(-1))).build();

            assertThat(rejectionOf(() -> strict.verify(parse(rs256(RSA, claims)), new Nonce(NONCE)))).isEqualTo(ID_TOKEN_EXPIRED);
        }
    }

    /** Item 10: iat present, not in the future beyond the skew, not after exp. */
    @Nested
    class IssuedAt {

        @Test
        void acceptsIatAtTheEdgeOfTheSkew() {
            assertThat(verify(idTokenClaims().issueTime(at(SKEW)).build())).isNotNull();
        }

        @Test
        void rejectsIatInTheFuture() {
            assertThat(rejection(idTokenClaims().issueTime(at(SKEW.plusSeconds(1))).build())).isEqualTo(ID_TOKEN_IAT_INVALID);
        }

        @Test
        void acceptsIatAtTheEdgeOfTheMaximumAge() {
            Duration edge = IdTokenVerifier.MAX_AGE.plus(SKEW).negated();

            assertThat(verify(idTokenClaims().issueTime(at(edge)).build())).isNotNull();
        }

        @Test
        void rejectsIdTokenIssuedLongBeforeNow() {
            // exp is still ahead: only the age of the token gives it away as not minted for this sign-in.
            Duration tooOld = IdTokenVerifier.MAX_AGE.plus(SKEW).plusSeconds(1).negated();

            assertThat(rejection(idTokenClaims().issueTime(at(tooOld)).build())).isEqualTo(ID_TOKEN_IAT_INVALID);
        }

        @Test
        void rejectsIatAfterExp() {
            JWTClaimsSet claims = idTokenClaims().issueTime(at(Duration.ofSeconds(60))).expirationTime(at(Duration.ofSeconds(30))).build();

            assertThat(rejection(claims)).isEqualTo(ID_TOKEN_IAT_INVALID);
        }

        @Test
        void rejectsMissingIat() {
            assertThat(rejection(idTokenClaims().issueTime(null).build())).isEqualTo(ID_TOKEN_MISSING_CLAIM);
        }
    }

    /** Item 11: nonce present and equal to the one sent. */
    @Nested
    class NonceRule {

        @Test
        void acceptsMatchingNonce() {
            assertThat(verify(idTokenClaims().claim("nonce", NONCE).build()).getNonce()).isEqualTo(new Nonce(NONCE));
        }

        @Test
        void rejectsOtherNonce() {
            assertThat(rejection(idTokenClaims().claim("nonce", "n-replayed-from-another-session").build()))
                    .isEqualTo(ID_TOKEN_NONCE_MISMATCH);
        }

        @Test
        void rejectsNonceDifferingOnlyInCase() {
            assertThat(rejection(idTokenClaims().claim("nonce", NONCE.toUpperCase()).build())).isEqualTo(ID_TOKEN_NONCE_MISMATCH);
        }

        @Test
        void rejectsMissingNonce() {
            assertThat(rejection(idTokenClaims().claim("nonce", null).build())).isEqualTo(ID_TOKEN_NONCE_MISMATCH);
        }

        @Test
        void rejectsNumericNonceThatPrintsLikeTheExpectedOne() {
            IdTokenVerifier verifier = verifierAt(TokenFixture.CLOCK);
            JWTClaimsSet numeric = idTokenClaims().claim("nonce", 12345).build();

            assertThat(rejectionOf(() -> verifier.verify(parse(rs256(RSA, numeric)), new Nonce("12345")))).isEqualTo(ID_TOKEN_NONCE_MISMATCH);
        }

        @Test
        void rejectsWhenNoNonceIsRemembered() {
            assertThat(rejectionOf(() -> VERIFIER.verify(parse(rs256(RSA, idTokenClaims().build())), null)))
                    .isEqualTo(NO_SIGN_IN_IN_PROGRESS);
        }
    }

    /** Claims whose JSON the builder would never produce, signed by the provider's real key. */
    @Nested
    class MalformedPayload {

        private String signedPayload(String json) {
            JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(RSA.getKeyID()).build(), new Payload(json));
            try {
                jws.sign(signerFor(RSA));
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
            return jws.serialize();
        }

        private String honestJsonWith(String extraMember) {
            String honest = idTokenClaims().build().toString();
            return honest.substring(0, honest.length() - 1) + "," + extraMember + "}";
        }

        @Test
        void acceptsHonestPayloadWrittenByHand() {
            assertThat(VERIFIER.verify(parse(signedPayload(idTokenClaims().build().toString())), new Nonce(NONCE))).isNotNull();
        }

        @Test
        void rejectsSignedPayloadThatIsNotAClaimsSet() {
            assertThat(rejectionOf(() -> VERIFIER.verify(parse(signedPayload("Xin chào")), new Nonce(NONCE))))
                    .isEqualTo(ID_TOKEN_MISSING_CLAIM);
        }

        @Test
        void rejectsExpThatIsNotANumber() {
            String json = idTokenClaims().expirationTime(null).build().toString();
            String withTextExp = json.substring(0, json.length() - 1) + ",\"exp\":\"ngày mai\"}";

            assertThat(rejectionOf(() -> VERIFIER.verify(parse(signedPayload(withTextExp)), new Nonce(NONCE))))
                    .isEqualTo(ID_TOKEN_MISSING_CLAIM);
        }

        @Test
        void rejectsDuplicateIssuerWhoseLastValueIsForeign() {
            // RFC 7519 §4: duplicate claim names are rejected, or the last one counts; either way this token must fail.
            String json = honestJsonWith("\"iss\":\"http://localhost:9999\"");

            assertThat(rejectionOf(() -> VERIFIER.verify(parse(signedPayload(json)), new Nonce(NONCE))))
                    .isIn(ID_TOKEN_MISSING_CLAIM, ID_TOKEN_ISSUER_MISMATCH);
        }
    }

    @Test
    void rejectionMessagesNeverQuoteTheTokenOrTheNonce() {
        String token = rs256(RSA, idTokenClaims().claim("nonce", "n-attacker-chosen").build());

        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> VERIFIER.verify(parse(token), new Nonce(NONCE)));

        assertThat(thrown.getMessage()).doesNotContain(token.substring(token.lastIndexOf('.') + 1), NONCE, "n-attacker-chosen");
    }

    @Test
    void clockOfTheVerifierDecidesNotTheSystemClock() {
        Instant later = NOW.plus(Duration.ofHours(1));
        IdTokenVerifier anHourLater = verifierAt(Clock.fixed(later, ZoneOffset.UTC));

        assertThat(rejectionOf(() -> anHourLater.verify(parse(rs256(RSA, idTokenClaims().build())), new Nonce(NONCE))))
                .isEqualTo(ID_TOKEN_EXPIRED);
    }
}
