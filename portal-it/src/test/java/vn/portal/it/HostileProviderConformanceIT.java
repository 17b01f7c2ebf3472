package vn.portal.it;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.oauth2.sdk.util.URLUtils;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.portal.it.portal.AuditTrail;
import vn.portal.it.portal.ErrorPage;
import vn.portal.it.portal.PortalBrowser;
import vn.portal.it.portal.SignInAttempt;
import vn.portal.it.provider.Citizen;
import vn.portal.it.provider.Grant;
import vn.portal.it.provider.HostileProvider;
import vn.portal.it.provider.ProviderCase;
import vn.portal.it.provider.ProviderCase.AuthorizationIssuer;
import vn.portal.it.provider.ProviderCase.AuthorizationState;
import vn.portal.it.provider.ProviderCase.KeyId;
import vn.portal.it.provider.ProviderCase.Signing;
import vn.portal.it.provider.ProviderTraffic.Endpoint;

import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.text.ParseException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hostile-provider conformance suite: the real portal WAR on Payara Micro signs citizens in
 * through a provider that misbehaves in exactly one way per case. Case names follow the OpenID
 * Foundation's relying-party conformance tests where one exists. Every rejection must leave no
 * session, show an error page with the contract's error code and a correlation id, write a
 * SIGN_IN_REJECTED audit row with that id, and, when the ID token is at fault, never call UserInfo.
 */
