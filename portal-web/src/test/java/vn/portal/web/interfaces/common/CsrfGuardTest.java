package vn.portal.web.interfaces.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.portal.bridge.application.AuditLog;
import vn.portal.bridge.domain.model.audit.AuditEvent;
import vn.portal.bridge.domain.model.audit.AuditEventType;
import vn.portal.bridge.domain.model.audit.AuditOutcome;
import vn.portal.bridge.infrastructure.persistence.BridgeServices;
import vn.portal.bridge.infrastructure.persistence.DatabaseSettings;
import vn.portal.bridge.infrastructure.persistence.PortalDatabase;
import vn.portal.web.infrastructure.PortalAudit;
import vn.portal.web.security.session.SignedInUser;

/** The one path every state-changing form's CSRF refusal takes, against the real audit log on an in-memory H2 database. */
class CsrfGuardTest {

    private static final String ADMIN_TOKEN = "Zt7q0mB3xV9kLw2pRf8sYcGh1uJ5nE4aDk6oWl9iTb0";
    private static final String CITIZEN_TOKEN = "Qm4vT8yK2pL6wX0sNc3rHd7fJ1gB5zA9eU2iOy6tRw8";
    private static final String FORGED = "forged-3b8e5c1a";

    private static PortalDatabase database;
    private static AuditLog auditLog;
    private static CsrfGuard guard;

    private final Logger guardLog = Logger.getLogger(CsrfGuard.class.getName());
    private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeAll
    static void openAuditLog() {
        database = PortalDatabase.open(DatabaseSettings.inMemory("csrf-guard-" + UUID.randomUUID()));
        auditLog = new BridgeServices(database).auditLog();
        guard = new CsrfGuard(new PortalAudit(auditLog));
    }

    @AfterAll
    static void closeDatabase() {
        database.close();
    }

    @BeforeEach
    void captureLog() {
        guardLog.addHandler(capture);
    }

    @AfterEach
    void releaseLog() {
        guardLog.removeHandler(capture);
    }

    @Test
    void refusesAFormWithoutTheCsrfFieldAndAuditsWhoPostedWhichForm() throws IOException {
        long before = lastEventId();
        PostedForm form = PostedForm.to("/admin/review/decide").signedIn(PostedForm.administrator(ADMIN_TOKEN))
                .field("item", "7").field("action", "reject");

        boolean admitted = guard.admits(form.request(), form.response(), PostedForm.administrator(ADMIN_TOKEN));

        assertThat(admitted).isFalse();
        assertThat(form.errorStatus()).as("answer").isEqualTo(403);
        AuditEvent refusal = singleRefusalSince(before);
        assertThat(refusal.actor()).as("actor").hasValue("001190000021");
        assertThat(refusal.target()).as("target").hasValue("/admin/review/decide");
        assertThat(refusal.details()).as("details").hasValue("form posted with no csrf field; Origin (none)");
        assertWarnedOnce(refusal, "/admin/review/decide", "administrator 0011******21");
    }

    @Test
    void refusesAForgedTokenWithoutWritingEitherToken() throws IOException {
        long before = lastEventId();
        SignedInUser citizen = PostedForm.citizen(CITIZEN_TOKEN);
        PostedForm form = PostedForm.to("/legacy-accounts/claim").signedIn(citizen).field("csrf", FORGED)
                .field("account", "12").field("password", "matkhau123").header("Origin", "https://trang-gia-mao.example");

        boolean admitted = guard.admits(form.request(), form.response(), citizen);

        assertThat(admitted).isFalse();
        assertThat(form.errorStatus()).isEqualTo(403);
        AuditEvent refusal = singleRefusalSince(before);
        assertThat(refusal.actor()).hasValue("001085012345");
        assertThat(refusal.target()).hasValue("/legacy-accounts/claim");
        assertThat(refusal.details()).hasValue("form posted with a csrf field that is not the session's token; "
                + "Origin https://trang-gia-mao.example");
        assertThat(refusal.toString() + refusal.details().orElseThrow()).doesNotContain(FORGED, CITIZEN_TOKEN, "matkhau123");
        assertWarnedOnce(refusal, "/legacy-accounts/claim", "citizen 0010******45");
        assertThat(logged.get(0).getMessage()).doesNotContain(FORGED, CITIZEN_TOKEN, "matkhau123");
    }

    @Test
    void admitsTheSessionsOwnTokenSilently() throws IOException {
        long before = lastEventId();
        SignedInUser citizen = PostedForm.citizen(CITIZEN_TOKEN);
        PostedForm form = PostedForm.to("/legacy-accounts/dispute").signedIn(citizen).field("csrf", CITIZEN_TOKEN);

        assertThat(guard.verifiedUser(form.request(), form.response())).contains(citizen);
        assertThat(form.errorStatus()).as("no error sent").isZero();
        assertThat(lastEventId()).as("nothing audited").isEqualTo(before);
        assertThat(logged).as("nothing logged").isEmpty();
    }

