package vn.portal.e2e;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import vn.portal.e2e.pages.DashboardPage;
import vn.portal.e2e.pages.LandingPage;
import vn.portal.e2e.pages.SandboxPicker;
import vn.portal.e2e.pages.ServicePage;
import vn.portal.e2e.pages.ServicesPage;
import vn.portal.sandbox.SandboxServer;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A citizen's journeys through the real portal WAR on Payara Micro and the {@code vneid-sandbox} provider, in
 * headless Chromium: sign-in, step-up to level 2, the English switch, logout at both ends, and a phone screen.
 * One deployment for all scenarios; each scenario has its own fresh browser profile.
 */
@ExtendWith({BrowserExtension.class, SandboxExtension.class, ArquillianExtension.class})
class CitizenSignInJourneyIT {

    /** Level 2 in sandbox-citizens.csv. */
    private static final String NGUYEN_VAN_AN = "Nguyễn Văn An";
    /** Level 1 in sandbox-citizens.csv. */
    private static final String PHAM_MINH_DUC = "Phạm Minh Đức";

    /** Set by {@link SandboxExtension} before the deployment. */
    private static SandboxServer sandbox;

    /** Set by {@link BrowserExtension} before each scenario. */
    private Chromium browser;

    @Deployment(testable = false)
    static WebArchive portal() {
        return PortalDeployment.rootWar();
    }

    @BeforeAll
    static void portalIsUp() throws Exception {
        PortalDeployment.requireDeployed();
        assertThat(sandbox.issuer()).as("sandbox issuer").isEqualTo(E2eSettings.provider());
    }

    @Test
    @DisplayName("a) a level-2 citizen signs in through the sandbox and sees name, masked personal ID, level and no linked accounts")
    void levelTwoCitizenSignsInAndSeesDashboard() {
        LandingPage landing = LandingPage.open(browser);
        assertThat(landing.signInButton().getText()).isEqualTo("Đăng nhập bằng VNeID");

        SandboxPicker picker = landing.signIn();
        assertThat(picker.sandboxNotice()).contains("MÔI TRƯỜNG THỬ NGHIỆM");
        Map<String, String> request = query(picker);
        assertThat(request).as("authorization request").containsEntry("response_type", "code")
                .containsEntry("code_challenge_method", "S256").containsKeys("state", "nonce", "code_challenge")
                .containsEntry("redirect_uri", E2eSettings.portal().resolve("/callback").toString())
                .doesNotContainKey("acr_values");

        picker.choose(NGUYEN_VAN_AN);
        DashboardPage dashboard = DashboardPage.await(browser);
        assertThat(dashboard.citizenName()).isEqualTo(NGUYEN_VAN_AN);
        assertThat(dashboard.maskedPersonalId()).isEqualTo("0010******45");
        assertThat(dashboard.level()).isEqualTo("Mức 2");
        assertThat(dashboard.linkedAccounts()).contains("Chưa có tài khoản cũ nào được liên kết với định danh của bạn.");
        assertThat(browser.driver().getPageSource()).as("the full personal ID never reaches the page")
                .doesNotContain("001085012345");
    }

    @Test
    @DisplayName("b) a level-1 session opening a level-2 service is sent back to the provider for level 2; a level-2 account opens the service")
    void levelOneSessionStepsUpForLevelTwoService() {
        LandingPage.open(browser).signIn().choose(PHAM_MINH_DUC);
        DashboardPage dashboard = DashboardPage.await(browser);
        assertThat(dashboard.citizenName()).isEqualTo(PHAM_MINH_DUC);
        assertThat(dashboard.level()).isEqualTo("Mức 1");

        String service = ServicesPage.open(browser).openFirstServiceRequiring("Mức 2");

        // The gate starts a step-up: acr_values for level 2 and prompt=login (OpenID Connect Core 1.0 §3.1.2.1),
        // so the sandbox shows the picker again instead of answering from its SSO session.
        SandboxPicker picker = SandboxPicker.await(browser);
        assertThat(query(picker)).containsEntry("acr_values", "urn:vneid:loa:2").containsEntry("prompt", "login");
        assertThat(picker.levelTwoNotice()).as("level-2 notice on the picker")
                .hasValueSatisfying(text -> assertThat(text).contains("mức 2"));
        WebElement levelOneChoice = picker.buttonFor(PHAM_MINH_DUC);
        assertThat(levelOneChoice.isEnabled()).as("a level-1 account cannot be picked for level 2").isFalse();
        assertThat(levelOneChoice.getText()).isEqualTo("Chưa đạt mức 2");

        // Even a tampered form (button re-enabled) is refused by the provider, which re-checks the level.
        browser.script("var b = arguments[0]; b.disabled = false; b.type = 'submit'; b.name = 'citizen';"
                + " b.value = '031095004567'; b.click();", levelOneChoice);
        picker = SandboxPicker.awaitRefusal(browser);
        assertThat(picker.error()).as("provider refusal").hasValueSatisfying(text -> assertThat(text)
                .contains(PHAM_MINH_DUC).contains("mức 1").contains("mức 2"));

        // The sandbox holds one account per person, so the level-2 sign-in is another citizen's: the portal
        // treats it as a new sign-in that replaces the level-1 session, then lets it into the service.
        picker.choose(NGUYEN_VAN_AN);
        ServicePage granted = ServicePage.await(browser);
        assertThat(granted.address()).contains("code=" + service);
        assertThat(granted.grant()).contains("mức 2");
        browser.openPortal("/dashboard");
        DashboardPage after = DashboardPage.await(browser);
        assertThat(after.citizenName()).isEqualTo(NGUYEN_VAN_AN);
        assertThat(after.level()).isEqualTo("Mức 2");
    }

