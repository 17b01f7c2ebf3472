package vn.portal.bridge.application.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.portal.bridge.application.TestClock;
import vn.portal.bridge.domain.model.audit.AuditEvent;
import vn.portal.bridge.domain.model.audit.AuditEventType;
import vn.portal.bridge.domain.model.audit.AuditOutcome;
import vn.portal.bridge.domain.model.encoding.LegacyEncoding;
import vn.portal.bridge.infrastructure.persistence.jpa.JdbcImportRunRepository;

/** Background imports on a real H2 database (Oracle mode): the import_run rows, the refusals, the audit trail. */
class BackgroundImportsTest {

    private static final String ADMIN = "001190000021";
    private static final String OTHER_ADMIN = "079301001234";
    private static final Duration STALE_AFTER = Duration.ofMinutes(2);

    @TempDir
    Path dir;

    final ImportDatabase db = new ImportDatabase();
    final TestClock clock = new TestClock(ImportDatabase.NOW);
    final JdbcImportRunRepository repository = new JdbcImportRunRepository(db.database.entityManagerFactory());

    @AfterEach
    void close() {
        db.close();
    }

    BackgroundImports on(String node) {
        return new BackgroundImports(repository, db.importer, db.services.auditLog(), clock, node, STALE_AFTER);
    }

    Path btpAccounts(String name) throws Exception {
        return ImportDatabase.write(dir, name, LegacyEncoding.TCVN3, AccountImportTest.HEADER,
                "BTP,TP-1,vinhnq,Ngô Quang Vinh,19/08/1980,Nam,040080009876,0868123456,,,,,ACTIVE",
                "BTP,TP-2,lan.bui,Bùi Thị Lan,31/02/1988,Nữ,,,,,,,ACTIVE",
                "BTP,TP-3,duc.pham,Phạm Minh Đức,02/09/1995,Nam,031095004567,,,,,,ACTIVE");
    }

    @Test
    void importsAnUploadedFileAndKeepsItsOutcomeInTheDatabase() throws Exception {
        BackgroundImports imports = on("node-1");
        ImportRun started = imports.start(ImportKind.ACCOUNTS, "accounts-BTP.csv", EncodingChoice.auto(), ADMIN);

        assertThat(imports.find(started.id())).hasValueSatisfying(run -> {
            assertThat(run.state()).isEqualTo(ImportRunState.RUNNING);
            assertThat(run.encoding()).isEqualTo("auto");
            assertThat(run.startedBy()).isEqualTo(ADMIN);
            assertThat(run.startedAt()).isEqualTo(ImportDatabase.NOW);
            assertThat(run.counts()).isNull();
        });

        clock.advance(Duration.ofSeconds(5));
        ImportRun ended = imports.run(started, ImportSource.of(btpAccounts("accounts-BTP.csv")), EncodingChoice.auto());

        assertThat(ended.state()).isEqualTo(ImportRunState.FINISHED);
        assertThat(ended.finishedAt()).isEqualTo(ImportDatabase.NOW.plusSeconds(5));
        assertThat(ended.rowsRead()).isEqualTo(3);
        assertThat(ended.counts()).isEqualTo(new ImportRun.Counts(2, 0, 0, 1));
        assertThat(ended.encoding()).startsWith("TCVN3").contains("detected");
        assertThat(ended.errors()).extracting(RowError::file, RowError::line, RowError::column)
                .containsExactly(tuple("accounts-BTP.csv", 3L, "birth_date"));
        assertThat(ended.errors().get(0).reason()).contains("31/02/1988");
        assertThat(imports.find(started.id())).contains(ended);
        assertThat(db.strings("SELECT full_name FROM legacy_account WHERE agency_code = 'BTP' ORDER BY account_id"))
                .containsExactly("Ngô Quang Vinh", "Phạm Minh Đức");

        String correlation = BackgroundImports.correlationId(started.id());
        assertThat(db.services.auditLog().findByCorrelationId(correlation))
                .extracting(AuditEvent::type, AuditEvent::outcome, e -> e.actor().orElse(null), e -> e.reason().orElse(null))
                .containsExactly(
                        tuple(AuditEventType.LEGACY_IMPORT_STARTED, AuditOutcome.SUCCESS, ADMIN, null),
                        tuple(AuditEventType.LEGACY_DATA_IMPORTED, AuditOutcome.SUCCESS, ADMIN, "ROWS_REJECTED"));
        assertThat(db.services.auditLog().verify().isIntact()).isTrue();
    }

