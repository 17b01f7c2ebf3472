package vn.portal.bridge.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import vn.portal.bridge.domain.model.audit.AuditEntry;
import vn.portal.bridge.domain.model.audit.AuditEvent;
import vn.portal.bridge.domain.model.audit.AuditEventType;
import vn.portal.bridge.domain.model.audit.AuditOutcome;
import vn.portal.bridge.infrastructure.persistence.BridgeServices;
import vn.portal.bridge.infrastructure.persistence.PortalDatabase;

class AuditLogTest {

    private final DatabaseFixture fixture = new DatabaseFixture();
    private final AuditLog auditLog = fixture.services.auditLog();

    @AfterEach
    void close() {
        fixture.close();
    }

    private void recordSampleEvents() {
        auditLog.record(AuditEntry.success(AuditEventType.SIGN_IN_SUCCEEDED).withActor("001085012345").withCorrelationId("c-1"));
        fixture.clock.advance(Duration.ofSeconds(5));
        auditLog.record(AuditEntry.failure(AuditEventType.SIGN_IN_REJECTED, "ID_TOKEN_EXPIRED").withCorrelationId("c-2")
                .withDetails("exp quá hạn 300 giây"));
        fixture.clock.advance(Duration.ofSeconds(5));
        auditLog.record(AuditEntry.success(AuditEventType.SIGNED_OUT).withActor("001085012345").withCorrelationId("c-3"));
    }

    @Test
    void chainsEventsInOrderFromTheGenesisHash() {
        recordSampleEvents();

        List<AuditEvent> newestFirst = auditLog.recent(10);

        assertThat(newestFirst).extracting(AuditEvent::id).containsExactly(3L, 2L, 1L);
        assertThat(newestFirst.get(2).previousHash()).isEqualTo("0".repeat(64));
        assertThat(newestFirst.get(1).previousHash()).isEqualTo(newestFirst.get(2).hash());
        assertThat(newestFirst.get(0).previousHash()).isEqualTo(newestFirst.get(1).hash());
        assertThat(newestFirst).allSatisfy(e -> assertThat(e.hash()).matches("[0-9a-f]{64}"));
    }

    @Test
    void storedEventsReadBackExactly() {
        recordSampleEvents();

        AuditEvent rejected = auditLog.findByCorrelationId("c-2").get(0);

        assertThat(rejected.type()).isEqualTo(AuditEventType.SIGN_IN_REJECTED);
        assertThat(rejected.outcome()).isEqualTo(AuditOutcome.FAILURE);
        assertThat(rejected.reason()).contains("ID_TOKEN_EXPIRED");
        assertThat(rejected.details()).contains("exp quá hạn 300 giây");
        assertThat(rejected.actor()).isEmpty();
        assertThat(rejected.occurredAt()).isEqualTo(fixture.clock.instant().minusSeconds(5));
        assertThat(rejected.computeHash()).isEqualTo(rejected.hash());
        assertThat(auditLog.recent(AuditEventType.SIGNED_OUT, 5)).extracting(AuditEvent::id).containsExactly(3L);
    }

    @Test
    void verifiesAnUntouchedChain() {
        recordSampleEvents();

        ChainVerification verification = auditLog.verify();

        assertThat(verification.isIntact()).isTrue();
        assertThat(verification.eventsChecked()).isEqualTo(3);
        assertThat(verification.firstBrokenEventId()).isEmpty();
    }

    @Test
    void emptyChainIsIntact() {
        assertThat(auditLog.verify().isIntact()).isTrue();
        assertThat(auditLog.verify().eventsChecked()).isZero();
    }

    @Test
    void detectsAnEditedEvent() throws SQLException {
        recordSampleEvents();

        fixture.execute("UPDATE audit_event SET reason = 'STATE_MISMATCH' WHERE id = 2");

        ChainVerification verification = auditLog.verify();
        assertThat(verification.isIntact()).isFalse();
        assertThat(verification.firstBrokenEventId()).contains(2L);
        assertThat(verification.problem()).contains("hash does not match the event's stored content");
        assertThat(verification.toString()).isEqualTo("audit chain broken at event 2: hash does not match the event's stored content");
        assertThat(verification.eventsChecked()).isEqualTo(1);
    }

    @Test
    void detectsAnEditRepairedWithANewHash() throws SQLException {
        recordSampleEvents();
        AuditEvent original = auditLog.findByCorrelationId("c-2").get(0);

        fixture.execute("UPDATE audit_event SET hash = ? WHERE id = 2", "f".repeat(64));

        ChainVerification verification = auditLog.verify();
        assertThat(verification.firstBrokenEventId()).contains(2L);
        assertThat(original.hash()).isNotEqualTo("f".repeat(64));
    }

    @Test
    void detectsADeletedEvent() throws SQLException {
        recordSampleEvents();

        fixture.execute("DELETE FROM audit_event WHERE id = 2");

        ChainVerification verification = auditLog.verify();
        assertThat(verification.firstBrokenEventId()).contains(2L);
        assertThat(verification.problem()).contains("event 2 is missing (the next stored event is 3)");
    }

    @Test
    void detectsACutOffTail() throws SQLException {
        recordSampleEvents();

        fixture.execute("DELETE FROM audit_event WHERE id = 3");

        ChainVerification verification = auditLog.verify();
        assertThat(verification.firstBrokenEventId()).contains(3L);
        assertThat(verification.problem()).hasValueSatisfying(p -> assertThat(p).contains("chain head records 3 events"));
    }

    @Test
    void appendsFromTwoNodesAndManyThreadsFormOneChain() throws Exception {
        try (PortalDatabase secondNode = fixture.openSecondNode()) {
            AuditLog otherNodeLog = new BridgeServices(secondNode.entityManagerFactory(), fixture.clock).auditLog();
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<AuditEvent>> appends = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    AuditLog log = i % 2 == 0 ? auditLog : otherNodeLog;
                    String correlation = "parallel-" + i;
                    appends.add(pool.submit(() -> log.record(
                            AuditEntry.success(AuditEventType.SIGN_IN_SUCCEEDED).withCorrelationId(correlation))));
                }
                for (Future<AuditEvent> append : appends) {
                    append.get();
                }
            } finally {
                pool.shutdown();
            }
        }

        ChainVerification verification = auditLog.verify();
        assertThat(verification.isIntact()).as(verification.toString()).isTrue();
        assertThat(verification.eventsChecked()).isEqualTo(40);
    }

    @Test
    void blankTextsAreStoredAsAbsent() {
        AuditEvent event = auditLog.record(new AuditEntry(AuditEventType.ACCESS_DENIED, AuditOutcome.FAILURE, " ", "",
                "NOT_ADMINISTRATOR", null, "  "));

        assertThat(event.actor()).isEmpty();
        assertThat(event.target()).isEmpty();
        assertThat(auditLog.verify().isIntact()).isTrue();
    }
}
