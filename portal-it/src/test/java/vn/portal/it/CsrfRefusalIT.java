package vn.portal.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
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

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every state-changing form of the real portal WAR on Payara Micro, posted by a signed-in user's browser without the
 * session's CSRF token, with a forged one, or with another session's real one (what a cross-site form would send):
 * each answers 403 with the portal's error page, changes nothing, and leaves exactly one audit row,
 * {@code ACCESS_DENIED / CSRF_TOKEN_INVALID}, naming the user, the form and a correlation id, and no token.
 *
 * <p>The forms: the administrator's review decision, import upload (multipart) and linking start; the citizen's claim and
 * dispute on "Tài khoản cũ của tôi"; signing out. The same token posted properly is accepted (the sign-out at the end).
 */
@ExtendWith({HostileProviderExtension.class, ArquillianExtension.class})
class CsrfRefusalIT {

    private static final String FORBIDDEN_TITLE = "Không có quyền truy cập";
    private static final String NO_FIELD = "no csrf field";
    /** What the audit may say about the token (our HTTP client sends no Origin header): how it was wrong, never its value. */
    private static final String DETAILS_NO_FIELD = "form posted with no csrf field; Origin (none)";
    private static final String DETAILS_WRONG = "form posted with a csrf field that is not the session's token; Origin (none)";
    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    /** One account of an agency the demo data lacks: the upload would add it, were it not refused. */
    private static final String ACCOUNTS_CSV = "agency_code,account_id,username,full_name,birth_date,gender,id_number,phone,email,"
            + "password_hash,created_at,last_login_at,status\r\n"
            + "UBND-DN,DN-CSRF-0001,hungtv,Trần Văn Hùng,14/02/1979,Nam,048079001234,0905123456,,,2020-01-02 08:00:00,"
            + "2024-05-02 08:00:00,ACTIVE\r\n";

    /** Set by {@link HostileProviderExtension} before the deployment. */
    private static HostileProvider provider;
    private static LinkingTables tables;
    private static PortalBrowser administrator;
    private static PortalBrowser citizen;

    /** How one refusal went: the answer and the audit rows the request appended. */
    private record Refusal(String how, HttpResponse<String> response, List<AuditRow> appended) { }

    /** How a form reaches its servlet: URL-encoded, or multipart for the upload. */
    private interface FormPost {
        HttpResponse<String> post(PortalBrowser browser, String path, Map<String, String> form);
    }

    private static final FormPost URL_ENCODED = PortalBrowser::postForm;
    private static final FormPost WITH_CSV_FILE = (browser, path, form) ->
            browser.postMultipart(path, form, "file", "accounts-UBND-DN.csv", ACCOUNTS_CSV);

    @Deployment(testable = false)
    static WebArchive portal() {
        return PortalDeployment.rootWar();
    }

    @BeforeAll
    static void signInAnAdministratorAndACitizen() {
        PortalDeployment.requireDeployed();
        tables = new LinkingTables(ItSettings.databaseUrl(), "portal", "portal");
        administrator = SignedIn.as(provider, Citizen.LE_THI_HOA, "csrf-administrator");
        assertThat(administrator.me().body()).as("roles of Lê Thị Hoa").contains("ADMINISTRATOR");
        citizen = SignedIn.as(provider, Citizen.NGUYEN_VAN_AN, "csrf-citizen");
    }

    @Test
    @DisplayName("the review decision without, with a forged or with another session's token: 403, one audit row each, no decision")
    void reviewDecisionWithoutTheSessionsTokenIsRefusedAndAudited() {
        assertRefusedEveryWay(administrator, Citizen.LE_THI_HOA, "/admin/review/decide", URL_ENCODED, Map.of("item", "1",
                "action", "reject", "reason", "Không phải cùng một người", "agency", "", "cause", "", "page", "1"), citizen);
    }

    @Test
    @DisplayName("the linking start without, with a forged or with another session's token: 403, one audit row each, no job")
    void linkingStartWithoutTheSessionsTokenIsRefusedAndAudited() {
        assertRefusedEveryWay(administrator, Citizen.LE_THI_HOA, "/admin/linking/run", URL_ENCODED, Map.of("agency", ""), citizen);
    }

    @Test
    @DisplayName("the import upload (multipart) without, with a forged or with another session's token: 403, one audit row each, nothing imported")
    void importUploadWithoutTheSessionsTokenIsRefusedAndAudited() {
        long accountsBefore = tables.count("legacy_account");

        assertRefusedEveryWay(administrator, Citizen.LE_THI_HOA, "/admin/import/upload", WITH_CSV_FILE,
                Map.of("kind", "accounts", "encoding", "auto"), citizen);

        assertThat(tables.count("legacy_account")).as("legacy accounts after the refused uploads").isEqualTo(accountsBefore);
    }