    @Test
    void anotherSessionsTokenIsForgedToo() throws IOException {
        long before = lastEventId();
        // The administrator's own token, posted in the citizen's session: a token is only good in its own session.
        PostedForm form = PostedForm.to("/logout").signedIn(PostedForm.citizen(CITIZEN_TOKEN)).field("csrf", ADMIN_TOKEN);

        assertThat(guard.verifiedUser(form.request(), form.response())).isEmpty();
        assertThat(form.errorStatus()).isEqualTo(403);
        assertThat(singleRefusalSince(before).target()).hasValue("/logout");
    }

    @Test
    void administratorsFormsAdmitOnlyAdministratorsWithTheirToken() throws IOException {
        long before = lastEventId();
        SignedInUser admin = PostedForm.administrator(ADMIN_TOKEN);
        PostedForm adminsForm = PostedForm.to("/admin/import/upload").signedIn(admin).field("csrf", ADMIN_TOKEN);
        // A citizen's own valid token: the role is what is missing, and the session guard has audited that already.
        PostedForm citizensForm = PostedForm.to("/admin/import/upload").signedIn(PostedForm.citizen(CITIZEN_TOKEN))
                .field("csrf", CITIZEN_TOKEN);
        PostedForm signedOut = PostedForm.to("/admin/import/upload").field("csrf", ADMIN_TOKEN);

        assertThat(guard.verifiedAdministrator(adminsForm.request(), adminsForm.response())).contains(admin);
        assertThat(guard.verifiedAdministrator(citizensForm.request(), citizensForm.response())).isEmpty();
        assertThat(guard.verifiedAdministrator(signedOut.request(), signedOut.response())).isEmpty();

        assertThat(adminsForm.errorStatus()).isZero();
        assertThat(citizensForm.errorStatus()).isEqualTo(403);
        assertThat(signedOut.errorStatus()).isEqualTo(403);
        assertThat(lastEventId()).as("no CSRF refusal audited").isEqualTo(before);
    }

    @Test
    void administratorWithAForgedTokenIsRefusedAndAudited() throws IOException {
        long before = lastEventId();
        PostedForm form = PostedForm.to("/admin/linking/run").signedIn(PostedForm.administrator(ADMIN_TOKEN)).field("csrf", FORGED);

        assertThat(guard.verifiedAdministrator(form.request(), form.response())).isEmpty();
        assertThat(form.errorStatus()).isEqualTo(403);
        assertThat(singleRefusalSince(before).target()).hasValue("/admin/linking/run");
    }

    @Test
    void forgedOriginIsKeptPrintableAndShort() {
        String injected = "https://gia-mao.example\r\nSEVERE: fake line" + "x".repeat(400);

        String origin = CsrfGuard.origin(PostedForm.to("/logout").header("Origin", injected).request());

        assertThat(origin).startsWith("https://gia-mao.exampleSEVERE: fake line").doesNotContain("\r", "\n")
                .hasSize(CsrfGuard.MAX_ORIGIN + 1).endsWith("…");
        assertThat(CsrfGuard.origin(PostedForm.to("/logout").header("Origin", " ").request())).isEqualTo("(none)");
    }

    private static long lastEventId() {
        List<AuditEvent> latest = auditLog.recent(1);
        return latest.isEmpty() ? 0 : latest.get(0).id();
    }

    /** The one event appended since {@code before}: an ACCESS_DENIED / CSRF_TOKEN_INVALID failure with a correlation id. */
    private static AuditEvent singleRefusalSince(long before) {
        List<AuditEvent> appended = auditLog.recent(10).stream().filter(e -> e.id() > before).toList();
        assertThat(appended).as("events appended by the refusal").hasSize(1);
        AuditEvent refusal = appended.get(0);
        assertThat(refusal.type()).isEqualTo(AuditEventType.ACCESS_DENIED);
        assertThat(refusal.outcome()).isEqualTo(AuditOutcome.FAILURE);
        assertThat(refusal.reason()).hasValue("CSRF_TOKEN_INVALID");
        assertThat(refusal.correlationId()).as("correlation id")
                .hasValueSatisfying(id -> assertThat(UUID.fromString(id)).hasToString(id));
        return refusal;
    }

    /** One WARNING naming the form, the correlation id and the masked user, never the full personal ID. */
    private void assertWarnedOnce(AuditEvent refusal, String form, String maskedUser) {
        assertThat(logged).as("log records").singleElement().satisfies(record -> {
            assertThat(record.getLevel()).isEqualTo(Level.WARNING);
            assertThat(record.getMessage()).contains(form, refusal.correlationId().orElseThrow(), maskedUser)
                    .doesNotContain(refusal.actor().orElseThrow());
        });
    }
}