@ExtendWith({HostileProviderExtension.class, ArquillianExtension.class})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileProviderConformanceIT {

    private static final String SIGN_IN_REJECTED = "SIGN_IN_REJECTED";
    private static final String BACKCHANNEL_ACCEPTED = "BACKCHANNEL_LOGOUT_ACCEPTED";
    private static final String BACKCHANNEL_REJECTED = "BACKCHANNEL_LOGOUT_REJECTED";
    private static final String FOREIGN_ISSUER = "http://127.0.0.1:18099";
    /** "Cấp phiếu lý lịch tư pháp", minimum level 2 in the demo data (PORTAL_DEMO_DATA=true). */
    private static final String LEVEL_TWO_SERVICE = "BTP-LLTP";

    /** Set by {@link HostileProviderExtension} before the deployment. */
    private static HostileProvider provider;
    private static AuditTrail audit;

    @Deployment(testable = false)
    static WebArchive portal() {
        return PortalDeployment.rootWar();
    }

    @BeforeAll
    static void openAuditTrail() {
        PortalDeployment.requireDeployed();
        audit = new AuditTrail(ItSettings.databaseUrl(), "portal", "portal");
    }

    // ------------------------------------------------------------------ accepted sign-ins

    @Test
    @DisplayName("rp-id_token-sig-rs256: an honest RS256 ID token signs the citizen in")
    void acceptsHonestRs256IdToken() {
        PortalBrowser browser = browser();
        SignInAttempt attempt = signIn(browser, ProviderCase.honest("rp-id_token-sig-rs256"));

        assertSignedIn(attempt, browser, Citizen.NGUYEN_VAN_AN);
        Map<String, List<String>> authorization = attempt.authorizationRequest();
        assertThat(authorization.get("code_challenge_method")).as("PKCE method").containsExactly("S256");
        assertThat(authorization.get("redirect_uri")).as("exact redirect URI").containsExactly(ItSettings.redirectUri().toString());
        assertThat(authorization).as("authorization request").containsKeys("state", "nonce", "code_challenge");
    }

    @Test
    @DisplayName("rp-id_token-sig-es256: an honest ES256 ID token signs the citizen in")
    void acceptsHonestEs256IdToken() {
        PortalBrowser browser = browser();
        SignInAttempt attempt = signIn(browser, ProviderCase.honest("rp-id_token-sig-es256").signedWith(Signing.ES256));

        assertSignedIn(attempt, browser, Citizen.NGUYEN_VAN_AN);
    }

    @Test
    @DisplayName("rp-id_token-kid-absent-single-jwks: no kid and a one-key JWKS is accepted")
    void acceptsIdTokenWithoutKidWhenJwksHasSingleKey() {
        PortalBrowser browser = browser();
        SignInAttempt attempt = signIn(browser,
                ProviderCase.honest("rp-id_token-kid-absent-single-jwks").withKeyId(KeyId.ABSENT_SINGLE_KEY_JWKS));

        assertSignedIn(attempt, browser, Citizen.NGUYEN_VAN_AN);
    }

    @Test
    @DisplayName("session hardening: session id rotated at sign-in, HttpOnly + SameSite=Lax, no-store on the dashboard")
    void rotatesSessionIdAndHardensCookiesAtSignIn() {
        provider.behave(ProviderCase.honest("session-hardening"));
        PortalBrowser browser = browser();
        SignInAttempt attempt = browser.signIn();
        Map<String, String> setAtLogin = cookieValues(attempt.hops().get(0).response());
        assertSignedIn(attempt, browser, Citizen.NGUYEN_VAN_AN);

        // The session cookie's name is the portal's choice (web.xml); recognise it by name.
        String sessionCookie = browser.portalCookies().keySet().stream()
                .filter(name -> name.equalsIgnoreCase("JSESSIONID") || name.toLowerCase().contains("session"))
                .findFirst().orElse(null);
        assertThat(sessionCookie).as("a session cookie after sign-in; cookies " + browser.portalCookies().keySet()).isNotNull();
        if (setAtLogin.containsKey(sessionCookie)) {
            // OWASP session fixation: the pre-authentication session id must not survive authentication.
            assertThat(browser.portalCookies().get(sessionCookie)).as("session id rotated at sign-in")
                    .isNotEqualTo(setAtLogin.get(sessionCookie));
        }
        List<String> callbackCookies = attempt.finalResponse().headers().allValues("Set-Cookie");
        assertThat(callbackCookies).as("Set-Cookie on the callback").isNotEmpty()
                .allSatisfy(cookie -> assertThat(cookie.toLowerCase()).contains("httponly").contains("samesite=lax"));
        HttpResponse<String> dashboard = browser.get("/dashboard");
        assertThat(dashboard.statusCode()).as("dashboard for a signed-in citizen").isEqualTo(200);
        assertThat(dashboard.headers().firstValue("Cache-Control").orElse("")).as("Cache-Control on /dashboard").contains("no-store");
    }

    /** The anti-CSRF token the portal puts in its pages' sign-out form. */
    private static String csrfTokenOf(PortalBrowser browser) {
        HttpResponse<String> dashboard = browser.get("/dashboard");
        Matcher token = Pattern
                .compile("name=\"csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"csrf\"")
                .matcher(dashboard.body());
        assertThat(token.find()).as("the dashboard carries a csrf field; status " + dashboard.statusCode()).isTrue();
        return token.group(1) != null ? token.group(1) : token.group(2);
    }

    private static Map<String, String> cookieValues(HttpResponse<String> response) {
        Map<String, String> values = new HashMap<>();
        for (String header : response.headers().allValues("Set-Cookie")) {
            HttpCookie.parse(header).forEach(cookie -> values.put(cookie.getName(), cookie.getValue()));
        }
        return values;
    }

    // ------------------------------------------------------------------ ID token rejections

    @Test
    @DisplayName("rp-id_token-iss: an ID token from another issuer is rejected")
    void rejectsIdTokenWithInvalidIssuer() {
        assertIdTokenRejected(ProviderCase.honest("rp-id_token-iss").withIdToken(claims -> claims.issuer(FOREIGN_ISSUER)),
                "ID_TOKEN_ISSUER_MISMATCH");
    }

    @Test
    @DisplayName("rp-id_token-sub: an ID token without sub is rejected")
    void rejectsIdTokenWithoutSubject() {
        assertIdTokenRejected(ProviderCase.honest("rp-id_token-sub").withIdToken(claims -> claims.subject(null)),
                "ID_TOKEN_MISSING_CLAIM");
    }

    @Test
    @DisplayName("rp-id_token-aud: an ID token for another client is rejected")
    void rejectsIdTokenWithInvalidAudience() {
        assertIdTokenRejected(ProviderCase.honest("rp-id_token-aud").withIdToken(claims -> claims.audience("another-client")),
                "ID_TOKEN_AUDIENCE_INVALID");
    }

    @Test
    @DisplayName("rp-id_token-aud (extra audience): an ID token also addressed to an untrusted client is rejected")
    void rejectsIdTokenWithUntrustedExtraAudience() {
        assertIdTokenRejected(ProviderCase.honest("rp-id_token-aud-extra")
                        .withIdToken(claims -> claims.audience(List.of(HostileProvider.CLIENT_ID, "untrusted-client"))),
                "ID_TOKEN_AUDIENCE_INVALID");
    }

    @Test
    @DisplayName("missing aud: an ID token without aud is rejected")
    void rejectsIdTokenWithoutAudience() {
        // The contract leaves absent-aud open; portal-web files it under the audience rule (Core 1.0 §3.1.3.7 item 3).
        assertIdTokenRejected(ProviderCase.honest("rp-id_token-aud-missing").withIdToken(claims -> claims.audience((String) null)),
                "ID_TOKEN_AUDIENCE_INVALID");
    }

    @Test
    @DisplayName("rp-id_token-iat: an ID token without iat is rejected")
    void rejectsIdTokenWithoutIssuedAt() {
        assertIdTokenRejected(ProviderCase.honest("rp-id_token-iat").withIdToken(claims -> claims.issueTime(null)),
                "ID_TOKEN_MISSING_CLAIM");
    }

    @Test
    @DisplayName("iat in the future: an ID token issued an hour from now is rejected")
    void rejectsIdTokenIssuedInTheFuture() {
        Instant inAnHour = Instant.now().plusSeconds(3600);
        assertIdTokenRejected(ProviderCase.honest("rp-id_token-iat-future").withIdToken(claims -> claims
                        .issueTime(Date.from(inAnHour)).expirationTime(Date.from(inAnHour.plusSeconds(300)))),
                "ID_TOKEN_IAT_INVALID");
    }

    @Test
    @DisplayName("stale iat: an unexpired ID token issued twenty minutes ago is rejected")
    void rejectsIdTokenIssuedLongAgo() {
        // Core 1.0 §3.1.3.7 item 10: iat can reject tokens issued too far from now, even if exp is generous.
        Instant now = Instant.now();
        assertIdTokenRejected(ProviderCase.honest("rp-id_token-iat-stale").withIdToken(claims -> claims
                        .issueTime(Date.from(now.minusSeconds(1200))).expirationTime(Date.from(now.plusSeconds(300)))),
                "ID_TOKEN_IAT_INVALID");
    }

    @Test
    @DisplayName("expired exp: an ID token that expired ten minutes ago is rejected")
    void rejectsExpiredIdToken() {
        Instant now = Instant.now();
        assertIdTokenRejected(ProviderCase.honest("rp-id_token-exp").withIdToken(claims -> claims
                        .issueTime(Date.from(now.minusSeconds(900))).expirationTime(Date.from(now.minusSeconds(600)))),
                "ID_TOKEN_EXPIRED");
    }

    @Test
    @DisplayName("missing exp: an ID token without exp is rejected")
    void rejectsIdTokenWithoutExpiry() {
        assertIdTokenRejected(ProviderCase.honest("rp-id_token-exp-missing").withIdToken(claims -> claims.expirationTime(null)),
                "ID_TOKEN_MISSING_CLAIM");
    }

    @Test
    @DisplayName("rp-nonce-invalid: an ID token with another nonce is rejected")
    void rejectsIdTokenWithInvalidNonce() {
        assertIdTokenRejected(ProviderCase.honest("rp-nonce-invalid").withIdToken(claims -> claims.claim("nonce", "not-the-portals-nonce")),
                "ID_TOKEN_NONCE_MISMATCH");
    }

    @Test
    @DisplayName("missing nonce: an ID token without the requested nonce is rejected")
    void rejectsIdTokenWithoutNonce() {
        // The contract leaves absent-nonce open; portal-web files it under the nonce rule (Core 1.0 §3.1.3.7 item 11).
        assertIdTokenRejected(ProviderCase.honest("rp-nonce-missing").withIdToken(claims -> claims.claim("nonce", null)),
                "ID_TOKEN_NONCE_MISMATCH");
    }

    @Test
    @DisplayName("rp-id_token-bad-sig-rs256: an RS256 ID token with a broken signature is rejected")
    void rejectsRs256IdTokenWithInvalidSignature() {
        assertIdTokenRejected(ProviderCase.honest("rp-id_token-bad-sig-rs256").withCorruptedSignature(),
                "ID_TOKEN_SIGNATURE_INVALID");
    }

    @Test
    @DisplayName("rp-id_token-bad-sig-es256: an ES256 ID token with a broken signature is rejected")
    void rejectsEs256IdTokenWithInvalidSignature() {
        assertIdTokenRejected(ProviderCase.honest("rp-id_token-bad-sig-es256").signedWith(Signing.ES256).withCorruptedSignature(),
                "ID_TOKEN_SIGNATURE_INVALID");
    }

    @Test
    @DisplayName("unknown kid: an ID token signed with a key the JWKS never publishes is rejected")
    void rejectsIdTokenSignedWithUnpublishedKey() {
        assertIdTokenRejected(ProviderCase.honest("rp-id_token-kid-unknown").withKeyId(KeyId.UNPUBLISHED),
                "ID_TOKEN_SIGNATURE_INVALID");
    }

    @Test
    @DisplayName("rp-id_token-sig-none: an unsigned (alg none) ID token is rejected")
    void rejectsUnsignedIdToken() {
        assertIdTokenRejected(ProviderCase.honest("rp-id_token-sig-none").signedWith(Signing.NONE),
                "ID_TOKEN_ALG_NOT_ALLOWED");
    }

    @Test
    @DisplayName("HS256 with a foreign secret: an HMAC ID token not keyed with the client secret is rejected")
    void rejectsHmacIdTokenWithForeignSecret() {
        // HS256 keyed with the client secret is allowed (issue 2), so the algorithm passes and the MAC fails.
        assertIdTokenRejected(ProviderCase.honest("rp-id_token-sig-hs256-foreign").signedWith(Signing.HS256_FOREIGN_SECRET),
                "ID_TOKEN_SIGNATURE_INVALID");
    }

    @Test
    @DisplayName("algorithm confusion: HS256 keyed with the provider's RSA public key is rejected")
    void rejectsHmacIdTokenKeyedWithProviderPublicKey() {
        assertIdTokenRejected(ProviderCase.honest("rp-id_token-alg-confusion").signedWith(Signing.HS256_KEYED_WITH_RSA_PUBLIC_KEY),
                "ID_TOKEN_SIGNATURE_INVALID");
    }

    @Test
    @DisplayName("wrong azp: an ID token authorised for another party is rejected")
    void rejectsIdTokenWithForeignAuthorizedParty() {
        assertIdTokenRejected(ProviderCase.honest("rp-id_token-azp").withIdToken(claims -> claims.claim("azp", "another-client")),
                "ID_TOKEN_AUDIENCE_INVALID");
    }

    @Test
    @DisplayName("no ID token: a token response without id_token fails the sign-in, UserInfo never called")
    void rejectsTokenResponseWithoutIdToken() {
        PortalBrowser browser = browser();
        SignInAttempt attempt = signIn(browser, ProviderCase.honest("rp-token-response-no-id_token").withoutIdToken());

        assertRejected(attempt, browser, "TOKEN_REQUEST_FAILED");
        assertThat(provider.traffic().count(Endpoint.USERINFO)).as("UserInfo calls; " + provider.describe()).isZero();
    }

    // ------------------------------------------------------------------ UserInfo and identity

    @Test
    @DisplayName("rp-userinfo-bad-sub-claim: UserInfo about another subject is rejected")
    void rejectsUserInfoAboutAnotherSubject() {
        PortalBrowser browser = browser();
        SignInAttempt attempt = signIn(browser,
                ProviderCase.honest("rp-userinfo-bad-sub-claim").withUserInfoSubject("vneid-someone-else"));

        assertRejected(attempt, browser, "USERINFO_SUBJECT_MISMATCH");
        assertThat(provider.traffic().count(Endpoint.USERINFO)).as("UserInfo calls; " + provider.describe()).isEqualTo(1);
    }

    @Test
    @DisplayName("UserInfo without sub is rejected (Core 1.0 §5.3.2: sub is always returned)")
    void rejectsUserInfoWithoutSubject() {
        PortalBrowser browser = browser();
        SignInAttempt attempt = signIn(browser, ProviderCase.honest("rp-userinfo-sub-missing").withoutUserInfoSubject());

        assertRejected(attempt, browser, "USERINFO_SUBJECT_MISMATCH");
    }

    @Test
    @DisplayName("invalid personal ID: a citizenPid with an unknown province code is refused")
    void rejectsIdentityWithInvalidPersonalId() {
        PortalBrowser browser = browser();
        SignInAttempt attempt = signIn(browser, ProviderCase.honest("identity-invalid-pid")
                .vouchingFor(Citizen.NGUYEN_VAN_AN.withPersonalId("000085012345")));

        assertRejected(attempt, browser, "IDENTITY_INVALID");
    }

    @Test
    @DisplayName("inconsistent identity: a birth date contradicting the personal ID's year digits is refused")
    void rejectsIdentityWhoseBirthDateContradictsPersonalId() {
        PortalBrowser browser = browser();
        SignInAttempt attempt = signIn(browser, ProviderCase.honest("identity-inconsistent-birth-year")
                .vouchingFor(Citizen.NGUYEN_VAN_AN.withBirthDate(LocalDate.of(1990, 3, 12))));

        assertRejected(attempt, browser, "IDENTITY_INVALID");
    }

    // ------------------------------------------------------------------ step-up to level 2

    @Test
    @DisplayName("step-up honoured: a level-1 session opening a level-2 service asks for loa:2 + prompt=login and gets level 2")
    void stepUpToLevelTwoWhenProviderHonoursIt() {
        Citizen levelOne = Citizen.NGUYEN_VAN_AN.withAccountLevel(1);
        PortalBrowser browser = browser();
        assertSignedIn(signIn(browser, ProviderCase.honest("step-up-first-sign-in").vouchingFor(levelOne)), browser, levelOne);

        provider.behave(ProviderCase.honest("step-up-honoured").vouchingFor(Citizen.NGUYEN_VAN_AN));
        SignInAttempt stepUp = browser.signInFrom("/services/open?code=" + LEVEL_TWO_SERVICE);

        assertStepUpRequested(stepUp);
        assertThat(stepUp.reachedCallback()).as("step-up reached /callback; " + stepUp).isTrue();
        assertThat(stepUp.finalResponse().statusCode()).as("step-up callback; " + stepUp + "\n" + provider.describe()).isEqualTo(302);
        assertThat(assuranceLevelOf(browser)).as("assurance level after the step-up").isEqualTo(2);
        HttpResponse<String> reopen = browser.get("/services/open?code=" + LEVEL_TWO_SERVICE);
        assertThat(reopen.headers().firstValue("Location").orElse(""))
                .as("a level-2 session opens the service without another step-up").doesNotContain("/login");
    }

    @Test
    @DisplayName("step-up refused: the provider still vouches for level 1, the portal answers 403 STEP_UP_REFUSED")
    void refusesStepUpWhenProviderStillReturnsLevelOne() {
        Citizen levelOne = Citizen.NGUYEN_VAN_AN.withAccountLevel(1);
        PortalBrowser browser = browser();
        assertSignedIn(signIn(browser, ProviderCase.honest("step-up-first-sign-in").vouchingFor(levelOne)), browser, levelOne);

        provider.behave(ProviderCase.honest("step-up-ignored").vouchingFor(levelOne));
        SignInAttempt stepUp = browser.signInFrom("/services/open?code=" + LEVEL_TWO_SERVICE);

        assertStepUpRequested(stepUp);
        ErrorPage page = stepUp.errorPage();
        String context = stepUp + "\n" + provider.describe();
        assertThat(page.status()).as("status; " + context).isEqualTo(403);
        assertThat(page.errorCode()).as("data-error-code; " + context).contains("STEP_UP_REFUSED");
        assertThat(page.correlationId()).as("data-correlation-id; " + context).isPresent();
        assertThat(page.leaksInternals()).as("no stack trace; " + context).isFalse();
        assertThat(audit.byCorrelationId(page.correlationId().orElseThrow()))
                .as("audit rows for the refused step-up")
                .anySatisfy(event -> assertThat(List.of(event.eventType(), String.valueOf(event.reason()))).contains("STEP_UP_REFUSED"));
        if (browser.me().statusCode() == 200) {
            assertThat(assuranceLevelOf(browser)).as("a refused step-up never raises the session's level").isEqualTo(1);
        }
    }

    @Test
    @DisplayName("step-up failed at the provider: error=unmet_authentication_requirements gives 403 STEP_UP_REFUSED")
    void refusesStepUpWhenProviderCannotMeetTheLevel() {
        Citizen levelOne = Citizen.NGUYEN_VAN_AN.withAccountLevel(1);
        PortalBrowser browser = browser();
        assertSignedIn(signIn(browser, ProviderCase.honest("step-up-first-sign-in").vouchingFor(levelOne)), browser, levelOne);

        // OpenID Connect Core 1.0 §3.1.2.6 / the acr error of OpenID Connect Core errata: the level cannot be met.
        provider.behave(ProviderCase.honest("step-up-unmet").vouchingFor(levelOne)
                .withAuthorizationError("unmet_authentication_requirements"));
        SignInAttempt stepUp = browser.signInFrom("/services/open?code=" + LEVEL_TWO_SERVICE);

        assertStepUpRequested(stepUp);
        ErrorPage page = stepUp.errorPage();
        String context = stepUp + "\n" + provider.describe();
        assertThat(page.status()).as("status; " + context).isEqualTo(403);
        assertThat(page.errorCode()).as("data-error-code; " + context).contains("STEP_UP_REFUSED");
        assertThat(page.correlationId()).as("data-correlation-id; " + context).isPresent();
        assertThat(provider.traffic().count(Endpoint.TOKEN)).as("token requests; " + context).isZero();
    }

    private static void assertStepUpRequested(SignInAttempt stepUp) {
        Map<String, List<String>> authorization = stepUp.authorizationRequest();
        assertThat(authorization.get("acr_values")).as("acr_values of the step-up; " + stepUp).containsExactly("urn:vneid:loa:2");
        assertThat(authorization.get("prompt")).as("prompt of the step-up; " + stepUp).containsExactly("login");
    }

    // ------------------------------------------------------------------ authorization response

    @Test
    @DisplayName("RFC 9207: an authorization response with another iss is rejected before the code is redeemed")
    void rejectsAuthorizationResponseFromAnotherIssuer() {
        assertAuthorizationResponseRejected(ProviderCase.honest("rp-authz-response-iss-wrong")
                .withAuthorizationIssuer(AuthorizationIssuer.WRONG), "AUTHZ_RESPONSE_ISSUER_MISMATCH");
    }

    @Test
    @DisplayName("RFC 9207: an authorization response without iss, though advertised, is rejected")
    void rejectsAuthorizationResponseWithoutIssuerWhenAdvertised() {
        assertAuthorizationResponseRejected(ProviderCase.honest("rp-authz-response-iss-missing")
                .withAuthorizationIssuer(AuthorizationIssuer.ABSENT), "AUTHZ_RESPONSE_ISSUER_MISMATCH");
    }

    @Test
    @DisplayName("wrong state: an authorization response with a forged state is rejected")
    void rejectsAuthorizationResponseWithWrongState() {
        assertAuthorizationResponseRejected(ProviderCase.honest("rp-state-wrong")
                .withAuthorizationState(AuthorizationState.WRONG), "STATE_MISMATCH");
    }

    @Test
    @DisplayName("missing state: an authorization response without state is rejected")
    void rejectsAuthorizationResponseWithoutState() {
        assertAuthorizationResponseRejected(ProviderCase.honest("rp-state-missing")
                .withAuthorizationState(AuthorizationState.ABSENT), "STATE_MISSING");
    }

    @Test
    @DisplayName("provider error: error=server_error on the callback gives a clear page, no token request")
    void rejectsAuthorizationErrorResponse() {
        assertAuthorizationResponseRejected(ProviderCase.honest("rp-authz-error")
                .withAuthorizationError("server_error"), "PROVIDER_ERROR");
    }

    @Test
    @DisplayName("cancelled: error=access_denied on the callback is a cancelled sign-in, no token request")
    void rejectsSignInCancelledAtProvider() {
        assertAuthorizationResponseRejected(ProviderCase.honest("rp-authz-cancelled")
                .withAuthorizationError("access_denied"), "SIGN_IN_CANCELLED");
    }

    @Test
    @DisplayName("replayed code: a code already redeemed is refused by the provider and the sign-in fails")
    void rejectsReplayedAuthorizationCode() {
        PortalBrowser first = browser();
        assertSignedIn(signIn(first, ProviderCase.honest("replay-first-use")), first, Citizen.NGUYEN_VAN_AN);

        PortalBrowser second = browser();
        SignInAttempt replay = signIn(second, ProviderCase.honest("rp-code-replay").replayingEarlierCode());

        assertRejected(replay, second, "TOKEN_REQUEST_FAILED");
        assertThat(provider.traffic().count(Endpoint.TOKEN)).as("token requests; " + provider.describe()).isEqualTo(1);
        assertThat(provider.traffic().count(Endpoint.USERINFO)).as("UserInfo calls; " + provider.describe()).isZero();
    }

    @Test
    @DisplayName("slow provider: a token endpoint that stalls past the portal's timeout gives PROVIDER_UNAVAILABLE")
    void rejectsSignInWhenTokenEndpointTimesOut() {
        PortalBrowser browser = browser();
        SignInAttempt attempt = signIn(browser, ProviderCase.honest("provider-slow-token").withStalledTokenEndpoint());

        assertRejected(attempt, browser, "PROVIDER_UNAVAILABLE");
        assertThat(provider.traffic().count(Endpoint.USERINFO)).as("UserInfo calls; " + provider.describe()).isZero();
    }

    // ------------------------------------------------------------------ bad input on the callback

    @Test
    @DisplayName("callback with no sign-in in progress is refused")
    void rejectsCallbackWithoutSignInInProgress() {
        provider.behave(ProviderCase.honest("callback-without-sign-in"));
        PortalBrowser browser = browser();
        HttpResponse<String> response = browser.callback("code=" + UUID.randomUUID() + "&state=" + UUID.randomUUID()
                + "&iss=" + provider.issuer());

        assertErrorPage(ErrorPage.of(response), browser, "NO_SIGN_IN_IN_PROGRESS");
        assertThat(provider.traffic().count(Endpoint.TOKEN)).as("token requests").isZero();
    }

    @Test
    @DisplayName("oversized callback parameter is refused as malformed (400)")
    void rejectsOversizedCallbackParameters() {
        provider.behave(ProviderCase.honest("callback-oversized"));
        PortalBrowser browser = browser();
        String state = startSignInOnly(browser).get("state").get(0);
        HttpResponse<String> response = browser.callback("code=" + "A".repeat(6000) + "&state=" + state + "&iss=" + provider.issuer());

        ErrorPage page = assertErrorPage(ErrorPage.of(response), browser, "MALFORMED_CALLBACK");
        assertThat(page.status()).as("status for malformed input").isEqualTo(400);
        assertThat(provider.traffic().count(Endpoint.TOKEN)).as("token requests").isZero();
    }

    @Test
    @DisplayName("callback without code (and without error) is refused as malformed (400)")
    void rejectsCallbackWithoutCode() {
        provider.behave(ProviderCase.honest("callback-without-code"));
        PortalBrowser browser = browser();
        String state = startSignInOnly(browser).get("state").get(0);
        HttpResponse<String> response = browser.callback("state=" + state + "&iss=" + provider.issuer());

        ErrorPage page = assertErrorPage(ErrorPage.of(response), browser, "MALFORMED_CALLBACK");
        assertThat(page.status()).as("status for malformed input").isEqualTo(400);
        assertThat(provider.traffic().count(Endpoint.TOKEN)).as("token requests").isZero();
    }

    @Test
    @DisplayName("repeated callback parameter is refused as malformed (RFC 6749 §3.1)")
    void rejectsRepeatedCallbackParameters() {
        provider.behave(ProviderCase.honest("callback-repeated-parameter"));
        PortalBrowser browser = browser();
        String state = startSignInOnly(browser).get("state").get(0);
        HttpResponse<String> response = browser.callback("code=one&code=two&state=" + state + "&iss=" + provider.issuer());

        ErrorPage page = assertErrorPage(ErrorPage.of(response), browser, "MALFORMED_CALLBACK");
        assertThat(page.status()).as("status for malformed input").isEqualTo(400);
        assertThat(provider.traffic().count(Endpoint.TOKEN)).as("token requests").isZero();
    }

    // ------------------------------------------------------------------ back-channel logout

    @Test
    @DisplayName("back-channel logout: a valid logout token ends that session (200, no-store)")
    void validLogoutTokenEndsTheSessionOfItsSid() {
        PortalBrowser citizen = browser();
        assertSignedIn(signIn(citizen, ProviderCase.honest("backchannel-valid")), citizen, Citizen.NGUYEN_VAN_AN);
        Grant grant = provider.lastIssuedGrant();
        assertThat(audit.sessionsOfProviderSid(grant.sid())).as("portal_session rows of sid " + grant.sid() + " after sign-in")
                .isEqualTo(new AuditTrail.SessionRows(1, 0));
        int acceptedBefore = audit.count(BACKCHANNEL_ACCEPTED);

        HttpResponse<String> response = postLogoutToken(provider.logoutToken(grant, Signing.RS256, UnaryOperator.identity()));

        assertThat(response.statusCode()).as("back-channel logout status; body " + response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control").orElse("")).as("Cache-Control").contains("no-store");
        assertThat(citizen.me().statusCode()).as("/api/me after back-channel logout").isEqualTo(401);
        assertThat(audit.count(BACKCHANNEL_ACCEPTED)).as(BACKCHANNEL_ACCEPTED + " rows").isEqualTo(acceptedBefore + 1);
        assertThat(audit.sessionsOfProviderSid(grant.sid())).as("portal_session rows of sid " + grant.sid())
                .isEqualTo(new AuditTrail.SessionRows(0, 1));
    }

    @Test
    @DisplayName("back-channel logout: a token naming only sub ends every session of that subject")
    void logoutTokenWithOnlySubjectEndsAllSessionsOfThatSubject() {
        PortalBrowser phone = browser();
        assertSignedIn(signIn(phone, ProviderCase.honest("backchannel-sub-only-phone")), phone, Citizen.NGUYEN_VAN_AN);
        PortalBrowser laptop = browser();
        assertSignedIn(signIn(laptop, ProviderCase.honest("backchannel-sub-only-laptop")), laptop, Citizen.NGUYEN_VAN_AN);
        Grant grant = provider.lastIssuedGrant();

        // Back-Channel Logout 1.0 §2.4: sid is optional; with sub alone the RP ends all of that subject's sessions.
        HttpResponse<String> response = postLogoutToken(provider.logoutToken(grant, Signing.RS256, claims -> claims.claim("sid", null)));

        assertThat(response.statusCode()).as("back-channel logout status; body " + abbreviate(response.body())).isEqualTo(200);
        assertThat(phone.me().statusCode()).as("/api/me of the first browser").isEqualTo(401);
        assertThat(laptop.me().statusCode()).as("/api/me of the second browser").isEqualTo(401);
    }

    @Test
    @DisplayName("back-channel logout: alg none is refused (400)")
    void refusesUnsignedLogoutToken() {
        assertLogoutTokenRefused("backchannel-alg-none", grant -> provider.logoutToken(grant, Signing.NONE, UnaryOperator.identity()));
    }

    @Test
    @DisplayName("back-channel logout: a broken signature is refused (400)")
    void refusesLogoutTokenWithInvalidSignature() {
        assertLogoutTokenRefused("backchannel-bad-sig",
                grant -> HostileProvider.corruptSignature(provider.logoutToken(grant, Signing.RS256, UnaryOperator.identity())));
    }

    @Test
    @DisplayName("back-channel logout: no events claim is refused (400)")
    void refusesLogoutTokenWithoutEvents() {
        assertLogoutTokenRefused("backchannel-no-events",
                grant -> provider.logoutToken(grant, Signing.RS256, claims -> claims.claim("events", null)));
    }

    @Test
    @DisplayName("back-channel logout: a nonce is refused (400)")
    void refusesLogoutTokenWithNonce() {
        assertLogoutTokenRefused("backchannel-nonce",
                grant -> provider.logoutToken(grant, Signing.RS256, claims -> claims.claim("nonce", "n-" + UUID.randomUUID())));
    }

    @Test
    @DisplayName("back-channel logout: another audience is refused (400)")
    void refusesLogoutTokenForAnotherAudience() {
        assertLogoutTokenRefused("backchannel-wrong-aud",
                grant -> provider.logoutToken(grant, Signing.RS256, claims -> claims.audience("another-client")));
    }

    @Test
    @DisplayName("back-channel logout: an untrusted extra audience is refused (400)")
    void refusesLogoutTokenWithUntrustedExtraAudience() {
        assertLogoutTokenRefused("backchannel-extra-aud", grant -> provider.logoutToken(grant, Signing.RS256,
                claims -> claims.audience(List.of(HostileProvider.CLIENT_ID, "untrusted-client"))));
    }

    @Test
    @DisplayName("back-channel logout: another issuer is refused (400)")
    void refusesLogoutTokenFromAnotherIssuer() {
        assertLogoutTokenRefused("backchannel-wrong-iss",
                grant -> provider.logoutToken(grant, Signing.RS256, claims -> claims.issuer(FOREIGN_ISSUER)));
    }

    @Test
    @DisplayName("back-channel logout: another event URI is refused (400)")
    void refusesLogoutTokenWithWrongEvent() {
        assertLogoutTokenRefused("backchannel-wrong-event", grant -> provider.logoutToken(grant, Signing.RS256,
                claims -> claims.claim("events", Map.of("http://schemas.openid.net/event/not-a-logout", Map.of()))));
    }

    @Test
    @DisplayName("back-channel logout: neither sub nor sid is refused (400)")
    void refusesLogoutTokenWithoutSubjectOrSid() {
        assertLogoutTokenRefused("backchannel-no-sub-no-sid",
                grant -> provider.logoutToken(grant, Signing.RS256, claims -> claims.subject(null).claim("sid", null)));
    }

    @Test
    @DisplayName("back-channel logout: an expired logout token is refused (400)")
    void refusesExpiredLogoutToken() {
        Instant now = Instant.now();
        assertLogoutTokenRefused("backchannel-expired", grant -> provider.logoutToken(grant, Signing.RS256, claims -> claims
                .issueTime(Date.from(now.minusSeconds(1200))).expirationTime(Date.from(now.minusSeconds(900)))));
    }

    @Test
    @DisplayName("open redirect: a foreign return target given to /login never leaves the portal")
    void signInNeverRedirectsToAForeignReturnTarget() {
        for (String foreign : List.of("http://127.0.0.1:18099/phish", "//127.0.0.1:18099/phish", "/\\127.0.0.1:18099/phish",
                "https:127.0.0.1:18099")) {
            provider.behave(ProviderCase.honest("open-redirect"));
            PortalBrowser browser = browser();
            SignInAttempt attempt = browser.signInFrom("/login?return=" + URLEncoder.encode(foreign, StandardCharsets.UTF_8));

            assertSignedInWithoutDestinationCheck(attempt, browser);
            URI landing = browser.portal().resolve(attempt.callbackLocation().orElseThrow());
            assertThat(landing.getHost() + ":" + landing.getPort()).as("landing after sign-in with return=" + foreign)
                    .isEqualTo(browser.portal().getHost() + ":" + browser.portal().getPort());
            assertThat(landing.getPath()).as("landing path with return=" + foreign).doesNotStartWith("//");
        }
    }

    // ------------------------------------------------------------------ RP-initiated logout

    @Test
    @DisplayName("RP-initiated logout: POST /logout ends the portal session and sends the browser to end_session with id_token_hint")
    void rpInitiatedLogoutEndsPortalAndProviderSessions() throws ParseException {
        PortalBrowser browser = browser();
        assertSignedIn(signIn(browser, ProviderCase.honest("rp-initiated-logout")), browser, Citizen.NGUYEN_VAN_AN);
        Grant grant = provider.lastIssuedGrant();

        HttpResponse<String> logout = browser.postForm("/logout", Map.of("csrf", csrfTokenOf(browser)));

        assertThat(logout.statusCode()).as("POST /logout; body " + abbreviate(logout.body())).isEqualTo(302);
        URI endSession = URI.create(logout.headers().firstValue("Location").orElseThrow());
        assertThat(endSession.toString()).as("redirect to the provider's end_session_endpoint").startsWith(provider.issuer() + "/logout");
        assertThat(browser.me().statusCode()).as("/api/me after logout").isEqualTo(401);
        assertThat(audit.sessionsOfProviderSid(grant.sid())).as("portal_session rows of sid " + grant.sid())
                .isEqualTo(new AuditTrail.SessionRows(0, 1));

        HttpResponse<String> atProvider = browser.get(endSession.toString());
        assertThat(atProvider.statusCode()).as("provider end-session answer").isIn(200, 302);
        Map<String, List<String>> request = provider.lastEndSessionRequest();
        assertThat(request).as("RP-Initiated Logout 1.0 §2 parameters").containsKeys("id_token_hint", "post_logout_redirect_uri");
        JWTClaimsSet hint = JWTParser.parse(request.get("id_token_hint").get(0)).getJWTClaimsSet();
        assertThat(hint.getStringClaim("sid")).as("id_token_hint is the ID token of this session").isEqualTo(grant.sid());
        assertThat(request.get("post_logout_redirect_uri").get(0)).as("post-logout redirect stays on the portal")
                .startsWith(browser.portal().toString());
    }

    @Test
    @DisplayName("CSRF: POST /logout without the page's token is refused (403) and the session survives")
    void refusesLogoutWithoutCsrfToken() {
        PortalBrowser browser = browser();
        assertSignedIn(signIn(browser, ProviderCase.honest("logout-csrf-missing")), browser, Citizen.NGUYEN_VAN_AN);

        HttpResponse<String> missing = browser.postForm("/logout", Map.of());
        HttpResponse<String> forged = browser.postForm("/logout", Map.of("csrf", "forged-" + UUID.randomUUID()));

        assertThat(missing.statusCode()).as("POST /logout without csrf").isEqualTo(403);
        assertThat(forged.statusCode()).as("POST /logout with a forged csrf").isEqualTo(403);
        assertThat(browser.me().statusCode()).as("the session survives a cross-site logout attempt").isEqualTo(200);
    }

    // ------------------------------------------------------------------ key rotation (last: it changes the keys)

    @Test
    @Order(Integer.MAX_VALUE - 1)
    @DisplayName("unusable JWKS entries (Ed25519, use=enc, unknown kty) are skipped, the usable key still verifies")
    void ignoresUnusableKeysInJwks() {
        // A new kid forces the portal to refetch the JWKS, this time with the unusable entries in it.
        provider.rotateSigningKey();
        PortalBrowser browser = browser();
        SignInAttempt attempt = signIn(browser, ProviderCase.honest("rp-jwks-unusable-keys").withUnusableKeysInJwks());

        assertSignedIn(attempt, browser, Citizen.NGUYEN_VAN_AN);
        assertThat(provider.traffic().count(Endpoint.JWKS)).as("JWKS refetched; " + provider.describe()).isGreaterThanOrEqualTo(1);
    }

    @Test
    @Order(Integer.MAX_VALUE)
    @DisplayName("rp-key-rotation-op-sign-key: after the provider rotates to a new kid, sign-in works after a JWKS refetch")
    void acceptsIdTokenSignedWithRotatedKeyAfterRefetchingJwks() {
        PortalBrowser before = browser();
        assertSignedIn(signIn(before, ProviderCase.honest("rp-key-rotation-before")), before, Citizen.NGUYEN_VAN_AN);
        String oldKid = provider.currentRsaKeyId();

        String newKid = provider.rotateSigningKey();
        PortalBrowser after = browser();
        SignInAttempt attempt = signIn(after, ProviderCase.honest("rp-key-rotation-op-sign-key"));

        assertThat(newKid).isNotEqualTo(oldKid);
        assertSignedIn(attempt, after, Citizen.NGUYEN_VAN_AN);
        assertThat(provider.traffic().count(Endpoint.JWKS)).as("JWKS refetched for the unknown kid; " + provider.describe())
                .isGreaterThanOrEqualTo(1);
    }

    // ------------------------------------------------------------------ helpers

    private static PortalBrowser browser() {
        return new PortalBrowser(ItSettings.portal());
    }

    private static SignInAttempt signIn(PortalBrowser browser, ProviderCase providerCase) {
        provider.behave(providerCase);
        return browser.signIn();
    }

    /** GET /login only: the portal has stored a sign-in in progress; returns the authorization request. */
    private static Map<String, List<String>> startSignInOnly(PortalBrowser browser) {
        HttpResponse<String> login = browser.get("/login");
        assertThat(login.statusCode()).as("/login starts the sign-in with a redirect").isEqualTo(302);
        URI authorize = URI.create(login.headers().firstValue("Location").orElseThrow());
        return URLUtils.parseParameters(authorize.getRawQuery());
    }

    private static void assertSignedIn(SignInAttempt attempt, PortalBrowser browser, Citizen citizen) {
        String context = attempt + "\n" + provider.describe();
        assertThat(provider.complaints()).as("protocol violations seen by the provider; " + context).isEmpty();
        assertThat(attempt.reachedCallback()).as("reached /callback; " + context).isTrue();
        assertThat(attempt.finalResponse().statusCode()).as("callback status; " + context).isEqualTo(302);
        assertThat(attempt.callbackLocation().map(location -> browser.portal().resolve(location).getPath()))
                .as("callback redirects to the dashboard; " + context).contains("/dashboard");

        HttpResponse<String> me = browser.me();
        Map<String, Object> json = meJson(me);
        assertThat(json.get("personalIdMasked")).as("masked personal ID").isEqualTo(citizen.maskedPersonalId());
        assertThat(json.get("fullName")).as("full name, NFC").isEqualTo(Normalizer.normalize(citizen.fullName(), Normalizer.Form.NFC));
        assertThat(((Number) json.get("assuranceLevel")).intValue()).as("assurance level").isEqualTo(citizen.accountLevel());
        assertThat(me.body()).as("/api/me never carries the full personal ID").doesNotContain(citizen.personalId());
        assertThat(json.get("roles")).as("roles of a citizen without staff grants").isInstanceOf(List.class);
    }

    private static Map<String, Object> meJson(HttpResponse<String> me) {
        assertThat(me.statusCode()).as("/api/me of a signed-in browser; body " + me.body()).isEqualTo(200);
        try {
            return JSONObjectUtils.parse(me.body());
        } catch (ParseException e) {
            throw new AssertionError("/api/me is not a JSON object: " + me.body(), e);
        }
    }

    private static int assuranceLevelOf(PortalBrowser browser) {
        return ((Number) meJson(browser.me()).get("assuranceLevel")).intValue();
    }

    private static void assertSignedInWithoutDestinationCheck(SignInAttempt attempt, PortalBrowser browser) {
        String context = attempt + "\n" + provider.describe();
        assertThat(attempt.reachedCallback()).as("reached /callback; " + context).isTrue();
        assertThat(attempt.finalResponse().statusCode()).as("callback status; " + context).isEqualTo(302);
        assertThat(browser.me().statusCode()).as("/api/me after sign-in").isEqualTo(200);
    }

    /** An ID token the portal must refuse: never reaching UserInfo. */
    private static void assertIdTokenRejected(ProviderCase providerCase, String expectedCode) {
        PortalBrowser browser = browser();
        SignInAttempt attempt = signIn(browser, providerCase);

        assertRejected(attempt, browser, expectedCode);
        assertThat(provider.traffic().count(Endpoint.TOKEN)).as("token requests; " + provider.describe()).isEqualTo(1);
        assertThat(provider.traffic().count(Endpoint.USERINFO))
                .as("UserInfo must not be called for a rejected ID token; " + provider.describe()).isZero();
        assertNoSessionRecorded(provider.lastIssuedGrant());
    }

    /** An authorization response the portal must refuse before redeeming its code. */
    private static void assertAuthorizationResponseRejected(ProviderCase providerCase, String expectedCode) {
        PortalBrowser browser = browser();
        SignInAttempt attempt = signIn(browser, providerCase);

        assertRejected(attempt, browser, expectedCode);
        assertThat(provider.traffic().count(Endpoint.TOKEN))
                .as("the code of a refused authorization response must not be redeemed; " + provider.describe()).isZero();
        if (providerCase.authorizationError() == null) {
            assertNoSessionRecorded(provider.lastIssuedGrant());
        }
    }

    /** Database-level evidence of "no session": nothing in portal_session for the provider session of the attempt. */
    private static void assertNoSessionRecorded(Grant grant) {
        assertThat(audit.sessionsOfProviderSid(grant.sid()).total()).as("portal_session rows for sid " + grant.sid()).isZero();
    }

    private static void assertRejected(SignInAttempt attempt, PortalBrowser browser, String expectedCode) {
        assertThat(attempt.reachedCallback()).as("reached /callback; " + attempt + "\n" + provider.describe()).isTrue();
        assertErrorPage(attempt.errorPage(), browser, expectedCode);
    }

    private static ErrorPage assertErrorPage(ErrorPage page, PortalBrowser browser, String expectedCode) {
        String context = "status " + page.status() + ", body: " + abbreviate(page.body()) + "\n" + provider.describe();
        if ("PROVIDER_UNAVAILABLE".equals(expectedCode)) {
            // An outage is not the citizen's fault: a gateway status is as right as the contract's 401.
            assertThat(page.status()).as("rejection status for an outage; " + context).isIn(401, 502, 503, 504);
        } else {
            assertThat(page.status()).as("rejection status (401, or 400 for malformed input); " + context).isIn(400, 401);
        }
        assertThat(page.errorCode()).as("data-error-code; " + context).contains(expectedCode);
        assertThat(page.correlationId()).as("data-correlation-id; " + context).isPresent();
        assertThat(page.leaksInternals()).as("error page shows no stack trace; " + context).isFalse();
        assertThat(browser.me().statusCode()).as("/api/me after a rejected sign-in").isEqualTo(401);

        List<AuditTrail.Event> events = audit.byCorrelationId(page.correlationId().orElseThrow());
        assertThat(events).as("audit events with correlation id " + page.correlationId().get())
                .contains(new AuditTrail.Event(SIGN_IN_REJECTED, "FAILURE", expectedCode, page.correlationId().get().toString()));
        return page;
    }

    private static void assertLogoutTokenRefused(String caseName, Function<Grant, String> logoutToken) {
        PortalBrowser citizen = browser();
        assertSignedIn(signIn(citizen, ProviderCase.honest(caseName)), citizen, Citizen.NGUYEN_VAN_AN);
        Grant grant = provider.lastIssuedGrant();
        int rejectedBefore = audit.count(BACKCHANNEL_REJECTED);

        HttpResponse<String> response = postLogoutToken(logoutToken.apply(grant));

        assertThat(response.statusCode()).as(caseName + ": back-channel logout status; body " + abbreviate(response.body()))
                .isEqualTo(400);
        assertThat(citizen.me().statusCode()).as(caseName + ": the session survives a refused logout token").isEqualTo(200);
        assertThat(audit.sessionsOfProviderSid(grant.sid()).live()).as(caseName + ": live portal_session rows of the sid").isEqualTo(1);
        assertThat(audit.count(BACKCHANNEL_REJECTED)).as(caseName + ": " + BACKCHANNEL_REJECTED + " rows").isEqualTo(rejectedBefore + 1);
    }

    /** The provider's server-to-server POST: no browser cookies (Back-Channel Logout 1.0 §2.5). */
    private static HttpResponse<String> postLogoutToken(String logoutToken) {
        return browser().postForm("/backchannel-logout", Map.of("logout_token", logoutToken));
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 600 ? body.substring(0, 600) + "…" : body;
    }
}