    @Test
    @DisplayName("c) the English switch translates the pages and switching back restores Vietnamese")
    void englishSwitchAndBack() {
        LandingPage landing = LandingPage.open(browser);
        assertThat(landing.pageLanguage()).isEqualTo("vi");
        assertThat(landing.languageSwitchLabel("en")).isEqualTo("English");

        LandingPage english = landing.switchLanguage("en");
        assertThat(english.signInButton().getText()).isEqualTo("Sign in with VNeID");
        // The choice is remembered for the visit, not just the one page.
        browser.openPortal("/services");
        assertThat(browser.await(By.cssSelector("html")).getDomAttribute("lang")).isEqualTo("en");
        assertThat(browser.await(By.linkText("Open service")).isDisplayed()).isTrue();

        LandingPage vietnamese = LandingPage.open(browser).switchLanguage("vi");
        assertThat(vietnamese.signInButton().getText()).isEqualTo("Đăng nhập bằng VNeID");
    }

    @Test
    @DisplayName("d) signing out ends the portal session and the provider session (RP-initiated logout)")
    void signOutEndsPortalAndProviderSessions() {
        LandingPage.open(browser).signIn().choose(NGUYEN_VAN_AN);
        DashboardPage dashboard = DashboardPage.await(browser);

        // Before logout the provider remembers the browser: losing only the portal session signs the citizen
        // straight back in without the picker. That makes the check after logout meaningful.
        browser.driver().manage().deleteCookieNamed("PORTAL_SESSION");
        browser.openPortal("/dashboard");
        assertThat(DashboardPage.await(browser).citizenName()).as("silent sign-in from the provider's SSO session")
                .isEqualTo(NGUYEN_VAN_AN);

        dashboard = DashboardPage.await(browser);
        assertThat(dashboard.signOutLabel()).isEqualTo("Đăng xuất");
        dashboard.signOut();
        // Provider end_session_endpoint, then back to the registered post-logout address, the landing page.
        LandingPage landing = LandingPage.await(browser);
        assertThat(landing.signInButton().isDisplayed()).as("signed out: the sign-in button is back").isTrue();

        browser.openPortal("/dashboard");
        SandboxPicker picker = SandboxPicker.await(browser);
        assertThat(picker.sandboxNotice()).as("the provider asks again: its session is gone").contains("MÔI TRƯỜNG THỬ NGHIỆM");
        assertThat(picker.buttonFor(NGUYEN_VAN_AN).isDisplayed()).isTrue();
    }

    @Test
    @PhoneViewport(width = 375, height = 812)
    @DisplayName("e) on a 375x812 phone screen the sign-in button is visible, fits the screen and works")
    void signInButtonWorksOnPhoneScreen() {
        LandingPage landing = LandingPage.open(browser);
        assertThat(((Number) browser.script("return window.innerWidth")).intValue()).as("emulated viewport width").isEqualTo(375);
        WebElement button = landing.signInButton();
        assertThat(button.isDisplayed()).isTrue();
        Number right = (Number) browser.script("return arguments[0].getBoundingClientRect().right", button);
        assertThat(right.doubleValue()).as("the button ends inside the screen").isLessThanOrEqualTo(375.0);
        Number pageWidth = (Number) browser.script("return document.documentElement.scrollWidth");
        assertThat(pageWidth.intValue()).as("no sideways scrolling on the landing page").isLessThanOrEqualTo(375);

        SandboxPicker picker = landing.signIn();
        picker.choose(NGUYEN_VAN_AN);
        assertThat(DashboardPage.await(browser).citizenName()).isEqualTo(NGUYEN_VAN_AN);
    }

    private static Map<String, String> query(SandboxPicker picker) {
        String raw = picker.address().getRawQuery();
        Map<String, String> parameters = new java.util.TreeMap<>();
        for (String pair : raw == null ? new String[0] : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            parameters.put(name, value);
        }
        return parameters;
    }
}
