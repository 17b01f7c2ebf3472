package vn.portal.e2e.pages;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import vn.portal.e2e.Chromium;
import vn.portal.e2e.E2eSettings;

/**
 * The administrators' import page {@code /admin/import}: the upload form, the recent imports and, with
 * {@code ?job=<id>}, the status of one import, which reloads itself every 2 seconds while the import runs.
 */
public final class ImportPage {

    private static final Duration PATIENCE = Duration.ofSeconds(45);
    /** An import of a few rows takes well under a second, but the two cores are shared with other builds. */
    private static final Duration IMPORT_PATIENCE = Duration.ofMinutes(4);

    private final Chromium browser;

    private ImportPage(Chromium browser) {
        this.browser = browser;
    }

    /** Opens {@code /admin/import} or a status page such as {@code /admin/import?job=...}. */
    public static ImportPage open(Chromium browser, String pathAndQuery) {
        browser.openPortal(pathAndQuery);
        return await(browser);
    }

    public static ImportPage await(Chromium browser) {
        browser.awaitPage(E2eSettings.portal(), "/admin/import");
        browser.await(By.id("upload-heading"));
        return new ImportPage(browser);
    }

    /** The query of the address shown, e.g. {@code job=...}; empty for the bare page. */
    public String query() {
        String query = browser.currentUri().getRawQuery();
        return query == null ? "" : query;
    }

    /** The import's id, from the status page's address. */
    public String jobId() {
        for (String pair : query().split("&")) {
            if (pair.startsWith("job=")) {
                return pair.substring("job=".length());
            }
        }
        throw new AssertionError("not a status page: " + browser.currentUri());
    }

    /** The visible label of the radio button for a kind of file ({@code accounts}, {@code agencies} ...). */
    public String kindLabel(String kind) {
        return browser.await(By.cssSelector("label[for='kind-" + kind + "']")).getText();
    }

    /** The text of the encoding choice currently selected. */
    public String chosenEncoding() {
        return new Select(browser.await(By.id("encoding"))).getFirstSelectedOption().getText();
    }

    /**
     * Chooses the kind, leaves the encoding as the form offers it, picks {@code file} and submits: the browser is
     * sent straight to the new import's status page.
     */
    public ImportPage upload(String kind, Path file) {
        WebElement radio = browser.await(By.id("kind-" + kind));
        browser.script("arguments[0].scrollIntoView({block: 'center'})", radio);
        radio.click();
        browser.driver().findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        WebElement before = browser.driver().findElement(By.tagName("html"));
        WebElement submit = browser.await(By.cssSelector("form[action$='/admin/import/upload'] button[type='submit']"));
        browser.script("arguments[0].scrollIntoView({block: 'center'})", submit);
        submit.click();
        new WebDriverWait(browser.driver(), PATIENCE).until(ExpectedConditions.stalenessOf(before));
        ImportPage status = await(browser);
        browser.await(By.id("import-run"));
        return status;
    }

    /**
     * Waits, while the page reloads itself, until the import shown is no longer RUNNING, and returns its state. A
     * reload may replace the element while it is being read; the wait then simply looks again.
     */
    public String awaitEnded() {
        String state = new WebDriverWait(browser.driver(), IMPORT_PATIENCE)
                .ignoring(StaleElementReferenceException.class)
                .withMessage(() -> "the import shown at " + browser.driver().getCurrentUrl() + " did not end")
                .until(d -> {
                    String shown = d.findElement(By.id("import-run")).getDomAttribute("data-state");
                    return "RUNNING".equals(shown) ? null : shown;
                });
        browser.awaitPage(E2eSettings.portal(), "/admin/import");
        return state;
    }

    /** Whether the page asks the browser to reload it (only while the import runs). */
    public boolean refreshesItself() {
        return !browser.findAll(By.cssSelector("meta[http-equiv='refresh']")).isEmpty();
    }

    /** The text of a field of the status card: {@code run-state}, {@code run-encoding}, {@code run-inserted} ... */
    public String field(String id) {
        return browser.await(By.id(id)).getText().strip();
    }

    /** The term ({@code dt}) that labels a field of the status card. */
    public String label(String id) {
        return (String) browser.script("return arguments[0].previousElementSibling.textContent.trim()", browser.await(By.id(id)));
    }

    public String flash() {
        return browser.await(By.id("flash")).getText();
    }

    /** The column headings of the rejected rows' table. */
    public List<String> errorHeadings() {
        return browser.findAll(By.cssSelector("#row-errors thead th")).stream().map(WebElement::getText).map(String::strip).toList();
    }

    /**
     * The rejected rows, each as its cells' values. With {@code reflow} each cell also holds its column's title (shown
     * on a phone in place of the heading), which is left out.
     */
    @SuppressWarnings("unchecked")
    public List<List<String>> errorRows() {
        return (List<List<String>>) browser.script(
                "return Array.from(document.querySelectorAll('#row-errors tbody tr')).map(tr =>"
                        + " Array.from(tr.querySelectorAll('td')).map(td => {"
                        + "   const copy = td.cloneNode(true); copy.querySelectorAll('.ui-column-title').forEach(t => t.remove());"
                        + "   return copy.textContent.trim(); }))");
    }

    /** The state of an import in the recent imports' table, if it is listed. */
    public Optional<String> recentState(String jobId) {
        return browser.findAll(By.cssSelector("#recent-imports tr[data-job='" + jobId + "']")).stream().findFirst()
                .map(row -> row.getDomAttribute("data-state"));
    }

    /** The cells of an import's row in the recent imports' table. */
    public List<String> recentRow(String jobId) {
        return browser.await(By.cssSelector("#recent-imports tr[data-job='" + jobId + "']")).findElements(By.tagName("td"))
                .stream().map(WebElement::getText).map(String::strip).toList();
    }

    /** Clicks the language switch ({@code vi} or {@code en}) and waits for this page in that language. */
    public ImportPage switchLanguage(String language) {
        WebElement before = browser.driver().findElement(By.tagName("html"));
        browser.await(By.cssSelector(".lang-switch a[lang='" + language + "']")).click();
        new WebDriverWait(browser.driver(), PATIENCE).until(ExpectedConditions.stalenessOf(before));
        browser.await(By.cssSelector("html[lang='" + language + "']"));
        return await(browser);
    }

    public String heading() {
        return browser.await(By.tagName("h1")).getText();
    }
}
