package vn.portal.interop;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.util.URLUtils;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real portal WAR, deployed unchanged on Payara Micro, signs a citizen in through NAV's mock-oauth2-server: a
 * provider with its own URL layout (an issuer id in every path), its own endpoint names ({@code /endsession},
 * {@code /jwks}) and its own claim names ({@code SoDinhDanh}, {@code HoVaTen}, {@code NgaySinh}, {@code GioiTinh},
 * {@code MucDinhDanh}). The portal learns all of it from discovery and from {@code PORTAL_OIDC_*} (pom.xml); if any
 * of these cases needs a code change in the portal, the portal depends on the sandbox's quirks.
 */
@ExtendWith({ThirdPartyProviderExtension.class, ArquillianExtension.class})
class MockOAuth2ServerInteropIT {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final Pattern BASE64URL_SHA256 = Pattern.compile("[A-Za-z0-9_-]{43}");
    /** "Cấp phiếu lý lịch tư pháp", minimum level 2 in the demo data (PORTAL_DEMO_DATA=true). */
    private static final String LEVEL_TWO_SERVICE = "BTP-LLTP";

    /** Set by {@link ThirdPartyProviderExtension} before the deployment. */
    private static ThirdPartyProvider provider;
    /** The provider's discovery document as it serves it (OpenID Connect Discovery 1.0 §4). */
    private static Map<String, Object> discovery;

    @Deployment(testable = false)
    static WebArchive portal() {
        // Renamed ROOT.war so Payara Micro serves it at context root "/", where PORTAL_BASE_URL expects it.
        WebArchive built = ShrinkWrap.createFromZipFile(WebArchive.class, InteropSettings.portalWar());
        return ShrinkWrap.create(WebArchive.class, "ROOT.war").merge(built);
    }

    @BeforeAll
    static void portalDeployedAndProviderDiscoverable() throws Exception {
        // The Micro connector does not notice a failed deployment; every case would otherwise fail on a 404.
        int landing = new Browser(InteropSettings.portal()).get("/").statusCode();
        if (landing == 404) {
            throw new IllegalStateException("portal-web is not deployed on Payara Micro (404 for /): the deployment "
                    + "error is in the Payara Micro log printed with this test's output");
        }
        HttpResponse<String> document = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(provider.discoveryUri()).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(document.statusCode()).as("mock-oauth2-server discovery").isEqualTo(200);
        discovery = JSONObjectUtils.parse(document.body());
    }

    @BeforeEach
    void standingCitizenAndNoEarlierTraffic() {
        provider.vouchFor(ProviderCitizen.NGUYEN_VAN_AN);
        provider.takeRecordedRequests();
    }

    @Test
    @DisplayName("the provider under test is not the sandbox: an issuer with a path, endpoints of its own naming")
    void providerUnderTestHasItsOwnLayout() {
        // Discovery 1.0 §4.3: the issuer the document declares is the one it was fetched for, path included.
        assertThat(discovery.get("issuer")).isEqualTo(provider.issuer().toString());
        assertThat(provider.issuer().getPath()).isEqualTo("/" + InteropSettings.issuerId());
        assertThat((String) discovery.get("authorization_endpoint")).startsWith(provider.issuer() + "/");
        assertThat((String) discovery.get("end_session_endpoint")).isEqualTo(provider.issuer() + "/endsession");
        assertThat(discovery.get("code_challenge_methods_supported")).asInstanceOf(InstanceOfAssertFactories.LIST).contains("S256");
        // Nothing the portal could use for RFC 9207's iss parameter: the portal must not insist on it.
        assertThat(discovery).doesNotContainKey("authorization_response_iss_parameter_supported");
    }

