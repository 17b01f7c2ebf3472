package vn.portal.e2e.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import vn.portal.e2e.Chromium;
import vn.portal.e2e.E2eSettings;

import java.net.URI;
import java.util.List;

/** The list of public services {@code /services} with their minimum account level. */
public final class ServicesPage {

    private final Chromium browser;

    private ServicesPage(Chromium browser) {
        this.browser = browser;
    }

    public static ServicesPage open(Chromium browser) {
        browser.openPortal("/services");
        browser.awaitPage(E2eSettings.portal(), "/services");
        browser.await(By.cssSelector("[id$='services'] tbody tr"));
        return new ServicesPage(browser);
    }

    /**
     * Clicks "Mở dịch vụ" on the first row whose required level reads {@code levelLabel} (e.g. "Mức 2").
     *
     * @return the code of the service opened, read from the link
     */
    public String openFirstServiceRequiring(String levelLabel) {
        List<WebElement> rows = browser.findAll(By.xpath("//*[substring(@id, string-length(@id) - 7) = 'services']"
                + "//tbody/tr[.//span[contains(@class,'level-badge') and normalize-space()='" + levelLabel + "']]"));
        if (rows.isEmpty()) {
            throw new AssertionError("no service on /services requires '" + levelLabel + "'");
        }
        WebElement open = rows.get(0).findElement(By.linkText("Mở dịch vụ"));
        String query = URI.create(open.getDomProperty("href")).getQuery();
        open.click();
        return query.substring(query.indexOf("code=") + "code=".length());
    }
}
