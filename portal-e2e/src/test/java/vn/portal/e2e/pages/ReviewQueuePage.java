package vn.portal.e2e.pages;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import vn.portal.e2e.Chromium;
import vn.portal.e2e.E2eSettings;

/** The administrators' review queue {@code /admin/review}, with its filters, pages and decision forms. */
public final class ReviewQueuePage {

    private static final Duration PATIENCE = Duration.ofSeconds(45);

    private final Chromium browser;

    private ReviewQueuePage(Chromium browser) {
        this.browser = browser;
    }

    /** Opens a queue address such as {@code /admin/review?agency=BHXH&page=2}. */
    public static ReviewQueuePage open(Chromium browser, String pathAndQuery) {
        browser.openPortal(pathAndQuery);
        return await(browser);
    }

    /** The queue page the browser is on: either the queue itself or the explanation why an address was refused. */
    public static ReviewQueuePage await(Chromium browser) {
        browser.awaitPage(E2eSettings.portal(), "/admin/review");
        browser.await(By.cssSelector("#review-open-count, #review-problems"));
        return new ReviewQueuePage(browser);
    }

    /** The query of the address shown, e.g. {@code agency=BHXH&page=2}; empty for the bare queue. */
    public String query() {
        String query = browser.currentUri().getRawQuery();
        return query == null ? "" : query;
    }

    public String openCount() {
        return browser.await(By.id("review-open-count")).getText();
    }

    /** "Bộ lọc đang chọn N mục." (shown only while a filter is set). */
    public String matching() {
        return browser.await(By.id("review-matching")).getText();
    }

    public boolean showsMatching() {
        return !browser.findAll(By.id("review-matching")).isEmpty();
    }

    /** "Trang X/Y — mục A–B trên tổng số N" above the items. */
    public String pagerStatus() {
        return browser.await(By.cssSelector("#review-pager-top .pager-status")).getText();
    }

    /** The ids of the items shown, top to bottom. */
    public List<Long> itemIds() {
        return browser.findAll(By.cssSelector("section.review-item")).stream()
                .map(s -> Long.parseLong(s.getDomAttribute("data-item-id"))).toList();
    }

    public List<String> itemAgencies() {
        return browser.findAll(By.cssSelector("section.review-item")).stream().map(s -> s.getDomAttribute("data-agency")).toList();
    }

    public List<String> itemCauses() {
        return browser.findAll(By.cssSelector("section.review-item")).stream().map(s -> s.getDomAttribute("data-cause")).toList();
    }

    /** The per-cause counts of the filter card, by cause name, in the page's order. */
    public Map<String, Long> causeCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (WebElement item : browser.findAll(By.cssSelector("#review-cause-counts li"))) {
            counts.put(item.getDomAttribute("data-cause"), Long.parseLong(item.getDomAttribute("data-count")));
        }
        return counts;
    }

    /** The visible texts of the agency choices ("Bảo hiểm xã hội Việt Nam (BHXH) — 12 mục"). */
    public List<String> agencyChoices() {
        return new Select(browser.await(By.id("review-agency"))).getOptions().stream().map(WebElement::getText).toList();
    }

    public String chosenAgency() {
        return new Select(browser.await(By.id("review-agency"))).getFirstSelectedOption().getDomAttribute("value");
    }

    public String chosenCause() {
        return new Select(browser.await(By.id("review-cause"))).getFirstSelectedOption().getDomAttribute("value");
    }

    /** Chooses an agency and a cause ("" for all) in the filter form and submits it. */
    public ReviewQueuePage filter(String agency, String cause) {
        new Select(browser.await(By.id("review-agency"))).selectByValue(agency);
        new Select(browser.await(By.id("review-cause"))).selectByValue(cause);
        return follow(browser.await(By.id("review-filter-apply")));
    }

    /** Clicks the count link of a cause in the filter card. */
    public ReviewQueuePage chooseCause(String cause) {
        return follow(browser.await(By.cssSelector("#review-cause-counts li[data-cause='" + cause + "'] a")));
    }

    public ReviewQueuePage clearFilters() {
        return follow(browser.await(By.id("review-filter-clear")));
    }

    /** first, previous, next or last in the pager above the items. */
    public ReviewQueuePage page(String which) {
        return follow(browser.await(By.cssSelector("#review-pager-top a.pager-" + which)));
    }

    /** Whether first, previous, next or last is a link (not the disabled label). */
    public boolean canGo(String which) {
        return !browser.findAll(By.cssSelector("#review-pager-top a.pager-" + which)).isEmpty();
    }

    public WebElement pagerLink(String which) {
        return browser.await(By.cssSelector("#review-pager-top a.pager-" + which));
    }

    public WebElement filterButton() {
        return browser.await(By.id("review-filter-apply"));
    }

    /** The messages explaining why the address was refused. */
    public List<String> problems() {
        return browser.findAll(By.cssSelector("#review-problems li")).stream().map(WebElement::getText).toList();
    }

    public ReviewQueuePage resetToQueue() {
        return follow(browser.await(By.id("review-reset")));
    }

    /** Links item {@code itemId}'s account to the first candidate it offers, giving {@code reason}. */
    public ReviewQueuePage linkToFirstCandidate(long itemId, String reason) {
        WebElement form = browser.await(By.cssSelector("section.review-item[data-item-id='" + itemId + "'] form:has(input[name='action'][value='link'])"));
        WebElement field = form.findElement(By.name("reason"));
        browser.script("arguments[0].scrollIntoView({block: 'center'})", field);
        field.sendKeys(reason);
        return follow(form.findElement(By.cssSelector("button[type='submit']")));
    }

    /** The confirmation or error of the last decision. */
    public String flash() {
        return browser.await(By.id("flash")).getText();
    }

    /** Clicks and waits until the next page has replaced this one (a link or a form, GET or POST-redirect-GET). */
    private ReviewQueuePage follow(WebElement control) {
        WebElement before = browser.driver().findElement(By.tagName("html"));
        browser.script("arguments[0].scrollIntoView({block: 'center'})", control);
        control.click();
        new WebDriverWait(browser.driver(), PATIENCE).until(ExpectedConditions.stalenessOf(before));
        return await(browser);
    }
}
