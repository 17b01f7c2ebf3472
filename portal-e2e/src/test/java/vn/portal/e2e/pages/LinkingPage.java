package vn.portal.e2e.pages;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import vn.portal.e2e.Chromium;
import vn.portal.e2e.E2eSettings;

/**
 * The administrators' linking page {@code /admin/linking}: current links by method, the form that starts the
 * {@code link-accounts} batch job, and the job's recent executions (the page does not reload itself).
 */
public final class LinkingPage {

    private static final Duration PATIENCE = Duration.ofSeconds(45);
    /** A run over a handful of accounts takes seconds, but the two cores are shared with other builds. */
    private static final Duration RUN_PATIENCE = Duration.ofMinutes(5);
    private static final Pattern EXECUTION_NUMBER = Pattern.compile("(\\d+)");

    private final Chromium browser;

    private LinkingPage(Chromium browser) {
        this.browser = browser;
    }

    public static LinkingPage open(Chromium browser) {
        browser.openPortal("/admin/linking");
        return await(browser);
    }

    public static LinkingPage await(Chromium browser) {
        browser.awaitPage(E2eSettings.portal(), "/admin/linking");
        browser.await(By.id("linking-start"));
        return new LinkingPage(browser);
    }

    /** The visible text of the agency choice for {@code code}, e.g. "Bộ Tư pháp (BTP)". */
    public String agencyChoice(String code) {
        return browser.await(By.cssSelector("#linking-agency option[value='" + code + "']")).getText();
    }

    /** Chooses an agency and starts a run (not a dry run); the browser comes back to this page with a message. */
    public LinkingPage start(String agency) {
        new Select(browser.await(By.id("linking-agency"))).selectByValue(agency);
        WebElement before = browser.driver().findElement(By.tagName("html"));
        WebElement button = browser.await(By.id("linking-start"));
        browser.script("arguments[0].scrollIntoView({block: 'center'})", button);
        button.click();
        new WebDriverWait(browser.driver(), PATIENCE).until(ExpectedConditions.stalenessOf(before));
        return await(browser);
    }

    public String flash() {
        return browser.await(By.id("flash")).getText();
    }

    /** The execution number the confirmation names ("... lần chạy liên kết số 7 ..."). */
    public long startedExecution() {
        Matcher number = EXECUTION_NUMBER.matcher(flash());
        if (!number.find()) {
            throw new AssertionError("no execution number in the confirmation '" + flash() + "'");
        }
        return Long.parseLong(number.group(1));
    }

    /**
     * Reloads the page, as an administrator would, until execution {@code id} has ended, and returns its status
     * cell ("COMPLETED — seen=... linked=..."): the job's batch status and, once ended, its exit status.
     */
    public String awaitEnded(long id) {
        return new WebDriverWait(browser.driver(), RUN_PATIENCE)
                .ignoring(StaleElementReferenceException.class)
                .withMessage(() -> "execution " + id + " did not end; the page shows " + executionsText())
                .until(d -> {
                    d.navigate().refresh();
                    await(browser);
                    String status = status(id);
                    return status == null || status.startsWith("STARTING") || status.startsWith("STARTED") ? null : status;
                });
    }

    /** The status cell of execution {@code id}, or null when the table does not list it. */
    public String status(long id) {
        for (WebElement row : browser.findAll(By.cssSelector("#job-executions tbody tr"))) {
            List<WebElement> cells = row.findElements(By.tagName("td"));
            if (cells.size() > 1 && cells.get(0).getText().strip().equals(Long.toString(id))) {
                return cells.get(1).getText().strip();
            }
        }
        return null;
    }

    private String executionsText() {
        return browser.findAll(By.id("job-executions")).stream().findFirst().map(WebElement::getText).orElse("(no table)");
    }

    /** The parameters cell of execution {@code id}. */
    public String parameters(long id) {
        for (WebElement row : browser.findAll(By.cssSelector("#job-executions tbody tr"))) {
            List<WebElement> cells = row.findElements(By.tagName("td"));
            if (cells.size() > 4 && cells.get(0).getText().strip().equals(Long.toString(id))) {
                return cells.get(4).getText().strip();
            }
        }
        throw new AssertionError("execution " + id + " is not listed: " + executionsText());
    }

    /** Current links by method, as the state card lists them. */
    public Map<String, Long> linksByMethod() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (WebElement row : browser.findAll(By.cssSelector("#links-by-method tbody tr"))) {
            List<WebElement> cells = row.findElements(By.tagName("td"));
            counts.put(cells.get(0).getText().strip(), Long.parseLong(cells.get(1).getText().strip()));
        }
        return counts;
    }

    /** The link to the review queue, with the number of open items ("Xem xét liên kết (N mục đang chờ)"). */
    public String reviewLink() {
        return browser.await(By.cssSelector("section[aria-labelledby='linking-state'] a")).getText();
    }

    public String heading() {
        return browser.await(By.tagName("h1")).getText();
    }

    /** The column headings of the executions' table. */
    public List<String> executionHeadings() {
        return browser.findAll(By.cssSelector("#job-executions thead th")).stream().map(WebElement::getText).map(String::strip).toList();
    }
}
