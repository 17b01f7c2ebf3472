package vn.portal.e2e.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import vn.portal.e2e.Chromium;
import vn.portal.e2e.E2eSettings;

/** The portal's public landing page {@code /}. */
public final class LandingPage {

    private final Chromium browser;

    private LandingPage(Chromium browser) {
        this.browser = browser;
    }

    public static LandingPage open(Chromium browser) {
        browser.openPortal("/");
        return await(browser);
    }

    /** The landing page the browser is on (or is being redirected to). */
    public static LandingPage await(Chromium browser) {
        browser.awaitPage(E2eSettings.portal(), "/");
        browser.await(By.id("hero-title"));
        return new LandingPage(browser);
    }

    public WebElement signInButton() {
        return browser.await(By.id("login-vneid"));
    }

    /** Clicks "Đăng nhập bằng VNeID" and expects the provider's picker. */
    public SandboxPicker signIn() {
        signInButton().click();
        return SandboxPicker.await(browser);
    }

    /** Clicks the language switch ({@code vi} or {@code en}) and waits for the page in that language. */
    public LandingPage switchLanguage(String language) {
        browser.await(By.cssSelector(".lang-switch a[lang='" + language + "']")).click();
        browser.awaitPage(E2eSettings.portal(), "/");
        browser.await(By.cssSelector("html[lang='" + language + "']"));
        return new LandingPage(browser);
    }

    public String languageSwitchLabel(String language) {
        return browser.await(By.cssSelector(".lang-switch a[lang='" + language + "']")).getText();
    }

    public String pageLanguage() {
        return browser.await(By.tagName("html")).getDomAttribute("lang");
    }
}
