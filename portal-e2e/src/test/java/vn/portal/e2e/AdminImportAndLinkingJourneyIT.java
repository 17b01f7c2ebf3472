package vn.portal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
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

import vn.portal.bridge.domain.model.link.IdentityLink;
import vn.portal.bridge.domain.model.link.LinkMethod;
import vn.portal.bridge.domain.model.link.ReviewItem;
import vn.portal.bridge.domain.model.name.VietnameseName;
import vn.portal.e2e.pages.DashboardPage;
import vn.portal.e2e.pages.ImportPage;
import vn.portal.e2e.pages.LandingPage;
import vn.portal.e2e.pages.LinkingPage;
import vn.portal.sandbox.SandboxServer;

/**
 * The administrator brings an agency's legacy accounts in, in headless Chromium: uploads a Ministry of Justice file
 * typed in TCVN3 on {@code /admin/import} with the encoding left to detection, watches the status page (which reloads
 * itself) until the background import has finished, reads the detected encoding, the counts and the rejected row,
 * then starts the {@code link-accounts} batch job for that agency on {@code /admin/linking} and follows it to the end.
 * The database shows what the run decided for each new account. The same pages are read once in English and once on
 * a phone. The register people are seeded before the first scenario ({@link AccountsFileSeed}); the scenarios run in
 * order because each builds on the import and run of the ones before.
 */
