package vn.portal.e2e.pages;

import org.openqa.selenium.By;
import vn.portal.e2e.Chromium;
import vn.portal.e2e.E2eSettings;

/** A public service the gate let the citizen into ({@code /service?code=X}). */
public final class ServicePage {

    private final Chromium browser;

    private ServicePage(Chromium browser) {
        this.browser = browser;
    }

    public static ServicePage await(Chromium browser) {
        browser.awaitPage(E2eSettings.portal(), "/service");
        browser.await(By.id("service-granted"));
        return new ServicePage(browser);
    }

    public String serviceName() {
        return browser.await(By.id("service-name")).getText();
    }

    public String grant() {
        return browser.await(By.id("service-granted")).getText();
    }

    public String address() {
        return browser.currentUri().toString();
    }
}
