package vn.portal.it;

import com.nimbusds.jose.util.JSONObjectUtils;
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
import vn.portal.it.portal.LinkingPage;
import vn.portal.it.portal.LinkingPage.Execution;
import vn.portal.it.portal.LinkingTables;
import vn.portal.it.portal.LinkingTables.AuditRow;
import vn.portal.it.portal.LinkingTables.Link;
import vn.portal.it.portal.MigrationToolCli;
import vn.portal.it.portal.PortalBrowser;
import vn.portal.it.provider.Citizen;
import vn.portal.it.provider.HostileProvider;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * The {@code link-accounts} Jakarta Batch job in the real portal WAR on Payara Micro, started the way an
 * administrator starts it: signed in through the provider, from the form of {@code /admin/linking} with its CSRF
 * token. The legacy data is the demo data of {@code migration-tool import-demo} (a population extract and three
 * agencies' account files in UTF-8, TCVN3 and VNI), loaded by the tool itself into the portal's H2 file. The
 * expected decisions are what {@code migration-tool link} makes of the same files: one engine, one answer.
 *
 * <p>The methods run in order and build on each other (refusals, dry run, run, re-run, page, double start), as an
 * administrator's session does.
 */
@ExtendWith({HostileProviderExtension.class, ArquillianExtension.class})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LinkingBatchJobIT {

    private static final String PAGE = "/admin/linking";
    private static final String START = "/admin/linking/run";
    /** Generous: the demo run takes seconds, but the suite shares two cores with other builds. */
    private static final Duration JOB_DEADLINE = Duration.ofMinutes(5);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);
    private static final Pattern STARTED_TARGET = Pattern.compile("batch/link-accounts/(\\d+)");
    private static final Pattern CHUNK_ACCOUNTS = Pattern.compile("\\baccounts=(\\d+)\\b");
    private static final Pattern EXIT_COUNTS = Pattern.compile(
            "seen=(\\d+) linked=(\\d+) review=0 unlinkable=0 no_match=0 errors=0 taken_meanwhile=(\\d+)");

    /** account, personal ID, method: what {@code migration-tool link} decides for the demo data. */
    private static final List<String> EXPECTED_LINKS = List.of(
            "BHXH/BH-100001 001085012345 AUTO_EXACT",
            "BHXH/BH-100002 079301001234 AUTO_SCORED",
            "BHXH/BH-100003 001190000021 AUTO_REGISTER",
            "BHXH/BH-100004 046072003311 AUTO_REGISTER",
            "BHXH/BH-100005 038188005566 AUTO_SCORED",
            "BTP/TP-2019-0001 040080009876 AUTO_REGISTER",
            "BTP/TP-2019-0002 031095004567 AUTO_EXACT",
            "BTP/TP-2019-0003 026167000135 AUTO_REGISTER",
            "BTP/TP-2019-0004 075093001357 AUTO_EXACT",
            "BTP/TP-2019-0005 001085012345 AUTO_EXACT",
            "BTP/TP-2019-0006 048198007788 AUTO_SCORED",
            "STP-HN/HN-KS-0001 092204001122 AUTO_EXACT",
            "STP-HN/HN-KS-0002 066305002468 AUTO_SCORED",
            "STP-HN/HN-KS-0003 001190000021 AUTO_EXACT",
            "STP-HN/HN-KS-0004 079301001234 AUTO_EXACT",
            // The near-twin Bùi Thị Lành (one letter from Bùi Thị Lan, same birth date) gets her own account, not Lan's.
            "STP-HN/HN-KS-0005 038188005571 AUTO_SCORED",
            // A typo'd personal ID naming nobody: name, birth date and phone still make it Hoàng Văn Hùng's.
            "STP-HN/HN-KS-0006 046072003311 AUTO_SCORED");
    /** The accounts {@link #importNewAgencyAccounts()} adds: each holds its holder's personal ID and birth date. */
    private static final List<String> NEW_AGENCY_LINKS = List.of(
            "UBND-HCM/HCM-0001 079301001234 AUTO_EXACT",
            "UBND-HCM/HCM-0002 001085012345 AUTO_EXACT",
            "UBND-HCM/HCM-0003 031095004567 AUTO_EXACT",
            "UBND-HCM/HCM-0004 092204001122 AUTO_EXACT",
            "UBND-HCM/HCM-0005 066305002468 AUTO_EXACT",
            "UBND-HCM/HCM-0006 040080009876 AUTO_EXACT");
    private static final Map<String, Long> EXPECTED_BY_METHOD = Map.of("AUTO_EXACT", 7L, "AUTO_REGISTER", 4L, "AUTO_SCORED", 6L);
    /** Nguyễn Văn An born 03/11/1985: his namesake's birth date, or his own with day and month swapped; a person decides. */
    private static final String EXPECTED_REVIEW = "BHXH/BH-100008";
    private static final Map<String, String> EXPECTED_UNLINKABLE = Map.of(
            "BHXH/BH-100006", "FOREIGN_PASSPORT",
            "BHXH/BH-100007", "TEST_ACCOUNT");
    private static final String FIRST_RUN_EXIT = "seen=20 linked=17 review=1 unlinkable=2 no_match=0 errors=0 taken_meanwhile=0";
    private static final String NOTHING_LEFT_EXIT = "seen=0 linked=0 review=0 unlinkable=0 no_match=0 errors=0 taken_meanwhile=0";

    /** Set by {@link HostileProviderExtension} before the deployment. */
    private static HostileProvider provider;
    private static MigrationToolCli migrationTool;
    private static LinkingTables tables;
    /** The administrator's browser, signed in by the first test that needs it. */
    private static PortalBrowser administrator;

    /** One start of the job from the page: its execution id (batch runtime) and run id (audit correlation id). */
    private record Started(long executionId, String runId) { }

    private static Started dryRun;
    private static Started firstRun;
    private static Started secondRun;

    @Deployment(testable = false)
    static WebArchive portal() {
        return PortalDeployment.rootWar();
    }

    @BeforeAll
    static void loadTheDemoLegacyDataWithTheMigrationTool() {
        PortalDeployment.requireDeployed();
        migrationTool = new MigrationToolCli(ItSettings.databaseUrl(), "portal", "portal");
        tables = new LinkingTables(ItSettings.databaseUrl(), "portal", "portal");

        MigrationToolCli.Result imported = migrationTool.run("import-demo");

        assertThat(imported.exitCode()).as("migration-tool import-demo; " + imported).isZero();
        assertThat(imported.out()).as("legacy encodings detected; " + imported)
                .contains("Encoding: TCVN3 (ABC), detected").contains("Encoding: VNI-Windows, detected");
        assertThat(tables.count("population_record")).as("population register extract").isEqualTo(14);
        assertThat(tables.count("legacy_account")).as("legacy accounts of BHXH, BTP and STP-HN").isEqualTo(20);
        assertThat(tables.links()).as("links before any run").isEmpty();
    }

    // ------------------------------------------------------------------ who may start it

    @Test
    @Order(1)
    @DisplayName("a citizen without the administrator role gets 403 for the page and for the start, both audited")
    void citizenWithoutAdministratorRoleCannotOpenThePageOrStartTheJob() {
        PortalBrowser citizen = SignedIn.as(provider, Citizen.NGUYEN_VAN_AN, "linking-citizen");
        int deniedBefore = tables.audit("ACCESS_DENIED", "ROLE_MISSING").size();

        HttpResponse<String> page = citizen.get(PAGE);
        // The citizen's own, valid token: what is missing is the role, not the token.
        String citizensToken = LinkingPage.of(citizen.get("/dashboard")).csrfToken();
        HttpResponse<String> start = citizen.postForm(START, Map.of("csrf", citizensToken, "agency", ""));

        assertThat(page.statusCode()).as("GET " + PAGE + " as a citizen").isEqualTo(403);
        assertThat(start.statusCode()).as("POST " + START + " as a citizen").isEqualTo(403);
        List<AuditRow> denied = tables.audit("ACCESS_DENIED", "ROLE_MISSING");
        assertThat(denied.subList(deniedBefore, denied.size())).as("ACCESS_DENIED rows of the two refusals")
                .extracting(AuditRow::target).containsExactly(PAGE, START);
        assertThat(denied.subList(deniedBefore, denied.size())).allSatisfy(row -> {
            assertThat(row.actor()).isEqualTo(Citizen.NGUYEN_VAN_AN.personalId());
            assertThat(row.outcome()).isEqualTo("FAILURE");
        });
        assertThat(tables.audit("LINK_BATCH", "JOB_STARTED")).as("job starts").isEmpty();
        assertThat(tables.links()).as("links").isEmpty();
    }

    @Test
    @Order(2)
    @DisplayName("an administrator's start without the form's CSRF token, or with a forged one, is refused and audited")
    void administratorsStartWithoutTheFormsCsrfTokenIsRefusedAndAudited() {
        PortalBrowser admin = administrator();
        LinkingPage page = openPage(admin);
        assertThat(page.executions()).as("executions before any start").isEmpty();

        // Other classes refuse forged forms in the same database: only this test's refusals count.
        int refusedBefore = tables.audit("ACCESS_DENIED", "CSRF_TOKEN_INVALID").size();

        HttpResponse<String> missing = admin.postForm(START, Map.of("agency", ""));
        HttpResponse<String> forged = admin.postForm(START, Map.of("csrf", "forged-" + UUID.randomUUID(), "agency", ""));

        assertThat(missing.statusCode()).as("POST " + START + " without csrf").isEqualTo(403);
        assertThat(forged.statusCode()).as("POST " + START + " with a forged csrf").isEqualTo(403);
        List<AuditRow> refused = tables.audit("ACCESS_DENIED", "CSRF_TOKEN_INVALID");
        assertThat(refused.subList(refusedBefore, refused.size())).as("audited CSRF refusals")
                .hasSize(2).allSatisfy(row -> {
                    assertThat(row.actor()).isEqualTo(Citizen.LE_THI_HOA.personalId());
                    assertThat(row.target()).isEqualTo(START);
                    assertThat(row.outcome()).isEqualTo("FAILURE");
                });
        assertThat(tables.audit("LINK_BATCH", "JOB_STARTED")).as("job starts").isEmpty();
        assertThat(openPage(admin).executions()).as("executions after the refused starts").isEmpty();
    }

    @Test
    @Order(3)
    @DisplayName("a start naming an agency that is not in the catalogue starts nothing (it is not widened to every agency)")
    void startForAnUnknownAgencyStartsNothing() {
        PortalBrowser admin = administrator();

        for (String agency : List.of("BHXH' OR '1'='1", "BO-KHONG-CO")) {
            HttpResponse<String> posted = admin.postForm(START, Map.of("csrf", openPage(admin).csrfToken(), "agency", agency));

            assertThat(posted.statusCode()).as("POST " + START + " for agency " + agency).isEqualTo(302);
            assertThat(openPage(admin).flash()).as("flash after the start for agency " + agency)
                    .hasValueSatisfying(flash -> assertThat(flash.getKey()).isEqualTo("linking.flash.unknownAgency"));
        }
        assertThat(tables.audit("LINK_BATCH", "JOB_STARTED")).as("job starts").isEmpty();
        assertThat(openPage(admin).executions()).as("executions").isEmpty();
    }

    // ------------------------------------------------------------------ runs

    @Test
    @Order(4)
    @DisplayName("a dry run started from the page counts the decisions and writes nothing")
    void dryRunCountsTheDecisionsAndWritesNothing() {
        dryRun = startFromThePage(Map.of("agency", "", "dryRun", "true"));

        Execution finished = awaitFinished(dryRun);

        assertThat(finished.status()).as("batch status of the dry run " + finished).isEqualTo("COMPLETED");
        assertThat(finished.exitStatus()).as("exit status of the dry run").isEqualTo(FIRST_RUN_EXIT);
        assertThat(finished.parameters()).as("job parameters shown").contains("dryRun=true").contains(dryRun.runId());
        assertThat(tables.links()).as("links after a dry run").isEmpty();
        assertThat(tables.reviewItems()).as("review items after a dry run").isEmpty();
        assertThat(tables.unlinkableVerdicts()).as("unlinkable verdicts after a dry run").isEmpty();
        assertThat(tables.auditOf(dryRun.runId())).as("audit rows of the dry run: only its start")
                .singleElement().satisfies(row -> assertThat(row.details()).contains("dry run"));
    }

    @Test
    @Order(5)
    @DisplayName("the job started from the page links, queues and sets aside the demo accounts as the CLI does, with evidence and audit")
    void administratorStartsTheJobAndItDecidesEveryDemoAccount() {
        firstRun = startFromThePage(Map.of("agency", ""));

        Execution finished = awaitFinished(firstRun);

        assertThat(finished.status()).as("batch status " + finished).isEqualTo("COMPLETED");
        assertThat(finished.exitStatus()).as("exit status").isEqualTo(FIRST_RUN_EXIT);
        assertThat(finished.parameters()).as("job parameters shown").contains("dryRun=false").contains(firstRun.runId());

        List<Link> links = tables.links();
        assertThat(links).as("identity links").extracting(l -> l.account() + " " + l.personalId() + " " + l.method())
                .containsExactlyElementsOf(EXPECTED_LINKS);
        assertThat(links).as("one link per account").extracting(Link::legacyAccountId).doesNotHaveDuplicates();
        assertThat(links).allSatisfy(link -> {
            assertThat(link.state()).as(link.account()).isEqualTo("ACTIVE");
            assertThat(link.createdBy()).as(link.account()).isEqualTo("linking-engine");
            assertEvidence(link.evidence(), link.account(), link.method(), link.personalId());
        });

        assertThat(tables.reviewItems()).as("review items").singleElement().satisfies(item -> {
            assertThat(item.account()).isEqualTo(EXPECTED_REVIEW);
            assertThat(item.cause()).isEqualTo("SCORE_BETWEEN_THRESHOLDS");
            assertThat(item.status()).isEqualTo("OPEN");
            assertEvidence(item.candidates(), EXPECTED_REVIEW, "REVIEW", null);
        });
        assertThat(tables.unlinkableVerdicts()).as("unlinkable verdicts").containsExactlyInAnyOrderEntriesOf(EXPECTED_UNLINKABLE);

        assertRunAudited(firstRun, links);
        assertAuditChainIntact();
    }

    @Test
    @Order(6)
    @DisplayName("a second run decides nothing new: same links, same review item, no new decision in the audit log")
    void secondRunDecidesNothingNew() {
        assertThat(firstRun).as("the first run (previous test) was started").isNotNull();
        List<Link> linksBefore = tables.links();
        List<LinkingTables.ReviewItem> reviewsBefore = tables.reviewItems();
        Map<String, String> verdictsBefore = tables.unlinkableVerdicts();

        secondRun = startFromThePage(Map.of("agency", ""));
        Execution finished = awaitFinished(secondRun);

        assertThat(finished.status()).as("batch status " + finished).isEqualTo("COMPLETED");
        assertThat(finished.exitStatus()).as("exit status of the second run").isEqualTo(NOTHING_LEFT_EXIT);
        assertThat(tables.links()).as("links after the second run").isEqualTo(linksBefore);
        assertThat(tables.reviewItems()).as("review items after the second run").isEqualTo(reviewsBefore);
        assertThat(tables.unlinkableVerdicts()).as("verdicts after the second run").isEqualTo(verdictsBefore);
        assertThat(tables.auditOf(secondRun.runId())).as("audit rows of the second run: only its start")
                .extracting(AuditRow::eventType, AuditRow::reason).containsExactly(tuple("LINK_BATCH", "JOB_STARTED"));
        assertAuditChainIntact();
    }

    @Test
    @Order(7)
    @DisplayName("the page shows every execution with its status and counts, the links by method and the open review")
    void pageShowsTheExecutionsAndTheirCounts() {
        assertThat(secondRun).as("the second run (previous test) was started").isNotNull();

        LinkingPage page = openPage(administrator());

        assertThat(page.linksByMethod()).as("links by method").containsExactlyInAnyOrderEntriesOf(EXPECTED_BY_METHOD);
        assertThat(page.openReviews()).as("open review items").hasValue(1);
        assertThat(page.executions()).as("executions, newest first")
                .extracting(Execution::id, Execution::status, Execution::exitStatus)
                .containsExactly(
                        tuple(secondRun.executionId(), "COMPLETED", NOTHING_LEFT_EXIT),
                        tuple(firstRun.executionId(), "COMPLETED", FIRST_RUN_EXIT),
                        tuple(dryRun.executionId(), "COMPLETED", FIRST_RUN_EXIT));
        // What the administrator reads: Vietnamese labels for the status, the counters and the methods.
        assertThat(page.execution(firstRun.executionId()).orElseThrow().shown()).as("status cell of the first run")
                .isEqualTo("Hoàn tất Đã xem: 20 Đã liên kết: 17 Chờ xem xét: 1 Không thể liên kết: 2 Không khớp: 0 Lỗi: 0"
                        + " Đã được xử lý bởi lượt khác: 0");
        assertThat(page.methodLabels()).as("method labels").containsEntry("AUTO_EXACT", "Tự động: số định danh cá nhân trùng khớp");
        assertThat(page.refreshesItself()).as("meta refresh once every run has ended").isFalse();
    }

    @Test
    @Order(8)
    @DisplayName("two starts at once (a double click) on newly imported accounts link each of them exactly once")
    void twoStartsAtOnceLinkEachNewAccountExactlyOnce() throws IOException {
        assertThat(secondRun).as("the earlier runs (previous tests) were started").isNotNull();
        importNewAgencyAccounts();
        PortalBrowser admin = administrator();
        String token = openPage(admin).csrfToken();
        int startsBefore = tables.audit("LINK_BATCH", "JOB_STARTED").size();

        HttpResponse<String> first = admin.postForm(START, Map.of("csrf", token, "agency", "UBND-HCM"));
        HttpResponse<String> second = admin.postForm(START, Map.of("csrf", token, "agency", "UBND-HCM"));

        assertThat(first.statusCode()).as("first POST " + START).isEqualTo(302);
        assertThat(second.statusCode()).as("second POST " + START).isEqualTo(302);
        List<AuditRow> starts = tables.audit("LINK_BATCH", "JOB_STARTED");
        assertThat(starts).as("job-start audit events").hasSize(startsBefore + 2);
        List<Started> runs = starts.subList(startsBefore, starts.size()).stream().map(row -> {
            Matcher target = STARTED_TARGET.matcher(row.target());
            assertThat(target.matches()).as("target of the start event: " + row.target()).isTrue();
            return new Started(Long.parseLong(target.group(1)), row.correlationId());
        }).toList();
        int linkedByTheRuns = 0;
        for (Started run : runs) {
            Execution finished = awaitFinished(run);
            assertThat(finished.status()).as("batch status " + finished).isEqualTo("COMPLETED");
            Matcher counts = EXIT_COUNTS.matcher(finished.exitStatus());
            assertThat(counts.matches()).as("exit status " + finished.exitStatus()).isTrue();
            int seen = Integer.parseInt(counts.group(1));
            int linked = Integer.parseInt(counts.group(2));
            int taken = Integer.parseInt(counts.group(3));
            // Whichever way the two runs interleave, each account one of them saw was linked by it or taken by the other.
            assertThat(linked + taken).as("linked + taken_meanwhile of " + finished).isEqualTo(seen);
            linkedByTheRuns += linked;
        }

        List<Link> links = tables.links();
        assertThat(links).as("one current link per account, whatever ran at the same time")
                .extracting(Link::legacyAccountId).doesNotHaveDuplicates();
        List<Link> newLinks = links.stream().filter(l -> l.account().startsWith("UBND-HCM/")).toList();
        assertThat(newLinks).as("links of the new accounts").extracting(l -> l.account() + " " + l.personalId() + " " + l.method())
                .containsExactlyElementsOf(NEW_AGENCY_LINKS);
        assertThat(links).as("every link").hasSize(EXPECTED_LINKS.size() + NEW_AGENCY_LINKS.size());
        assertThat(linkedByTheRuns).as("links the two runs report together").isEqualTo(NEW_AGENCY_LINKS.size());
        List<String> created = runs.stream().flatMap(run -> tables.auditOf(run.runId()).stream())
                .filter(row -> row.eventType().equals("LINK_CREATED")).map(AuditRow::target).toList();
        assertThat(created).as("LINK_CREATED rows of the two runs: one per link actually made")
                .containsExactlyInAnyOrderElementsOf(newLinks.stream().map(l -> "legacy_account/" + l.legacyAccountId()).toList());
        assertAuditChainIntact();
    }

    /** Six more accounts, of UBND-HCM, each with its holder's personal ID: imported with {@code migration-tool import-accounts}. */
    private static void importNewAgencyAccounts() throws IOException {
        Path file = Files.createTempFile("accounts-UBND-HCM", ".csv");
        try {
            Files.writeString(file, String.join("\r\n",
                    "agency_code,account_id,username,full_name,birth_date,gender,id_number,phone,email,password_hash,created_at,last_login_at,status",
                    "UBND-HCM,HCM-0001,ngoc.ttb,Trần Thị Bích Ngọc,05/11/2001,Nữ,079301001234,0987654321,,,2020-01-02 08:00:00,2024-05-02 08:00:00,ACTIVE",
                    "UBND-HCM,HCM-0002,annv,Nguyễn Văn An,12/03/1985,Nam,001085012345,0912345678,,,2020-01-03 08:00:00,2024-05-03 08:00:00,ACTIVE",
                    "UBND-HCM,HCM-0003,ducpm,Phạm Minh Đức,02/09/1995,Nam,031095004567,0934567890,,,2020-01-04 08:00:00,2024-05-04 08:00:00,ACTIVE",
                    "UBND-HCM,HCM-0004,baodq,Đặng Quốc Bảo,30/01/2004,Nam,092204001122,0977001122,,,2020-01-05 08:00:00,2024-05-05 08:00:00,ACTIVE",
                    "UBND-HCM,HCM-0005,duyenltm,Lý Thị Mỹ Duyên,22/08/2005,Nữ,066305002468,0523002468,,,2020-01-06 08:00:00,2024-05-06 08:00:00,ACTIVE",
                    "UBND-HCM,HCM-0006,vinhnq,Ngô Quang Vinh,19/08/1980,Nam,040080009876,0868123456,,,2020-01-07 08:00:00,2024-05-07 08:00:00,ACTIVE") + "\r\n",
                    StandardCharsets.UTF_8);
            MigrationToolCli.Result imported = migrationTool.run("import-accounts", "--file", file.toString());
            assertThat(imported.exitCode()).as("migration-tool import-accounts; " + imported).isZero();
            assertThat(imported.out()).as("import summary").contains("Inserted 6, updated 0, unchanged 0, rejected 0");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    // ------------------------------------------------------------------ helpers

    /** Lê Thị Hoa, administrator by the demo data's staff_grant row, signed in once for the whole class. */
    private static PortalBrowser administrator() {
        if (administrator == null) {
            PortalBrowser browser = SignedIn.as(provider, Citizen.LE_THI_HOA, "linking-administrator");
            assertThat(browser.me().body()).as("roles of Lê Thị Hoa").contains("ADMINISTRATOR");
            administrator = browser;
        }
        return administrator;
    }

    private static LinkingPage openPage(PortalBrowser browser) {
        LinkingPage page = LinkingPage.of(browser.get(PAGE));
        assertThat(page.status()).as("GET " + PAGE + " as the administrator").isEqualTo(200);
        return page;
    }

    /**
     * Submits the page's start form as the browser would (the form's hidden CSRF token plus {@code fields}), follows
     * the redirect back to the page, and identifies the execution from the job-start audit event.
     */
    private static Started startFromThePage(Map<String, String> fields) {
        PortalBrowser admin = administrator();
        String token = openPage(admin).csrfToken();
        int startsBefore = tables.audit("LINK_BATCH", "JOB_STARTED").size();
        Map<String, String> form = new HashMap<>(fields);
        form.put("csrf", token);

        HttpResponse<String> posted = admin.postForm(START, form);

        assertThat(posted.statusCode()).as("POST " + START + "; body " + posted.body()).isEqualTo(302);
        assertThat(posted.headers().firstValue("Location").map(l -> admin.portal().resolve(l).getPath())).as("redirect after the start")
                .contains(PAGE);
        List<AuditRow> starts = tables.audit("LINK_BATCH", "JOB_STARTED");
        assertThat(starts).as("job-start audit events").hasSize(startsBefore + 1);
        AuditRow started = starts.get(starts.size() - 1);
        assertThat(started.actor()).as("who started the job").isEqualTo(Citizen.LE_THI_HOA.personalId());
        assertThat(started.outcome()).isEqualTo("SUCCESS");
        assertThat(started.correlationId()).as("run id of the start").matches("link-[0-9a-f-]{36}");
        Matcher target = STARTED_TARGET.matcher(started.target() == null ? "" : started.target());
        assertThat(target.matches()).as("target of the start event: " + started.target()).isTrue();
        long executionId = Long.parseLong(target.group(1));

        LinkingPage after = openPage(admin);
        assertThat(after.flash()).as("flash after the start").hasValueSatisfying(flash -> {
            assertThat(flash.getKey()).isEqualTo("linking.flash.started");
            assertThat(flash.getValue()).contains("số " + executionId);
        });
        return new Started(executionId, started.correlationId());
    }

    /** Reloads the page until it shows the execution finished (polling, not a timing assertion). */
    private static Execution awaitFinished(Started run) {
        Instant deadline = Instant.now().plus(JOB_DEADLINE);
        while (true) {
            LinkingPage page = openPage(administrator());
            Optional<Execution> execution = page.execution(run.executionId());
            if (execution.isPresent() && execution.get().finished()) {
                return execution.get();
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("execution " + run.executionId() + " did not finish within " + JOB_DEADLINE
                        + "; the page shows " + page.executions() + "; see the Micro log in target/failsafe-reports");
            }
            try {
                Thread.sleep(POLL_INTERVAL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for execution " + run.executionId(), e);
            }
        }
    }

    /** The stored evidence explains the decision: the account, the outcome, the chosen person among the candidates. */
    private static void assertEvidence(String json, String account, String outcome, String linkedPersonalId) {
        assertThat(json).as("evidence of " + account).isNotBlank();
        Map<String, Object> evidence;
        try {
            evidence = JSONObjectUtils.parse(json);
        } catch (ParseException e) {
            throw new AssertionError("evidence of " + account + " is not a JSON object: " + json, e);
        }
        assertThat(evidence.get("account")).as("evidence account").isEqualTo(account);
        assertThat(evidence.get("outcome")).as("evidence outcome of " + account).isEqualTo(outcome);
        assertThat(evidence.get("linked_personal_id")).as("evidence person of " + account).isEqualTo(linkedPersonalId);
        assertThat(evidence).as("evidence of " + account).containsKeys("rule", "score", "thresholds", "candidates");
        assertThat((List<?>) evidence.get("candidates")).as("candidates in the evidence of " + account).isNotEmpty();
        if (linkedPersonalId != null) {
            assertThat(json).as("the linked person is among the candidates").contains("\"personal_id\":\"" + linkedPersonalId + "\"");
        }
    }

    /**
     * The run's audit rows share its run id: the administrator's start, one LINK_CREATED per link (its account and
     * method), one LINK_REVIEW_OPENED, and LINK_BATCH chunk events that together account for all 20 accounts.
     */
    private static void assertRunAudited(Started run, List<Link> links) {
        List<AuditRow> audit = tables.auditOf(run.runId());
        // The start is recorded once the batch runtime has given the execution id, so the job's first chunk may precede it.
        assertThat(audit).as("the run's start among its audit rows").filteredOn(row -> "JOB_STARTED".equals(row.reason()))
                .singleElement().satisfies(row -> assertThat(row.target()).isEqualTo("batch/link-accounts/" + run.executionId()));

        assertThat(audit).filteredOn(row -> row.eventType().equals("LINK_CREATED")).as("LINK_CREATED rows")
                .extracting(row -> row.target() + " " + row.reason() + " " + row.actor() + " " + row.outcome())
                .containsExactlyInAnyOrderElementsOf(links.stream()
                        .map(l -> "legacy_account/" + l.legacyAccountId() + " " + l.method() + " linking-engine SUCCESS").toList());
        LinkingTables.ReviewItem review = tables.reviewItems().get(0);
        assertThat(audit).filteredOn(row -> row.eventType().equals("LINK_REVIEW_OPENED")).as("LINK_REVIEW_OPENED rows")
                .extracting(AuditRow::target, AuditRow::reason)
                .containsExactly(tuple("legacy_account/" + review.legacyAccountId(), "BETWEEN_THRESHOLDS"));
        List<AuditRow> chunks = audit.stream()
                .filter(row -> row.eventType().equals("LINK_BATCH") && !"JOB_STARTED".equals(row.reason())).toList();
        assertThat(chunks).as("LINK_BATCH chunk rows").isNotEmpty().allSatisfy(row -> {
            assertThat(row.outcome()).isEqualTo("SUCCESS");
            assertThat(row.details()).contains("links_sha256=").contains("errors=0");
        });
        assertThat(chunks.stream().mapToInt(row -> {
            Matcher accounts = CHUNK_ACCOUNTS.matcher(row.details());
            assertThat(accounts.find()).as("accounts= in " + row.details()).isTrue();
            return Integer.parseInt(accounts.group(1));
        }).sum()).as("accounts the chunk events account for").isEqualTo(20);
    }

    /** {@code migration-tool verify-audit}: the hash chain over every event, the run's and everybody else's. */
    private static void assertAuditChainIntact() {
        MigrationToolCli.Result verified = migrationTool.run("verify-audit");
        assertThat(verified.exitCode()).as("migration-tool verify-audit; " + verified).isZero();
        assertThat(verified.out()).as("verify-audit output").contains("Audit chain intact");
    }
}