@ExtendWith({BrowserExtension.class, SandboxExtension.class, ArquillianExtension.class})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminImportAndLinkingJourneyIT {

    /** Administrator in the demo staff grants (sandbox-citizens.csv, R__demo_data.sql). */
    private static final String LE_THI_HOA = "Lê Thị Hoa";
    private static final String LE_THI_HOA_MASKED = "0011******21";

    /** Set by {@link SandboxExtension} before the deployment. */
    private static SandboxServer sandbox;

    private static Path accountsFile;
    /** The import of scenario a, which the later scenarios read again. */
    private static String jobId;
    /** The linking run of scenario b. */
    private static long executionId;

    /** Set by {@link BrowserExtension} before each scenario. */
    private Chromium browser;

    @Deployment(testable = false)
    static WebArchive portal() {
        return PortalDeployment.rootWar();
    }

    @BeforeAll
    static void prepareTheFileAndTheRegister() throws Exception {
        PortalDeployment.requireDeployed();
        assertThat(sandbox.issuer()).as("sandbox issuer").isEqualTo(E2eSettings.provider());
        accountsFile = AccountsFileSeed.writeFile(E2eSettings.screenshotDir().resolveSibling("e2e-uploads"));
        try (AccountsFileSeed seed = AccountsFileSeed.open()) {
            assertThat(seed.account(AccountsFileSeed.BY_PERSONAL_ID)).as("a fresh database has none of the file's accounts").isEmpty();
            seed.registerThePeople();
        }
    }

    private void signIn() {
        LandingPage.open(browser).signIn().choose(LE_THI_HOA);
        assertThat(DashboardPage.await(browser).citizenName()).isEqualTo(LE_THI_HOA);
    }

    @Test
    @Order(1)
    @DisplayName("a) a TCVN3 accounts file uploaded with automatic encoding is imported in the background; its page shows the outcome")
    void uploadedTcvn3FileIsImportedAndItsStatusPageShowsTheOutcome() {
        signIn();
        ImportPage form = ImportPage.open(browser, "/admin/import");
        assertThat(form.kindLabel("accounts")).startsWith("Tài khoản cũ của một cơ quan");
        assertThat(form.chosenEncoding()).as("the encoding is left to detection").isEqualTo("Tự nhận biết");

        ImportPage status = form.upload("accounts", accountsFile);
        jobId = status.jobId();
        assertThat(jobId).as("the import's id in the status page's address").matches("[A-Za-z0-9_-]{22}");

        assertThat(status.awaitEnded()).isEqualTo("FINISHED");
        assertThat(status.refreshesItself()).as("a finished import's page stops reloading").isFalse();
        assertThat(status.field("run-state")).isEqualTo("Đã xong");
        assertThat(status.field("run-file")).isEqualTo(AccountsFileSeed.FILE_NAME);
        assertThat(status.field("run-kind")).isEqualTo("Tài khoản cũ của một cơ quan");
        assertThat(status.label("run-encoding")).isEqualTo("Bảng mã");
        assertThat(status.field("run-encoding")).as("the encoding the import detected").startsWith("TCVN3 (ABC), tự nhận biết (độ tin cậy 0,");
        assertThat(status.field("run-started-by")).isEqualTo(LE_THI_HOA_MASKED);
        Map<String, String> counts = new LinkedHashMap<>();
        for (String field : new String[] {"run-rows", "run-inserted", "run-updated", "run-unchanged", "run-rejected"}) {
            counts.put(status.label(field), status.field(field));
        }
        assertThat(counts).containsExactly(Map.entry("Số dòng dữ liệu", "4"), Map.entry("Thêm mới", "3"),
                Map.entry("Cập nhật", "0"), Map.entry("Không đổi", "0"), Map.entry("Bị từ chối", "1"));
        assertThat(status.errorHeadings()).containsExactly("Tệp", "Dòng", "Cột", "Lý do");
        assertThat(status.errorRows()).singleElement().satisfies(row -> {
            assertThat(row).hasSize(4);
            assertThat(row.get(0)).isEqualTo(AccountsFileSeed.FILE_NAME);
            assertThat(row.get(1)).isEqualTo(Long.toString(AccountsFileSeed.IMPOSSIBLE_DATE_LINE));
            assertThat(row.get(2)).isEqualTo("birth_date");
            assertThat(row.get(3)).contains("'" + AccountsFileSeed.IMPOSSIBLE_DATE_VALUE + "'").contains("không phải là ngày");
        });

        try (AccountsFileSeed seed = AccountsFileSeed.open()) {
            // Decoded from TCVN3 into the same NFC text VNeID sends: the names compare equal to the register's.
            assertThat(seed.account(AccountsFileSeed.BY_PERSONAL_ID).orElseThrow().fullName()).contains(VietnameseName.of("Trịnh Văn Hải"));
            assertThat(seed.account(AccountsFileSeed.BY_OLD_ID).orElseThrow().fullName()).contains(VietnameseName.of("Vũ Thị Hằng"));
            assertThat(seed.account(AccountsFileSeed.NAMESAKES).orElseThrow().fullName()).contains(VietnameseName.of("Đỗ Văn Minh"));
            assertThat(seed.account(AccountsFileSeed.IMPOSSIBLE_DATE)).as("the rejected row is not stored").isEmpty();
        }

        ImportPage list = ImportPage.open(browser, "/admin/import");
        assertThat(list.recentState(jobId)).as("the import among the recent ones").contains("FINISHED");
        assertThat(list.recentRow(jobId)).contains(AccountsFileSeed.FILE_NAME, "Tài khoản cũ của một cơ quan", "Đã xong", "4",
                LE_THI_HOA_MASKED);
    }

    @Test
    @Order(2)
    @DisplayName("b) a linking run for the agency completes; its counts match what the database holds for the new accounts")
    void linkingRunForTheAgencyLinksTheNewAccounts() {
        assertThat(jobId).as("the import of scenario a").isNotNull();
        Map<LinkMethod, Long> linksBefore;
        long reviewsBefore;
        try (AccountsFileSeed seed = AccountsFileSeed.open()) {
            linksBefore = seed.linksByMethod();
            reviewsBefore = seed.openReviews();
        }
        signIn();
        LinkingPage page = LinkingPage.open(browser);
        assertThat(page.agencyChoice(AccountsFileSeed.AGENCY)).isEqualTo("Bộ Tư pháp (BTP)");

        LinkingPage started = page.start(AccountsFileSeed.AGENCY);
        executionId = started.startedExecution();
        assertThat(started.flash()).startsWith("Đã bắt đầu lần chạy liên kết số " + executionId + ".");

        // No reload by the test: the page follows the running job by itself.
        String status = started.awaitEnded(executionId);
        assertThat(status).as("execution " + executionId).isEqualTo("COMPLETED");
        assertThat(started.exitStatus(executionId))
                .isEqualTo("seen=3 linked=2 review=1 unlinkable=0 no_match=0 errors=0 taken_meanwhile=0");
        assertThat(started.statusText(executionId)).as("what the administrator reads")
                .startsWith("Hoàn tất").contains("Đã xem: 3", "Đã liên kết: 2", "Chờ xem xét: 1");
        assertThat(started.parameters(executionId)).contains("agency=BTP").contains("dryRun=false");

        try (AccountsFileSeed seed = AccountsFileSeed.open()) {
            IdentityLink byPersonalId = seed.link(AccountsFileSeed.BY_PERSONAL_ID).orElseThrow();
            assertThat(byPersonalId.personalId()).isEqualTo(AccountsFileSeed.HAI);
            assertThat(byPersonalId.method()).isEqualTo(LinkMethod.AUTO_EXACT);
            IdentityLink byOldId = seed.link(AccountsFileSeed.BY_OLD_ID).orElseThrow();
            assertThat(byOldId.personalId()).isEqualTo(AccountsFileSeed.HANG);
            assertThat(byOldId.method()).isEqualTo(LinkMethod.AUTO_REGISTER);
            assertThat(seed.link(AccountsFileSeed.NAMESAKES)).as("namesakes are never linked automatically").isEmpty();
            ReviewItem review = seed.openReview(AccountsFileSeed.NAMESAKES).orElseThrow();
            assertThat(review.candidates()).as("both namesakes offered to the reviewer").hasValueSatisfying(json -> assertThat(json)
                    .contains(AccountsFileSeed.MINH_HANOI.value()).contains(AccountsFileSeed.MINH_THAI_BINH.value()));

            Map<String, Long> expected = new LinkedHashMap<>();
            seed.linksByMethod().forEach((method, count) -> expected.put(method.name(), count));
            assertThat(expected.get("AUTO_EXACT")).isEqualTo(linksBefore.getOrDefault(LinkMethod.AUTO_EXACT, 0L) + 1);
            assertThat(expected.get("AUTO_REGISTER")).isEqualTo(linksBefore.getOrDefault(LinkMethod.AUTO_REGISTER, 0L) + 1);
            assertThat(seed.openReviews()).isEqualTo(reviewsBefore + 1);

            LinkingPage reloaded = LinkingPage.open(browser);
            assertThat(reloaded.linksByMethod()).as("links by method on the page").isEqualTo(expected);
            assertThat(reloaded.methodLabels()).containsEntry("AUTO_REGISTER", "Tự động: số CMND cũ đối chiếu qua Cơ sở dữ liệu quốc gia về dân cư");
            assertThat(reloaded.refreshesItself()).as("no reload once the run has ended").isFalse();
            assertThat(reloaded.reviewLink()).isEqualTo("Xem xét liên kết (" + seed.openReviews() + " mục đang chờ)");
        }
    }

    @Test
    @Order(3)
    @DisplayName("c) switched to English once, the status page (same import) and the linking page read in English")
    void statusAndLinkingPagesReadInEnglish() {
        assertThat(executionId).as("the run of scenario b").isPositive();
        signIn();
        ImportPage vietnamese = ImportPage.open(browser, "/admin/import?job=" + jobId);
        assertThat(vietnamese.heading()).isEqualTo("Nhập dữ liệu từ tệp CSV");

        ImportPage english = vietnamese.switchLanguage("en");
        assertThat(english.jobId()).as("the switch stays on the same import").isEqualTo(jobId);
        assertThat(english.heading()).isEqualTo("Import from a CSV file");
        assertThat(english.field("run-state")).isEqualTo("Finished");
        assertThat(english.field("run-kind")).isEqualTo("Legacy accounts of one agency");
        assertThat(english.label("run-encoding")).isEqualTo("Encoding");
        assertThat(english.field("run-encoding")).startsWith("TCVN3 (ABC), detected (confidence 0.");
        assertThat(english.label("run-inserted")).isEqualTo("Inserted");
        assertThat(english.label("run-rejected")).isEqualTo("Rejected");
        assertThat(english.field("run-rejected")).isEqualTo("1");
        assertThat(english.errorHeadings()).containsExactly("File", "Line", "Column", "Reason");
        assertThat(english.errorRows()).singleElement().satisfies(row -> assertThat(row.subList(1, 3))
                .containsExactly(Long.toString(AccountsFileSeed.IMPOSSIBLE_DATE_LINE), "birth_date"));
        assertThat(english.errorRows().get(0).get(3)).contains("'" + AccountsFileSeed.IMPOSSIBLE_DATE_VALUE + "' is not a date");

        LinkingPage linking = LinkingPage.open(browser);
        assertThat(linking.heading()).as("the choice is remembered for the session").isEqualTo("Linking legacy accounts");
        assertThat(linking.executionHeadings()).contains("Status", "Started", "Ended");
        assertThat(linking.status(executionId)).isEqualTo("COMPLETED");
        assertThat(linking.statusText(executionId)).startsWith("Completed").contains("Seen: 3", "Linked: 2", "Sent to review: 1");
    }

    @Test
    @Order(4)
    @PhoneViewport(width = 375, height = 812)
    @DisplayName("d) on a 375x812 phone screen the status page has no sideways scroll and still shows the rejected row")
    void statusPageFitsAPhoneScreen() {
        assertThat(jobId).as("the import of scenario a").isNotNull();
        signIn();
        ImportPage status = ImportPage.open(browser, "/admin/import?job=" + jobId);
        // A page wider than the phone makes the emulated browser zoom out, so the viewport itself grows past 375.
        int viewport = ((Number) browser.script("return window.innerWidth")).intValue();
        assertThat(viewport).as("emulated viewport width; wider than the screen: %s", widerThan(375)).isEqualTo(375);
        int pageWidth = ((Number) browser.script("return document.documentElement.scrollWidth")).intValue();
        assertThat(pageWidth).as("no sideways scrolling on the status page; wider than the screen: %s", widerThan(viewport))
                .isLessThanOrEqualTo(viewport);
        assertThat(status.field("run-state")).isEqualTo("Đã xong");
        assertThat(status.field("run-rejected")).isEqualTo("1");
        assertThat(status.errorRows()).singleElement().satisfies(row -> assertThat(row.get(2)).isEqualTo("birth_date"));
    }

    /** The innermost elements that end beyond {@code width} CSS pixels, for a failure message that says what to fix. */
    private Object widerThan(int width) {
        return browser.script("const w = arguments[0];"
                + " return Array.from(document.body.querySelectorAll('*')).filter(e => e.getBoundingClientRect().right > w + 0.5"
                + "   && !Array.from(e.children).some(c => c.getBoundingClientRect().right > w + 0.5))"
                + "  .slice(0, 8).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + e.className : '')"
                + "   + (e.parentElement.closest('[id]') ? ' in #' + e.parentElement.closest('[id]').id : ''));",
                width);
    }
}