    @Test
    @DisplayName("a complete sign-in maps the provider's own claim names to the citizen shown by /api/me")
    void signsInThroughTheThirdPartyProviderWithRenamedClaims() throws Exception {
        Browser browser = new Browser(InteropSettings.portal());

        SignIn signIn = signIn(browser);

        assertThat(signIn.finalResponse().statusCode()).as("callback answer%s", signIn).isEqualTo(302);
        assertThat(signIn.finalResponse().headers().firstValue("Location")).as("callback answer%s", signIn)
                .hasValueSatisfying(location -> assertThat(URI.create(location).getPath()).isEqualTo("/dashboard"));
        HttpResponse<String> me = browser.getJson("/api/me");
        assertThat(me.statusCode()).as("/api/me after sign-in: %s", me.body()).isEqualTo(200);
        Map<String, Object> citizen = JSONObjectUtils.parse(me.body());
        assertThat(citizen.get("personalIdMasked")).isEqualTo("0010******45");
        assertThat(Normalizer.isNormalized((String) citizen.get("fullName"), Normalizer.Form.NFC)).isTrue();
        assertThat(citizen.get("fullName")).isEqualTo("Nguyễn Văn An");
        assertThat(((Number) citizen.get("assuranceLevel")).intValue()).isEqualTo(2);
        assertThat((List<?>) citizen.get("roles")).as("no staff grants in this database").isEmpty();

        HttpResponse<String> dashboard = browser.get("/dashboard");
        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.body()).contains("Nguyễn Văn An").contains("0010******45").doesNotContain("001085012345");
    }

    @Test
    @DisplayName("the portal speaks plain OpenID Connect to it: code flow, PKCE S256, state, nonce, client_secret_basic")
    void authorizationAndTokenRequestsAreStandard() throws Exception {
        Browser browser = new Browser(InteropSettings.portal());

        SignIn signIn = signIn(browser);

        assertThat(signIn.finalResponse().statusCode()).as("callback answer%s", signIn).isEqualTo(302);
        // OpenID Connect Core 1.0 §3.1.2.1 and RFC 7636 §4.3, as the provider received them.
        Map<String, List<String>> authorize = signIn.authorizationRequest();
        assertThat(single(authorize, "response_type")).isEqualTo("code");
        assertThat(single(authorize, "client_id")).isEqualTo(InteropSettings.clientId());
        assertThat(single(authorize, "redirect_uri")).isEqualTo(InteropSettings.portal().resolve("/callback").toString());
        assertThat(single(authorize, "scope").split(" ")).contains("openid");
        assertThat(single(authorize, "code_challenge_method")).isEqualTo("S256");
        String challenge = single(authorize, "code_challenge");
        assertThat(challenge).matches(BASE64URL_SHA256);
        String state = single(authorize, "state");
        assertThat(state).isNotBlank();
        assertThat(single(authorize, "nonce")).isNotBlank();
        // The provider answered the portal's redirect URI with the state it was given (RFC 6749 §4.1.2).
        Map<String, List<String>> response = signIn.authorizationResponse();
        assertThat(single(response, "state")).isEqualTo(state);
        String code = single(response, "code");

        // The back channel, as the provider saw it: the token request (RFC 6749 §4.1.3) authenticated with
        // client_secret_basic (§2.3.1) and carrying the PKCE verifier of that very challenge (RFC 7636 §4.5),
        // then UserInfo with the access token (OpenID Connect Core 1.0 §5.3.1).
        List<ProviderRequest> traffic = provider.takeRecordedRequests();
        ProviderRequest token = only(traffic, URI.create((String) discovery.get("token_endpoint")).getPath());
        assertThat(token.method()).isEqualTo("POST");
        ClientSecretBasic basic = ClientSecretBasic.parse(token.header("Authorization")
                .orElseThrow(() -> new AssertionError("token request without an Authorization header")));
        assertThat(basic.getClientID().getValue()).isEqualTo(InteropSettings.clientId());
        assertThat(basic.getClientSecret().getValue()).isEqualTo(InteropSettings.clientSecret());
        Map<String, List<String>> form = token.formParameters();
        assertThat(single(form, "grant_type")).isEqualTo("authorization_code");
        assertThat(single(form, "code")).isEqualTo(code);
        assertThat(single(form, "redirect_uri")).isEqualTo(single(authorize, "redirect_uri"));
        assertThat(form).doesNotContainKey("client_secret");
        String verifier = single(form, "code_verifier");
        assertThat(CodeChallenge.compute(CodeChallengeMethod.S256, new CodeVerifier(verifier)).getValue()).isEqualTo(challenge);
        ProviderRequest userInfo = only(traffic, URI.create((String) discovery.get("userinfo_endpoint")).getPath());
        assertThat(userInfo.header("Authorization")).hasValueSatisfying(h -> assertThat(h).startsWith("Bearer "));
        assertThat(traffic.indexOf(token)).as("token before UserInfo in %s", traffic).isLessThan(traffic.indexOf(userInfo));
    }

    @Test
    @DisplayName("RP-initiated logout ends the portal session and sends the browser to the provider's end_session_endpoint")
    void logoutRedirectsToTheProvidersEndSessionEndpoint() throws Exception {
        Browser browser = new Browser(InteropSettings.portal());
        SignIn signIn = signIn(browser);
        assertThat(signIn.finalResponse().statusCode()).as("callback answer%s", signIn).isEqualTo(302);
        HttpResponse<String> dashboard = browser.get("/dashboard");
        Matcher csrf = CSRF_FIELD.matcher(dashboard.body());
        assertThat(csrf.find()).as("the dashboard's logout form carries a csrf field").isTrue();

        HttpResponse<String> logout = browser.postForm("/logout", Map.of("csrf", csrf.group(1)));

        assertThat(logout.statusCode()).isEqualTo(302);
        URI endSession = URI.create(logout.headers().firstValue("Location")
                .orElseThrow(() -> new AssertionError("logout answered without a Location")));
        // OpenID Connect RP-Initiated Logout 1.0 §2: the endpoint the provider advertised, not one the portal guessed.
        assertThat(SignIn.withoutQuery(endSession).toString()).isEqualTo(discovery.get("end_session_endpoint"));
        Map<String, List<String>> parameters = URLUtils.parseParameters(endSession.getRawQuery());
        assertThat(single(parameters, "client_id")).isEqualTo(InteropSettings.clientId());
        assertThat(single(parameters, "post_logout_redirect_uri")).isEqualTo(InteropSettings.portal().resolve("/").toString());
        JWTClaimsSet hint = SignedJWT.parse(single(parameters, "id_token_hint")).getJWTClaimsSet();
        assertThat(hint.getIssuer()).isEqualTo(provider.issuer().toString());
        assertThat(hint.getSubject()).isEqualTo(ProviderCitizen.NGUYEN_VAN_AN.subject());
        assertThat(hint.getAudience()).contains(InteropSettings.clientId());
        assertThat(browser.getJson("/api/me").statusCode()).as("portal session after logout").isEqualTo(401);

        // The provider accepts the request and sends the browser back to the portal's post-logout page.
        List<Browser.Hop> back = browser.follow(endSession, uri -> false);
        assertThat(back.get(0).response().statusCode()).as("end-session hops %s", back).isEqualTo(302);
        assertThat(back.get(0).location()).as("end-session hops %s", back).hasValue(InteropSettings.portal().resolve("/"));
        assertThat(back.get(back.size() - 1).response().statusCode()).as("end-session hops %s", back).isEqualTo(200);
    }

    @Test
    @DisplayName("back-channel logout: a logout token signed with the provider's published key ends the citizen's session")
    void backChannelLogoutTokenSignedByTheProviderEndsTheSession() {
        Browser browser = new Browser(InteropSettings.portal());
        SignIn signIn = signIn(browser);
        assertThat(signIn.finalResponse().statusCode()).as("callback answer%s", signIn).isEqualTo(302);
        assertThat(browser.getJson("/api/me").statusCode()).isEqualTo(200);

        // The provider's server-to-server call: a separate client, no browser cookies.
        HttpResponse<String> answer = new Browser(InteropSettings.portal()).postForm("/backchannel-logout",
                Map.of("logout_token", provider.logoutToken(InteropSettings.clientId(), ProviderCitizen.NGUYEN_VAN_AN.subject())));

        // Back-Channel Logout 1.0 §2.8: 200 on success, never cached.
        assertThat(answer.statusCode()).as("back-channel logout answer: %s", answer.body()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        assertThat(browser.getJson("/api/me").statusCode()).as("portal session after back-channel logout").isEqualTo(401);
    }

    @Test
    @DisplayName("step-up: prompt=login brings up the provider's own sign-in form, and level 2 opens the level-2 service")
    void stepUpThroughTheProvidersOwnSignInForm() throws Exception {
        provider.vouchFor(ProviderCitizen.NGUYEN_VAN_AN.atLevel(1));
        Browser browser = new Browser(InteropSettings.portal());
        SignIn levelOne = signIn(browser);
        assertThat(levelOne.finalResponse().statusCode()).as("level-1 sign-in%s", levelOne).isEqualTo(302);
        assertThat(((Number) me(browser).get("assuranceLevel")).intValue()).isEqualTo(1);
        provider.vouchFor(ProviderCitizen.NGUYEN_VAN_AN);

        SignIn stepUp = stepUp(browser, LEVEL_TWO_SERVICE);

        assertThat(stepUp.finalResponse().statusCode()).as("step-up callback%s", stepUp).isEqualTo(302);
        URI landing = URI.create(stepUp.finalResponse().headers().firstValue("Location").orElseThrow());
        assertThat(landing.getPath()).isEqualTo("/service");
        assertThat(single(URLUtils.parseParameters(landing.getRawQuery()), "code")).isEqualTo(LEVEL_TWO_SERVICE);
        Map<String, Object> citizen = me(browser);
        assertThat(((Number) citizen.get("assuranceLevel")).intValue()).isEqualTo(2);
        assertThat(citizen.get("personalIdMasked")).isEqualTo("0010******45");
        assertThat(browser.get(landing.toString()).statusCode()).as("the level-2 service page").isEqualTo(200);
    }

    @Test
    @DisplayName("step-up refused with an explanation when the provider still vouches for level 1")
    void stepUpRefusedWhenTheProviderStillSaysLevelOne() throws Exception {
        provider.vouchFor(ProviderCitizen.NGUYEN_VAN_AN.atLevel(1));
        Browser browser = new Browser(InteropSettings.portal());
        SignIn levelOne = signIn(browser);
        assertThat(levelOne.finalResponse().statusCode()).as("level-1 sign-in%s", levelOne).isEqualTo(302);

        SignIn stepUp = stepUp(browser, LEVEL_TWO_SERVICE);

        assertThat(stepUp.finalResponse().statusCode()).as("step-up callback%s", stepUp).isEqualTo(403);
        assertThat(stepUp.finalResponse().body()).contains("data-error-code=\"STEP_UP_REFUSED\"")
                .containsPattern("data-correlation-id=\"[0-9a-f-]{36}\"");
    }

    @Test
    @DisplayName("readiness health reports the third-party provider's discovery as UP")
    void readinessSeesTheThirdPartyProvider() throws Exception {
        HttpResponse<String> health = new Browser(InteropSettings.portal()).getJson("/health/ready");

        assertThat(health.statusCode()).as("/health/ready: %s", health.body()).isEqualTo(200);
        Map<String, Object> report = JSONObjectUtils.parse(health.body());
        assertThat(report.get("status")).isEqualTo("UP");
        assertThat(health.body()).contains(provider.discoveryUri().toString());
    }

    private static SignIn signIn(Browser browser) {
        URI authorizationEndpoint = URI.create((String) discovery.get("authorization_endpoint"));
        List<Browser.Hop> hops = browser.follow(URI.create("/login"), uri -> browser.isPortal(uri, "/callback"));
        return new SignIn(hops, authorizationEndpoint);
    }

    /**
     * Opens a service from a signed-in browser, expects the portal to send it to the provider for a fresh
     * authentication, and signs in at the provider's own form (which posts back to the URL it was served from).
     */
    private static SignIn stepUp(Browser browser, String service) {
        URI authorizationEndpoint = URI.create((String) discovery.get("authorization_endpoint"));
        List<Browser.Hop> toProvider = browser.follow(URI.create("/services/open?code=" + service), uri -> false);
        SignIn untilForm = new SignIn(toProvider, authorizationEndpoint);
        Map<String, List<String>> authorize = untilForm.authorizationRequest();
        // OpenID Connect Core 1.0 §3.1.2.1: prompt=login makes the provider re-authenticate; acr_values asks for
        // the level (voluntary: a provider may ignore it, so the portal decides on the level claim it gets back).
        assertThat(single(authorize, "prompt").split(" ")).as("step-up request").contains("login");
        assertThat(single(authorize, "acr_values")).as("step-up request").isNotBlank();
        assertThat(single(authorize, "code_challenge_method")).isEqualTo("S256");
        assertThat(single(authorize, "nonce")).isNotBlank();
        Browser.Hop form = toProvider.get(toProvider.size() - 1);
        assertThat(form.response().statusCode()).as("the provider's sign-in form%s", untilForm).isEqualTo(200);
        assertThat(form.response().body()).contains("name=\"username\"");

        HttpResponse<String> submitted = browser.postForm(form.request().toString(),
                Map.of("username", ProviderCitizen.NGUYEN_VAN_AN.subject()));
        assertThat(submitted.statusCode()).as("the provider's answer to its sign-in form").isEqualTo(302);
        URI callback = form.request().resolve(submitted.headers().firstValue("Location").orElseThrow());
        List<Browser.Hop> hops = new ArrayList<>(toProvider);
        hops.addAll(browser.follow(callback, uri -> browser.isPortal(uri, "/callback")));
        return new SignIn(hops, authorizationEndpoint);
    }

    private static Map<String, Object> me(Browser browser) throws ParseException {
        HttpResponse<String> me = browser.getJson("/api/me");
        assertThat(me.statusCode()).as("/api/me: %s", me.body()).isEqualTo(200);
        return JSONObjectUtils.parse(me.body());
    }

    private static String single(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        assertThat(values).as("parameter %s in %s", name, parameters.keySet()).isNotNull().hasSize(1);
        return values.get(0);
    }

    private static ProviderRequest only(List<ProviderRequest> traffic, String path) {
        List<ProviderRequest> matching = traffic.stream().filter(r -> r.path().equals(path)).toList();
        assertThat(matching).as("requests to %s among %s", path, traffic).hasSize(1);
        return matching.get(0);
    }
}
