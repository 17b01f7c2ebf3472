package vn.portal.bridge.domain.model.audit;

import java.time.Instant;
import java.util.List;

/** The stored audit chain. There is deliberately no update or delete. */
public interface AuditEventRepository {

    /** Appends one event at the end of the chain, serialised with appenders on every JVM. */
    AuditEvent append(AuditEntry entry, Instant occurredAt);

    /**
     * Appends several events in order, in one transaction holding the chain-head lock once: for bulk work
     * (the linking engine records a chunk of decisions at a time) the chain stays one unbroken sequence
     * while the lock is taken once per chunk instead of once per event.
     */
    List<AuditEvent> appendAll(List<AuditEntry> entries, Instant occurredAt);

    /** The latest {@code limit} events, newest first. */
    List<AuditEvent> findLatest(int limit);

    /** The latest {@code limit} events of one type, newest first. */
    List<AuditEvent> findLatestOfType(AuditEventType type, int limit);

    /** Events of one request, oldest first. */
    List<AuditEvent> findByCorrelationId(String correlationId);

    /** Up to {@code limit} events with {@code afterId < id <= upToId}, in chain order. */
    List<AuditEvent> findChainSlice(long afterId, long upToId, int limit);

    /** The current head, read without locking. */
    AuditChainHead head();
}
