package vn.portal.e2e.pages;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import vn.portal.e2e.Chromium;
import vn.portal.e2e.E2eSettings;

/**
 * The administrators' linking page {@code /admin/linking}: current links by method, the form that starts the
 * {@code link-accounts} batch job, and the job's recent executions. While a run goes on the page reloads itself every
 * few seconds (a meta refresh), so any element read here may belong to a page the browser has just left: reads retry
 * on {@link StaleElementReferenceException}. Statuses and methods are read from the data attributes the page keeps
 * beside its translated labels.
 */
public final class LinkingPage {

    private static final Duration PATIENCE = Duration.ofSeconds(45);
    /** A run over a handful of accounts takes seconds, but the two cores are shared with other builds. */
    private static final Duration RUN_PATIENCE = Duration.ofMinutes(5);
    private static final Pattern EXECUTION_NUMBER = Pattern.compile("(\\d+)");
    private static final Set<String> RUNNING = Set.of("STARTING", "STARTED", "STOPPING");

    private final Chromium browser;
    /** The confirmation read on arrival after a start: the next self-reload drops it, so it is kept, not re-read. */
    private final String flash;

    private LinkingPage(Chromium browser, String flash) {
        this.browser = browser;
        this.flash = flash;
    }

    public static LinkingPage open(Chromium browser) {
        browser.openPortal("/admin/linking");
        return await(browser);
    }

    public static LinkingPage await(Chromium browser) {
        browser.awaitPage(E2eSettings.portal(), "/admin/linking");
        browser.await(By.id("linking-start"));
        return new LinkingPage(browser, null);
    }

    /** The visible text of the agency choice for {@code code}, e.g. "Bộ Tư pháp (BTP)". */
    public String agencyChoice(String code) {
        return reading(PATIENCE, "the agency choice " + code,
                d -> d.findElement(By.cssSelector("#linking-agency option[value='" + code + "']")).getText());
    }

    /** Chooses an agency and starts a run (not a dry run); the browser comes back to this page with a message. */
    public LinkingPage start(String agency) {
        new Select(browser.await(By.id("linking-agency"))).selectByValue(agency);
        WebElement before = browser.driver().findElement(By.tagName("html"));
        WebElement button = browser.await(By.id("linking-start"));
        browser.script("arguments[0].scrollIntoView({block: 'center'})", button);
        button.click();
        new WebDriverWait(browser.driver(), PATIENCE).until(ExpectedConditions.stalenessOf(before));
        await(browser);
        String confirmation = reading(PATIENCE, "the confirmation after the start", d -> d.findElement(By.id("flash")).getText());
        return new LinkingPage(browser, confirmation);
    }

    /** The confirmation shown on arrival after {@link #start(String)}. */
    public String flash() {
        if (flash == null) {
            throw new IllegalStateException("only the page returned by start(agency) carries a confirmation");
        }
        return flash;
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
     * Waits, without reloading (the page follows the run by itself), until execution {@code id} has ended, and
     * returns its batch status ({@code data-status}, e.g. COMPLETED).
     */
    public String awaitEnded(long id) {
        return reading(RUN_PATIENCE, "the end of execution " + id, d -> {
            String status = statusCell(d, id).getAttribute("data-status");
            return RUNNING.contains(status) ? null : status;
        });
    }

    /** The batch status of execution {@code id} as the page's data attribute gives it (e.g. COMPLETED). */
    public String status(long id) {
        return reading(PATIENCE, "the status of execution " + id, d -> statusCell(d, id).getAttribute("data-status"));
    }

    /** The raw exit status of execution {@code id} ("seen=3 linked=2 ..."), from the page's data attribute. */
    public String exitStatus(long id) {
        return reading(PATIENCE, "the exit status of execution " + id, d -> statusCell(d, id).getAttribute("data-exit-status"));
    }

    /** The status cell of execution {@code id} as the administrator reads it: label, then the labelled counts. */
    public String statusText(long id) {
        return reading(PATIENCE, "the status text of execution " + id, d -> statusCell(d, id).getText().strip());
    }

    /** The parameters cell of execution {@code id}. */
    public String parameters(long id) {
        return reading(PATIENCE, "the parameters of execution " + id,
                d -> row(d, id).findElements(By.tagName("td")).get(4).getText().strip());
    }

    /** Whether the page as now loaded carries the meta refresh of a running job. */
    public boolean refreshesItself() {
        return !browser.findAll(By.cssSelector("meta[http-equiv='refresh']")).isEmpty();
    }

    private static WebElement row(WebDriver driver, long id) {
        return driver.findElement(By.cssSelector("#job-executions tbody tr[data-execution='" + id + "']"));
    }

    private static WebElement statusCell(WebDriver driver, long id) {
        return row(driver, id).findElement(By.cssSelector("td[data-status]"));
    }

    /**
     * Reads with {@code read} until it gives a value: a self-reload between finding an element and reading it
     * (stale element) or while the next page is still loading (element not there yet) just means reading again.
     */
    private <T> T reading(Duration patience, String what, Function<WebDriver, T> read) {
        return new WebDriverWait(browser.driver(), patience)
                .ignoring(StaleElementReferenceException.class)
                .ignoring(NoSuchElementException.class)
                .withMessage(() -> what + " could not be read; the page shows " + executionsText())
                .until(read::apply);
    }

    private String executionsText() {
        try {
            return browser.findAll(By.id("job-executions")).stream().findFirst().map(WebElement::getText).orElse("(no table)");
        } catch (StaleElementReferenceException reloading) {
            return "(the page was reloading)";
        }
    }

    /** Current links by method, as the state card lists them. */
    public Map<String, Long> linksByMethod() {
        return reading(PATIENCE, "the links by method", d -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            for (WebElement row : d.findElements(By.cssSelector("#links-by-method tbody tr"))) {
                counts.put(row.getAttribute("data-method"), Long.parseLong(row.findElement(By.cssSelector("td[data-count]"))
                        .getAttribute("data-count")));
            }
            return counts;
        });
    }

    /** Method -> the label the state card shows for it. */
    public Map<String, String> methodLabels() {
        return reading(PATIENCE, "the method labels", d -> {
            Map<String, String> labels = new LinkedHashMap<>();
            for (WebElement row : d.findElements(By.cssSelector("#links-by-method tbody tr"))) {
                labels.put(row.getAttribute("data-method"), row.findElements(By.tagName("td")).get(0).getText().strip());
            }
            return labels;
        });
    }

    /** The link to the review queue, with the number of open items ("Xem xét liên kết (N mục đang chờ)"). */
    public String reviewLink() {
        return reading(PATIENCE, "the review link", d -> d.findElement(By.cssSelector("section[aria-labelledby='linking-state'] a")).getText());
    }

    public String heading() {
        return reading(PATIENCE, "the heading", d -> d.findElement(By.tagName("h1")).getText());
    }

    /** The column headings of the executions' table. */
    public List<String> executionHeadings() {
        return reading(PATIENCE, "the executions' headings", d -> d.findElements(By.cssSelector("#job-executions thead th")).stream()
                .map(WebElement::getText).map(String::strip).toList());
    }
}