    @Test
    void refusesASecondImportOfTheSameFileWhileTheFirstRuns() throws Exception {
        BackgroundImports node1 = on("node-1");
        BackgroundImports node2 = on("node-2");
        ImportRun first = node1.start(ImportKind.ACCOUNTS, "accounts-BTP.csv", EncodingChoice.auto(), ADMIN);

        assertThatThrownBy(() -> node2.start(ImportKind.ACCOUNTS, "accounts-BTP.csv", EncodingChoice.auto(), OTHER_ADMIN))
                .isInstanceOfSatisfying(ImportAlreadyRunningException.class, e -> assertThat(e.running().id()).isEqualTo(first.id()))
                .hasMessageContaining("accounts-BTP.csv is already being imported");
        AuditEvent refusal = db.services.auditLog().recent(AuditEventType.LEGACY_IMPORT_REFUSED, 1).get(0);
        assertThat(refusal.outcome()).isEqualTo(AuditOutcome.FAILURE);
        assertThat(refusal.actor()).contains(OTHER_ADMIN);
        assertThat(refusal.reason()).contains("ALREADY_RUNNING");
        assertThat(refusal.correlationId()).contains(BackgroundImports.correlationId(first.id()));

        // Another file of the same kind, and the same name as another kind, are independent.
        assertThat(node2.start(ImportKind.ACCOUNTS, "accounts-BHXH.csv", EncodingChoice.auto(), OTHER_ADMIN).isRunning()).isTrue();
        assertThat(node2.start(ImportKind.POPULATION, "accounts-BTP.csv", EncodingChoice.auto(), OTHER_ADMIN).isRunning()).isTrue();

        node1.run(first, ImportSource.of(btpAccounts("accounts-BTP.csv")), EncodingChoice.auto());
        ImportRun again = node2.start(ImportKind.ACCOUNTS, "accounts-BTP.csv", EncodingChoice.forced(LegacyEncoding.TCVN3), OTHER_ADMIN);
        assertThat(again.encoding()).isEqualTo("tcvn3");
        ImportRun reimported = node2.run(again, ImportSource.of(btpAccounts("accounts-BTP.csv")), EncodingChoice.forced(LegacyEncoding.TCVN3));
        assertThat(reimported.counts()).isEqualTo(new ImportRun.Counts(0, 0, 2, 1));
        assertThat(reimported.encoding()).isEqualTo("TCVN3 (ABC) (forced)");
    }

    @Test
    void aFileRefusedAsAWholeEndsAsFailedWithTheImportersReason() throws Exception {
        BackgroundImports imports = on("node-1");
        ImportRun started = imports.start(ImportKind.ACCOUNTS, "accounts-empty.csv", EncodingChoice.auto(), ADMIN);
        Path headerOnly = ImportDatabase.writeUtf8(dir, "accounts-empty.csv", AccountImportTest.HEADER + "\r\n");

        ImportRun ended = imports.run(started, ImportSource.of(headerOnly), EncodingChoice.auto());

        assertThat(ended.state()).isEqualTo(ImportRunState.FAILED);
        assertThat(ended.failure()).isEqualTo("accounts-empty.csv: has a header but no data rows");
        assertThat(ended.counts()).isNull();
        assertThat(ended.finishedAt()).isNotNull();
        assertThat(db.services.auditLog().findByCorrelationId(BackgroundImports.correlationId(started.id())))
                .extracting(AuditEvent::type, AuditEvent::outcome, e -> e.reason().orElse(null))
                .containsExactly(tuple(AuditEventType.LEGACY_IMPORT_STARTED, AuditOutcome.SUCCESS, null),
                        tuple(AuditEventType.LEGACY_DATA_IMPORTED, AuditOutcome.FAILURE, "FILE_REJECTED"));
        // The file is free again.
        assertThat(imports.start(ImportKind.ACCOUNTS, "accounts-empty.csv", EncodingChoice.auto(), ADMIN).isRunning()).isTrue();
    }

    @Test
    void anImportTheExecutorRefusedEndsAsFailedAndIsAudited() {
        BackgroundImports imports = on("node-1");
        ImportRun started = imports.start(ImportKind.SERVICES, "services.csv", EncodingChoice.auto(), ADMIN);

        imports.notScheduled(started, "executor is shutting down");

        assertThat(imports.find(started.id())).hasValueSatisfying(run -> {
            assertThat(run.state()).isEqualTo(ImportRunState.FAILED);
            assertThat(run.failure()).isEqualTo("not started: executor is shutting down");
        });
        assertThat(db.services.auditLog().recent(AuditEventType.LEGACY_IMPORT_FAILED, 1)).singleElement()
                .satisfies(e -> assertThat(e.reason()).contains("NOT_SCHEDULED"));
    }

