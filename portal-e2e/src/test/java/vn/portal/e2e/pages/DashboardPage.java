package vn.portal.e2e.pages;

import org.openqa.selenium.By;
import vn.portal.e2e.Chromium;
import vn.portal.e2e.E2eSettings;

/** The citizen dashboard {@code /dashboard}. */
public final class DashboardPage {

    private final Chromium browser;

    private DashboardPage(Chromium browser) {
        this.browser = browser;
    }

    public static DashboardPage await(Chromium browser) {
        browser.awaitPage(E2eSettings.portal(), "/dashboard");
        browser.await(By.id("citizen-name"));
        return new DashboardPage(browser);
    }

    public String citizenName() {
        return browser.await(By.id("citizen-name")).getText();
    }

    public String maskedPersonalId() {
        return browser.await(By.id("citizen-pid")).getText();
    }

    /** The level badge only ("Mức 2"), without the explanation next to it. */
    public String level() {
        return browser.await(By.cssSelector("#citizen-level .level-badge")).getText();
    }

    public String levelDetails() {
        return browser.await(By.id("citizen-level")).getText();
    }

    /** The text of the linked legacy accounts table (its empty message when there are none). */
    public String linkedAccounts() {
        return browser.await(By.cssSelector("[id$='legacy-accounts'] tbody")).getText();
    }

    /** Clicks "Đăng xuất" (a POST form in the header). */
    public void signOut() {
        browser.await(By.cssSelector("form.logout-form button[type='submit']")).click();
    }

    public String signOutLabel() {
        return browser.await(By.cssSelector("form.logout-form button[type='submit']")).getText();
    }
}