    @Test
    @DisplayName("the citizen's claim of an old account without, with a forged or with another session's token: 403, one audit row each")
    void claimWithoutTheSessionsTokenIsRefusedAndAudited() {
        assertRefusedEveryWay(citizen, Citizen.NGUYEN_VAN_AN, "/legacy-accounts/claim", URL_ENCODED,
                Map.of("account", "1", "password", "matkhau123"), administrator);
    }

    @Test
    @DisplayName("the citizen's dispute of a linked account without, with a forged or with another session's token: 403, one audit row each")
    void disputeWithoutTheSessionsTokenIsRefusedAndAudited() {
        assertRefusedEveryWay(citizen, Citizen.NGUYEN_VAN_AN, "/legacy-accounts/dispute", URL_ENCODED,
                Map.of("link", "1", "reason", "Tài khoản này không phải của tôi"), administrator);
    }

    @Test
    @DisplayName("signing out without, with a forged or with another session's token: 403, one audit row each, the session survives; with its own token it ends")
    void signOutWithoutTheSessionsTokenIsRefusedAndAudited() {
        PortalBrowser signingOut = SignedIn.as(provider, Citizen.NGUYEN_VAN_AN, "csrf-sign-out");

        assertRefusedEveryWay(signingOut, Citizen.NGUYEN_VAN_AN, "/logout", URL_ENCODED, Map.of(), citizen);

        long before = tables.lastAuditId();
        HttpResponse<String> signedOut = signingOut.postForm("/logout", Map.of("csrf", tokenOf(signingOut)));
        assertThat(signedOut.statusCode()).as("POST /logout with the session's own token").isEqualTo(302);
        assertThat(signingOut.me().statusCode()).as("/api/me after signing out").isEqualTo(401);
        assertThat(tables.auditAfter(before)).as("audit rows of the sign-out").extracting(AuditRow::eventType)
                .contains("SIGNED_OUT").doesNotContain("ACCESS_DENIED");
    }

    // ------------------------------------------------------------------ helpers

    /**
     * Posts {@code fields} to {@code path} in {@code browser} the three ways a cross-site form could: without the csrf
     * field, with an invented token, and with {@code other}'s real token (valid, but for another session); each must be
     * refused and audited.
     */
    private static void assertRefusedEveryWay(PortalBrowser browser, Citizen actor, String path, FormPost post,
            Map<String, String> fields, PortalBrowser other) {
        List<Refusal> refusals = List.of(
                posted(browser, NO_FIELD, path, post, fields),
                posted(browser, "forged csrf", path, post, withToken(fields, "forged-" + UUID.randomUUID())),
                posted(browser, "another session's csrf", path, post, withToken(fields, tokenOf(other))));
        for (Refusal refusal : refusals) {
            assertRefusedAndAudited(refusal, actor, path, browser);
        }
    }

    private static Refusal posted(PortalBrowser browser, String how, String path, FormPost post, Map<String, String> form) {
        long before = tables.lastAuditId();
        HttpResponse<String> response = post.post(browser, path, form);
        return new Refusal(how + " to " + path, response, tables.auditAfter(before));
    }

    private static Map<String, String> withToken(Map<String, String> fields, String token) {
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.put("csrf", token);
        return form;
    }

    /** The session's CSRF token, as every signed-in page carries it in the sign-out form. */
    private static String tokenOf(PortalBrowser browser) {
        return LinkingPage.of(browser.get("/dashboard")).csrfToken();
    }

    /**
     * 403 with the error page, and the request appended exactly one audit row: the refusal, naming {@code actor} and
     * {@code form}, with a correlation id and details that say how the token was wrong and nothing of any token. The user
     * is still signed in.
     */
    private static void assertRefusedAndAudited(Refusal refusal, Citizen actor, String form, PortalBrowser browser) {
        assertThat(refusal.response().statusCode()).as(refusal.how() + ": status").isEqualTo(403);
        assertThat(refusal.response().body()).as(refusal.how() + ": the error page").contains(FORBIDDEN_TITLE);
        assertThat(refusal.appended()).as(refusal.how() + ": audit rows the request appended").singleElement().satisfies(row -> {
            assertThat(row.eventType()).isEqualTo("ACCESS_DENIED");
            assertThat(row.reason()).isEqualTo("CSRF_TOKEN_INVALID");
            assertThat(row.outcome()).isEqualTo("FAILURE");
            assertThat(row.actor()).isEqualTo(actor.personalId());
            assertThat(row.target()).isEqualTo(form);
            assertThat(row.correlationId()).matches(UUID_PATTERN);
            assertThat(row.details()).isEqualTo(refusal.how().startsWith(NO_FIELD) ? DETAILS_NO_FIELD : DETAILS_WRONG);
        });
        assertThat(browser.me().statusCode()).as(refusal.how() + ": still signed in").isEqualTo(200);
    }
}