    @Test
    void anImportWhoseNodeWentSilentShowsInterruptedAndNoLongerHoldsItsFile() {
        BackgroundImports node1 = on("node-1");
        BackgroundImports node2 = on("node-2");
        ImportRun silent = node1.start(ImportKind.POPULATION, "population.csv", EncodingChoice.auto(), ADMIN);

        clock.advance(STALE_AFTER);
        assertThat(node2.find(silent.id())).map(ImportRun::state).contains(ImportRunState.RUNNING);
        clock.advance(Duration.ofSeconds(1));
        assertThat(node2.find(silent.id())).hasValueSatisfying(run -> {
            assertThat(run.state()).isEqualTo(ImportRunState.INTERRUPTED);
            assertThat(run.failure()).contains("node-1");
        });
        assertThat(node2.recent(20)).extracting(ImportRun::state).containsExactly(ImportRunState.INTERRUPTED);

        ImportRun next = node2.start(ImportKind.POPULATION, "population.csv", EncodingChoice.auto(), OTHER_ADMIN);

        assertThat(next.isRunning()).isTrue();
        assertThat(repository.find(silent.id())).map(ImportRun::state).contains(ImportRunState.INTERRUPTED);
        assertThat(db.services.auditLog().findByCorrelationId(BackgroundImports.correlationId(silent.id())))
                .extracting(AuditEvent::type, e -> e.reason().orElse(null))
                .containsExactly(tuple(AuditEventType.LEGACY_IMPORT_STARTED, null),
                        tuple(AuditEventType.LEGACY_IMPORT_INTERRUPTED, "NO_HEARTBEAT"));
    }

    @Test
    void aRestartedNodeMarksItsOwnRunningImportsInterruptedAndLeavesOtherNodesLiveOnes() {
        ImportRun mine = on("node-1").start(ImportKind.ACCOUNTS, "accounts-BTP.csv", EncodingChoice.auto(), ADMIN);
        ImportRun theirs = on("node-2").start(ImportKind.ACCOUNTS, "accounts-BHXH.csv", EncodingChoice.auto(), OTHER_ADMIN);
        clock.advance(Duration.ofSeconds(30));

        BackgroundImports restarted = on("node-1");
        assertThat(restarted.interruptAbandoned()).isEqualTo(1);
        assertThat(restarted.interruptAbandoned()).as("a second call finds nothing left").isZero();

        assertThat(restarted.find(mine.id())).hasValueSatisfying(run -> {
            assertThat(run.state()).isEqualTo(ImportRunState.INTERRUPTED);
            assertThat(run.finishedAt()).isEqualTo(ImportDatabase.NOW.plusSeconds(30));
            assertThat(run.failure()).isEqualTo("node node-1 restarted while importing");
        });
        assertThat(restarted.find(theirs.id())).map(ImportRun::state).contains(ImportRunState.RUNNING);
        assertThat(db.services.auditLog().recent(AuditEventType.LEGACY_IMPORT_INTERRUPTED, 5)).singleElement().satisfies(e -> {
            assertThat(e.reason()).contains("NODE_RESTARTED");
            assertThat(e.correlationId()).contains(BackgroundImports.correlationId(mine.id()));
        });
    }

    @Test
    void listsTheRecentImportsNewestFirst() {
        BackgroundImports imports = on("node-1");
        for (int i = 1; i <= 25; i++) {
            clock.advance(Duration.ofSeconds(1));
            imports.notScheduled(imports.start(ImportKind.ACCOUNTS, "accounts-" + i + ".csv", EncodingChoice.auto(), ADMIN), "test");
        }

        List<ImportRun> recent = imports.recent(20);

        assertThat(recent).hasSize(20);
        assertThat(recent.get(0).fileName()).isEqualTo("accounts-25.csv");
        assertThat(recent.get(19).fileName()).isEqualTo("accounts-6.csv");
        assertThat(imports.find(ImportRunId.random())).isEqualTo(Optional.empty());
    }

    @Test
    void importIdsAreRandomAndOnlyWellFormedOnesAreRead() {
        ImportRunId id = ImportRunId.random();
        assertThat(id.value()).matches("[A-Za-z0-9_-]{22}");
        assertThat(ImportRunId.random()).isNotEqualTo(id);
        assertThat(ImportRunId.of(id.value())).isEqualTo(id);
        assertThatThrownBy(() -> ImportRunId.of("1")).isInstanceOf(InvalidImportRunIdException.class)
                .hasMessage("not an import id (22 base64url characters): '1'");
        assertThatThrownBy(() -> ImportRunId.of("../../etc/passwd-xxxxxx")).isInstanceOf(InvalidImportRunIdException.class);
        assertThatThrownBy(() -> ImportRunId.of(null)).isInstanceOf(InvalidImportRunIdException.class);
    }
}
