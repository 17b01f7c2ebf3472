package vn.portal.e2e.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import vn.portal.e2e.Chromium;
import vn.portal.e2e.E2eSettings;

import java.net.URI;
import java.util.Optional;

/** The sandbox provider's citizen picker ({@code /authorize}, or {@code /authorize/decision} when re-shown). */
public final class SandboxPicker {

    private final Chromium browser;

    private SandboxPicker(Chromium browser) {
        this.browser = browser;
    }

    public static SandboxPicker await(Chromium browser) {
        browser.awaitPage(E2eSettings.provider(), "/authorize");
        browser.await(By.id("sandbox-notice"));
        return new SandboxPicker(browser);
    }

    /**
     * The picker shown again after the provider refused a choice: the form posts to {@code /authorize/decision},
     * and the answer carries an error above the list. Waiting for both keeps the check off the previous page.
     */
    public static SandboxPicker awaitRefusal(Chromium browser) {
        browser.awaitPage(E2eSettings.provider(), "/authorize/decision");
        browser.await(By.id("error"));
        return new SandboxPicker(browser);
    }

    /** The address the portal sent the browser to (the authorization request, with its query). */
    public URI address() {
        return browser.currentUri();
    }

    /** The banner saying this is a test provider. */
    public String sandboxNotice() {
        return browser.await(By.id("sandbox-notice")).getText();
    }

    /** The notice shown when the relying party asked for level 2 ({@code acr_values}). */
    public Optional<String> levelTwoNotice() {
        return browser.findAll(By.id("acr-notice")).stream().findFirst().map(WebElement::getText);
    }

    /** The error the provider shows above the list after refusing a choice. */
    public Optional<String> error() {
        return browser.findAll(By.id("error")).stream().findFirst().map(WebElement::getText);
    }

    /** The sign-in button on the row of the citizen with this full name. */
    public WebElement buttonFor(String fullName) {
        return browser.await(By.xpath("//tbody/tr[td[normalize-space()='" + fullName + "']]//button"));
    }

    /** Picks a citizen; where the browser goes next depends on the relying party. */
    public void choose(String fullName) {
        buttonFor(fullName).click();
    }
}
