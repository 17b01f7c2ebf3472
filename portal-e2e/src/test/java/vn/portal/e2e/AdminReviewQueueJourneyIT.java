package vn.portal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import vn.portal.bridge.domain.model.link.ReviewCause;
import vn.portal.bridge.domain.model.link.ReviewQueueFilter;
import vn.portal.bridge.domain.model.link.ReviewStatus;
import vn.portal.e2e.pages.DashboardPage;
import vn.portal.e2e.pages.LandingPage;
import vn.portal.e2e.pages.ReviewQueuePage;
import vn.portal.sandbox.SandboxServer;

/**
 * The administrator works the review queue in headless Chromium: pages through more items than one page holds,
 * filters by agency and by cause, meets clear messages for addresses that make no sense, reads the queue on a phone,
 * and resolves an item from the second page of a filter and comes back to that page. The items are seeded into the
 * running portal's database before the first scenario ({@link ReviewQueueSeed}); the scenarios run in order because
 * the last one changes the queue.
 */
@ExtendWith({BrowserExtension.class, SandboxExtension.class, ArquillianExtension.class})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminReviewQueueJourneyIT {

    /** Administrator in the demo staff grants (sandbox-citizens.csv, R__demo_data.sql). */
    private static final String LE_THI_HOA = "Lê Thị Hoa";
    private static final int SEEDED = 42;
    private static final int PAGE = 25;

    /** Set by {@link SandboxExtension} before the deployment. */
    private static SandboxServer sandbox;

    private static List<ReviewQueueSeed.Item> items;
    /**
     * Open items per (agency, cause) filter before seeding: other journeys may have queued items of their own, so
     * every expected count is this plus the seeded items ({@link #expected}).
     */
    private static final Map<ReviewQueueFilter, Long> BEFORE = new HashMap<>();

    /** Set by {@link BrowserExtension} before each scenario. */
    private Chromium browser;

    @Deployment(testable = false)
    static WebArchive portal() {
        return PortalDeployment.rootWar();
    }

    @BeforeAll
    static void seedTheQueue() throws Exception {
        PortalDeployment.requireDeployed();
        assertThat(sandbox.issuer()).as("sandbox issuer").isEqualTo(E2eSettings.provider());
        try (ReviewQueueSeed seed = ReviewQueueSeed.open()) {
            for (String agency : new String[] {null, ReviewQueueSeed.INSURANCE, ReviewQueueSeed.HANOI}) {
                BEFORE.put(ReviewQueueFilter.of(agency, null), seed.reviews().countMatching(ReviewQueueFilter.of(agency, null)));
                for (ReviewCause cause : ReviewCause.values()) {
                    BEFORE.put(ReviewQueueFilter.of(agency, cause), seed.reviews().countMatching(ReviewQueueFilter.of(agency, cause)));
                }
            }
            items = seed.openItems(SEEDED);
        }
        assertThat(expected(ReviewQueueSeed.HANOI, null)).as("UBND-HN needs two pages").isBetween(PAGE + 1L, 2L * PAGE);
    }

    /** Open items the filter selects now: those queued before plus the seeded ones. */
    private static long expected(String agency, ReviewCause cause) {
        return BEFORE.get(ReviewQueueFilter.of(agency, cause)) + ReviewQueueSeed.count(items, agency, cause);
    }

    private static int pages(long count) {
        return (int) Math.max(1, (count + PAGE - 1) / PAGE);
    }

    private static String openCount(long count) {
        return "Đang có " + count + " mục chờ xem xét.";
    }

    private ReviewQueuePage signInAndOpen(String address) {
        LandingPage.open(browser).signIn().choose(LE_THI_HOA);
        assertThat(DashboardPage.await(browser).citizenName()).isEqualTo(LE_THI_HOA);
        return ReviewQueuePage.open(browser, address);
    }

    @Test
    @Order(1)
    @DisplayName("a) the whole queue pages oldest first: total, page X of Y, first/previous/next/last")
    void pagesThroughTheWholeQueueOldestFirst() {
        ReviewQueuePage queue = signInAndOpen("/admin/review");
        long total = expected(null, null);
        int pages = pages(total);

        assertThat(queue.openCount()).isEqualTo(openCount(total));
        assertThat(queue.pagerStatus()).isEqualTo("Trang 1/" + pages + " — mục 1–25 trên tổng số " + total);
        // The seeded items were opened in 2024, before anything another journey queues while the suite runs.
        assertThat(queue.itemIds()).containsExactlyElementsOf(ReviewQueueSeed.ids(items.subList(0, PAGE)));
        assertThat(queue.canGo("first")).isFalse();
        assertThat(queue.canGo("previous")).isFalse();
        assertThat(queue.showsMatching()).as("no filter, no filter total").isFalse();

        ReviewQueuePage second = queue.page("next");
        assertThat(second.query()).isEqualTo("page=2");
        assertThat(second.pagerStatus()).isEqualTo("Trang 2/" + pages + " — mục 26–" + Math.min(total, 2L * PAGE) + " trên tổng số " + total);
        assertThat(second.itemIds()).startsWith(ReviewQueueSeed.ids(items.subList(PAGE, SEEDED)).toArray(Long[]::new));
        assertThat(second.canGo("next")).isEqualTo(pages > 2);

        ReviewQueuePage first = second.page("first");
        assertThat(first.query()).isEmpty();
        assertThat(first.itemIds()).first().isEqualTo(items.get(0).id());
        ReviewQueuePage last = first.page("last");
        assertThat(last.query()).isEqualTo("page=" + pages);
        assertThat(last.canGo("next")).isFalse();
        assertThat(last.canGo("last")).isFalse();
        assertThat(last.page("previous").pagerStatus()).startsWith("Trang " + (pages - 1) + "/" + pages);
    }

    @Test
    @Order(2)
    @DisplayName("b) filters by agency and by cause, with counts per agency and per cause; the address is bookmarkable")
    void filtersByAgencyAndCause() {
        ReviewQueuePage queue = signInAndOpen("/admin/review");
        long total = expected(null, null);
        long insurance = expected(ReviewQueueSeed.INSURANCE, null);
        long hanoi = expected(ReviewQueueSeed.HANOI, null);
        assertThat(queue.agencyChoices()).contains("Tất cả cơ quan (" + total + " mục)",
                "Bảo hiểm xã hội Việt Nam (BHXH) — " + insurance + " mục",
                "Ủy ban nhân dân Thành phố Hà Nội (UBND-HN) — " + hanoi + " mục");
        assertThat(queue.causeCounts()).isEqualTo(expectedCauseCounts(null));

        ReviewQueuePage byAgency = queue.filter(ReviewQueueSeed.INSURANCE, "");
        assertThat(byAgency.query()).isEqualTo("agency=BHXH&cause=");
        assertThat(byAgency.matching()).isEqualTo("Bộ lọc đang chọn " + insurance + " mục.");
        assertThat(byAgency.openCount()).isEqualTo(openCount(total));
        assertThat(byAgency.itemAgencies()).hasSize((int) Math.min(PAGE, insurance)).containsOnly(ReviewQueueSeed.INSURANCE);
        assertThat(byAgency.itemIds()).startsWith(ReviewQueueSeed.ids(
                items.stream().filter(i -> i.agency().equals(ReviewQueueSeed.INSURANCE)).toList()).toArray(Long[]::new));
        assertThat(byAgency.causeCounts()).as("causes counted within BHXH").isEqualTo(expectedCauseCounts(ReviewQueueSeed.INSURANCE));
        assertThat(byAgency.chosenAgency()).isEqualTo(ReviewQueueSeed.INSURANCE);

        ReviewQueuePage both = byAgency.filter(ReviewQueueSeed.INSURANCE, "COMPETING_IDENTITIES");
        long competing = expected(ReviewQueueSeed.INSURANCE, ReviewCause.COMPETING_IDENTITIES);
        assertThat(both.query()).isEqualTo("agency=BHXH&cause=COMPETING_IDENTITIES");
        assertThat(both.itemCauses()).hasSize((int) competing).containsOnly("COMPETING_IDENTITIES");
        assertThat(both.itemAgencies()).containsOnly(ReviewQueueSeed.INSURANCE);
        assertThat(both.chosenCause()).isEqualTo("COMPETING_IDENTITIES");
        assertThat(both.agencyChoices()).as("agencies counted within the cause").contains(
                "Ủy ban nhân dân Thành phố Hà Nội (UBND-HN) — " + expected(ReviewQueueSeed.HANOI, ReviewCause.COMPETING_IDENTITIES)
                        + " mục");

        ReviewQueuePage contradicting = both.chooseCause("CONTRADICTING_ID_NUMBER");
        assertThat(contradicting.query()).isEqualTo("agency=BHXH&cause=CONTRADICTING_ID_NUMBER");
        assertThat(contradicting.itemCauses()).hasSize((int) expected(ReviewQueueSeed.INSURANCE, ReviewCause.CONTRADICTING_ID_NUMBER))
                .containsOnly("CONTRADICTING_ID_NUMBER");

        ReviewQueuePage hanoiPages = contradicting.filter(ReviewQueueSeed.HANOI, "");
        assertThat(hanoiPages.pagerStatus()).isEqualTo("Trang 1/2 — mục 1–25 trên tổng số " + hanoi);
        ReviewQueuePage hanoiSecond = hanoiPages.page("next");
        assertThat(hanoiSecond.query()).isEqualTo("agency=UBND-HN&page=2");
        assertThat(hanoiSecond.itemAgencies()).hasSize((int) hanoi - PAGE).containsOnly(ReviewQueueSeed.HANOI);

        // The address alone brings the same page back (a bookmark, or a colleague's link).
        ReviewQueuePage bookmarked = ReviewQueuePage.open(browser, "/admin/review?agency=UBND-HN&page=2");
        assertThat(bookmarked.itemIds()).isEqualTo(hanoiSecond.itemIds());

        ReviewQueuePage cleared = bookmarked.clearFilters();
        assertThat(cleared.query()).isEmpty();
        assertThat(cleared.pagerStatus()).isEqualTo("Trang 1/" + pages(total) + " — mục 1–25 trên tổng số " + total);
    }

    private Map<String, Long> expectedCauseCounts(String agency) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (ReviewCause cause : ReviewCause.values()) {
            counts.put(cause.name(), expected(agency, cause));
        }
        return counts;
    }

    @Test
    @Order(3)
    @DisplayName("c) an address the queue cannot honour says what is wrong, shows no items and no stack trace")
    void invalidAddressesGiveClearMessages() {
        signInAndOpen("/admin/review");
        Map<String, String> messages = new LinkedHashMap<>();
        messages.put("/admin/review?page=abc", "Số trang «abc» không hợp lệ: số trang là số nguyên từ 1 trở lên.");
        messages.put("/admin/review?page=-1", "Số trang «-1» không hợp lệ: số trang là số nguyên từ 1 trở lên.");
        messages.put("/admin/review?agency=UBND-XYZ", "Không có cơ quan nào mang mã «UBND-XYZ».");
        messages.put("/admin/review?cause=NO_SUCH_CAUSE", "Không có lý do xem xét nào tên «NO_SUCH_CAUSE».");
        int pages = pages(expected(null, null));
        messages.put("/admin/review?page=" + (pages + 7), "Trang " + (pages + 7) + " không tồn tại: bộ lọc này chỉ có " + pages + " trang.");
        int insurancePages = pages(expected(ReviewQueueSeed.INSURANCE, ReviewCause.AUTO_LINK_VETOED));
        messages.put("/admin/review?agency=BHXH&cause=AUTO_LINK_VETOED&page=" + (insurancePages + 1), "Trang " + (insurancePages + 1)
                + " không tồn tại: bộ lọc này chỉ có " + insurancePages + " trang.");
        for (Map.Entry<String, String> address : messages.entrySet()) {
            ReviewQueuePage refused = ReviewQueuePage.open(browser, address.getKey());
            assertThat(refused.problems()).as(address.getKey()).containsExactly(address.getValue());
            assertThat(refused.itemIds()).as(address.getKey()).isEmpty();
            assertThat(browser.await(By.tagName("body")).getText()).as(address.getKey()).doesNotContain("Exception")
                    .doesNotContain("at vn.portal.");
            assertThat(status(address.getKey())).as(address.getKey() + " HTTP status")
                    .isEqualTo(address.getValue().startsWith("Trang ") ? 404 : 400);
        }
        assertThat(status("/admin/review?agency=BHXH&page=1")).as("a valid address").isEqualTo(200);
        ReviewQueuePage several = ReviewQueuePage.open(browser, "/admin/review?page=abc&agency=%3Cb%3EX%3C%2Fb%3E");
        assertThat(several.problems()).containsExactly("Số trang «abc» không hợp lệ: số trang là số nguyên từ 1 trở lên.",
                "Không có cơ quan nào mang mã «<b>X</b>».");
        assertThat(browser.findAll(By.cssSelector("#review-problems b"))).as("the value is shown as text, not markup").isEmpty();

        ReviewQueuePage back = several.resetToQueue();
        assertThat(back.query()).isEmpty();
        assertThat(back.pagerStatus()).startsWith("Trang 1/" + pages);
    }

    /** The HTTP status of a GET of {@code path} in the browser's session (Selenium does not show it for page loads). */
    private int status(String path) {
        Object status = ((JavascriptExecutor) browser.driver()).executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + " fetch(arguments[0], {credentials: 'same-origin', redirect: 'manual'}).then(r => done(r.status), e => done(-1));",
                path);
        return ((Number) status).intValue();
    }

    @Test
    @Order(4)
    @PhoneViewport(width = 375, height = 812)
    @DisplayName("d) on a 375x812 phone screen the filters and pager fit the screen and work")
    void queueWorksOnPhoneScreen() {
        ReviewQueuePage queue = signInAndOpen("/admin/review?agency=UBND-HN");
        assertThat(((Number) browser.script("return window.innerWidth")).intValue()).as("emulated viewport width").isEqualTo(375);
        Number pageWidth = (Number) browser.script("return document.documentElement.scrollWidth");
        assertThat(pageWidth.intValue()).as("no sideways scrolling on the review queue").isLessThanOrEqualTo(375);
        for (WebElement control : List.of(queue.filterButton(), queue.pagerLink("next"), browser.await(By.id("review-agency")))) {
            Number right = (Number) browser.script("return arguments[0].getBoundingClientRect().right", control);
            assertThat(right.doubleValue()).as("ends inside the screen").isLessThanOrEqualTo(375.0);
            Number height = (Number) browser.script("return arguments[0].getBoundingClientRect().height", control);
            assertThat(height.doubleValue()).as("touch target height").isGreaterThanOrEqualTo(44.0);
        }

        ReviewQueuePage second = queue.page("next");
        assertThat(second.query()).isEqualTo("agency=UBND-HN&page=2");
        assertThat(((Number) browser.script("return document.documentElement.scrollWidth")).intValue()).isLessThanOrEqualTo(375);
    }

    @Test
    @Order(5)
    @DisplayName("e) resolving an item on page 2 of a filter removes it from the counts and returns to that page")
    void resolvingAnItemReturnsToTheSameFilteredPage() throws Exception {
        long total = expected(null, null);
        long hanoi = expected(ReviewQueueSeed.HANOI, null);
        ReviewQueuePage page = signInAndOpen("/admin/review?agency=UBND-HN&page=2");
        List<Long> before = page.itemIds();
        long decided = before.get(0);

        ReviewQueuePage after = page.linkToFirstCandidate(decided, "Đã đối chiếu hồ sơ gốc: đúng người, khớp ngày sinh");

        assertThat(after.query()).isEqualTo("agency=UBND-HN&page=2");
        assertThat(after.flash()).isEqualTo("Mục " + decided + ": đã liên kết tài khoản với 0010******01.");
        assertThat(after.openCount()).isEqualTo(openCount(total - 1));
        assertThat(after.matching()).isEqualTo("Bộ lọc đang chọn " + (hanoi - 1) + " mục.");
        assertThat(after.pagerStatus()).isEqualTo("Trang 2/2 — mục 26–" + (hanoi - 1) + " trên tổng số " + (hanoi - 1));
        assertThat(after.itemIds()).doesNotContain(decided).hasSize(before.size() - 1);
        assertThat(after.agencyChoices()).contains("Ủy ban nhân dân Thành phố Hà Nội (UBND-HN) — " + (hanoi - 1) + " mục");
        try (ReviewQueueSeed seed = ReviewQueueSeed.open()) {
            assertThat(seed.status(decided)).isEqualTo(ReviewStatus.RESOLVED_LINKED);
        }
    }
}
