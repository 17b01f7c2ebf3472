package vn.portal.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.portal.it.portal.LinkingPage;
import vn.portal.it.portal.LinkingTables;
import vn.portal.it.portal.LinkingTables.AuditRow;
import vn.portal.it.portal.PortalBrowser;
import vn.portal.it.provider.Citizen;
import vn.portal.it.provider.HostileProvider;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * The upload of {@code /admin/import} in the real portal WAR on Payara Micro, as an administrator's browser does it:
 * signed in through the provider, the form's CSRF token, a multipart POST of an agency's accounts file. The POST is
 * answered at once with a redirect to the import's status page; the test follows it and reloads the page (as its
 * meta refresh does) until the import has finished on the container's managed executor, then checks the counts and
 * row errors the page shows, the accounts in the database and the audit trail of the import.
 */
@ExtendWith({HostileProviderExtension.class, ArquillianExtension.class})
class BackgroundImportIT {

    private static final String PAGE = "/admin/import";
    private static final String UPLOAD = "/admin/import/upload";
    /** Generous: the import takes well under a second, but the suite shares two cores with other builds. */
    private static final Duration IMPORT_DEADLINE = Duration.ofMinutes(3);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);
    private static final String FILE = "accounts-UBND-HN-upload.csv";
    /** Three accounts of a demo agency and one with an impossible birth date (line 5). */
    private static final String ACCOUNTS_CSV = String.join("\r\n",
            "agency_code,account_id,username,full_name,birth_date,gender,id_number,phone,email,password_hash,created_at,last_login_at,status",
            "UBND-HN,HN-UP-0001,xuan.dt,Đinh Thị Xuân,26/01/1967,Nữ,,0243123456,,,2019-03-01 08:00:00,2024-04-01 08:00:00,ACTIVE",
            "UBND-HN,HN-UP-0002,thanh.tc,Trương Công Thành,10/10/1993,Nam,,0909123456,,,2019-03-02 08:00:00,,ACTIVE",
            "UBND-HN,HN-UP-0003,hung.hv,Hoàng Văn Hùng,15/06/1972,Nam,,,,,2019-03-03 08:00:00,,LOCKED",
            "UBND-HN,HN-UP-0004,lan.bt,Bùi Thị Lan,31/02/1988,Nữ,,,,,2019-03-04 08:00:00,,ACTIVE") + "\r\n";
    private static final Pattern JOB = Pattern.compile("[?&]job=([A-Za-z0-9_-]{22})$");
    private static final Pattern STATE = Pattern.compile("id=\"import-run\" data-state=\"([A-Z]+)\"");

    /** Set by {@link HostileProviderExtension} before the deployment. */
    private static HostileProvider provider;
    private static LinkingTables tables;
    private static PortalBrowser administrator;

    @Deployment(testable = false)
    static WebArchive portal() {
        return PortalDeployment.rootWar();
    }

    @BeforeAll
    static void signInTheAdministrator() {
        PortalDeployment.requireDeployed();
        tables = new LinkingTables(ItSettings.databaseUrl(), "portal", "portal");
        administrator = SignedIn.as(provider, Citizen.LE_THI_HOA, "import-administrator");
        assertThat(administrator.me().body()).as("roles of Lê Thị Hoa").contains("ADMINISTRATOR");
    }

    @AfterAll
    static void removeTheImportedAccounts() {
        if (tables != null) {
            tables.deleteAccountsFrom(FILE);
        }
    }

    @Test
    @DisplayName("an uploaded accounts file is imported in the background: redirect at once, status page until FINISHED, counts, errors, rows, audit")
    void uploadedFileIsImportedInTheBackgroundAndItsStatusPageShowsTheOutcome() {
        String token = LinkingPage.of(administrator.get(PAGE)).csrfToken();

        HttpResponse<String> posted = administrator.postMultipart(UPLOAD, Map.of("csrf", token, "kind", "accounts",
                "encoding", "auto"), "file", FILE, ACCOUNTS_CSV);

        assertThat(posted.statusCode()).as("POST " + UPLOAD + "; body " + posted.body()).isEqualTo(302);
        String location = posted.headers().firstValue("Location").orElseThrow(() -> new AssertionError("no Location"));
        URI statusPage = administrator.portal().resolve(location);
        assertThat(statusPage.getPath()).as("redirect after the upload").isEqualTo(PAGE);
        Matcher job = JOB.matcher(location);
        assertThat(job.find()).as("the import's id in " + location).isTrue();
        String id = job.group(1);

        String page = awaitEnded(statusPage.toString());

        assertThat(state(page)).as("state on the status page").contains("FINISHED");
        assertThat(page).as("a finished import's page does not refresh itself").doesNotContain("http-equiv=\"refresh\"");
        assertThat(field(page, "run-file")).isEqualTo(FILE);
        // Vietnamese page: "UTF-8, tự nhận biết (độ tin cậy 1,00)"; the decimal comma keeps the check free of HTML escaping.
        assertThat(field(page, "run-encoding")).startsWith("UTF-8, ").containsPattern(" [01],\\d\\d\\)$").doesNotContain("detected");
        assertThat(field(page, "run-started-by")).isEqualTo("0011******21");
        assertThat(field(page, "run-rows")).isEqualTo("4");
        assertThat(field(page, "run-inserted")).isEqualTo("3");
        assertThat(field(page, "run-updated")).isEqualTo("0");
        assertThat(field(page, "run-unchanged")).isEqualTo("0");
        assertThat(field(page, "run-rejected")).isEqualTo("1");
        assertThat(page).as("the row error: file, line, column, reason").contains(FILE)
                .containsPattern("<td[^>]*>(?:<span[^>]*>[^<]*</span>)?5</td>").contains("<code>birth_date</code>").contains("31/02/1988");
        assertThat(tables.accountIdsFrom(FILE)).as("accounts stored from the file")
                .containsExactly("HN-UP-0001", "HN-UP-0002", "HN-UP-0003");

        assertThat(tables.auditOf("import-" + id)).as("audit rows of the import")
                .extracting(AuditRow::eventType, AuditRow::outcome, AuditRow::actor, AuditRow::target, AuditRow::reason)
                .containsExactly(
                        tuple("LEGACY_IMPORT_STARTED", "SUCCESS", Citizen.LE_THI_HOA.personalId(), "import/accounts", null),
                        tuple("LEGACY_DATA_IMPORTED", "SUCCESS", Citizen.LE_THI_HOA.personalId(), "import/accounts", "ROWS_REJECTED"));

        HttpResponse<String> plain = administrator.get(PAGE);
        assertThat(plain.body()).as("the recent imports on " + PAGE)
                .contains("data-job=\"" + id + "\" data-state=\"FINISHED\"");
    }

    @Test
    @DisplayName("a status page is for administrators only: a citizen gets 403; an unknown or malformed id 404")
    void statusPagesAreForAdministratorsAndUnknownIdsAreNotFound() {
        PortalBrowser citizen = SignedIn.as(provider, Citizen.NGUYEN_VAN_AN, "import-citizen");

        assertThat(citizen.get(PAGE + "?job=AAAAAAAAAAAAAAAAAAAAAA").statusCode()).as("a citizen on a status page").isEqualTo(403);
        assertThat(administrator.get(PAGE + "?job=AAAAAAAAAAAAAAAAAAAAAA").statusCode()).as("an id no import has").isEqualTo(404);
        assertThat(administrator.get(PAGE + "?job=1%27%20OR%20%271").statusCode()).as("a malformed id").isEqualTo(404);
    }

    // ------------------------------------------------------------------ helpers

    /** Reloads the status page until the import is no longer RUNNING (polling, not a timing assertion). */
    private static String awaitEnded(String statusPage) {
        Instant deadline = Instant.now().plus(IMPORT_DEADLINE);
        while (true) {
            HttpResponse<String> response = administrator.get(statusPage);
            assertThat(response.statusCode()).as("GET " + statusPage).isEqualTo(200);
            Optional<String> state = state(response.body());
            assertThat(state).as("the status page shows the import").isPresent();
            if (!state.get().equals("RUNNING")) {
                return response.body();
            }
            assertThat(response.body()).as("a running import's page refreshes itself").contains("http-equiv=\"refresh\"");
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the import did not end within " + IMPORT_DEADLINE + "; see the Micro log in target/failsafe-reports");
            }
            try {
                Thread.sleep(POLL_INTERVAL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for the import", e);
            }
        }
    }

    private static Optional<String> state(String page) {
        Matcher state = STATE.matcher(page);
        return state.find() ? Optional.of(state.group(1)) : Optional.empty();
    }

    /** The text of the element with this id, e.g. {@code <dd id="run-rows">4</dd>}. */
    private static String field(String page, String id) {
        Matcher field = Pattern.compile("id=\"" + Pattern.quote(id) + "\"[^>]*>(.*?)</", Pattern.DOTALL).matcher(page);
        assertThat(field.find()).as("element #" + id + " on the status page").isTrue();
        return field.group(1).strip();
    }
}
