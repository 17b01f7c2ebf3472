package vn.portal.bridge.application;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.logging.Logger;

import vn.portal.bridge.domain.model.audit.AuditChainHead;
import vn.portal.bridge.domain.model.audit.AuditEntry;
import vn.portal.bridge.domain.model.audit.AuditEvent;
import vn.portal.bridge.domain.model.audit.AuditEventRepository;
import vn.portal.bridge.domain.model.audit.AuditEventType;

/** Records security-relevant events in the hash-chained log and checks the chain. */
public class AuditLog {

    private static final Logger LOG = Logger.getLogger(AuditLog.class.getName());
    private static final int VERIFY_BATCH = 500;

    private final AuditEventRepository events;
    private final Clock clock;

    public AuditLog(AuditEventRepository events, Clock clock) {
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Appends {@code entry} stamped with the current time; failures propagate, an audit is never dropped silently. */
    public AuditEvent record(AuditEntry entry) {
        AuditEvent event = events.append(entry, clock.instant());
        LOG.fine(() -> "audit " + event);
        return event;
    }

    /**
     * Appends {@code entries} in order, all stamped with the current time, in one transaction: the bulk
     * form of {@link #record} for callers that decide many things at once (the linking engine).
     */
    public List<AuditEvent> recordAll(List<AuditEntry> entries) {
        List<AuditEvent> appended = events.appendAll(List.copyOf(entries), clock.instant());
        LOG.fine(() -> "audit " + appended.size() + " events");
        return appended;
    }

    /** The latest {@code limit} events, newest first. */
    public List<AuditEvent> recent(int limit) {
        return events.findLatest(requirePositive(limit));
    }

    /** The latest {@code limit} events of {@code type}, newest first. */
    public List<AuditEvent> recent(AuditEventType type, int limit) {
        return events.findLatestOfType(Objects.requireNonNull(type, "type"), requirePositive(limit));
    }

    /** Every event of one request, oldest first. */
    public List<AuditEvent> findByCorrelationId(String correlationId) {
        if (correlationId == null || correlationId.isBlank()) {
            return List.of();
        }
        return events.findByCorrelationId(correlationId.strip());
    }

    /**
     * Walks the chain from the first event up to the head as it was when the walk began (later appends
     * are left for the next run): ids must run 1, 2, 3 ... without gaps, each prev_hash must equal the
     * previous event's hash, each hash must match the event's content, and the head must point at the
     * last event, so an edited, inserted, deleted or cut-off event is reported.
     */
    public ChainVerification verify() {
        AuditChainHead head = events.head();
        long upTo = head.lastId();
        String expectedPrevious = AuditChainHead.GENESIS_HASH;
        long expectedId = 1;
        while (expectedId <= upTo) {
            List<AuditEvent> slice = events.findChainSlice(expectedId - 1, upTo, VERIFY_BATCH);
            if (slice.isEmpty()) {
                break;
            }
            for (AuditEvent event : slice) {
                long checked = expectedId - 1;
                if (event.id() != expectedId) {
                    return ChainVerification.broken(checked, expectedId,
                            "event " + expectedId + " is missing (the next stored event is " + event.id() + ")");
                }
                if (!event.previousHash().equals(expectedPrevious)) {
                    return ChainVerification.broken(checked, event.id(),
                            "prev_hash does not equal the hash of event " + (event.id() - 1));
                }
                if (!event.computeHash().equals(event.hash())) {
                    return ChainVerification.broken(checked, event.id(), "hash does not match the event's stored content");
                }
                expectedPrevious = event.hash();
                expectedId++;
            }
        }
        long checked = expectedId - 1;
        if (checked < upTo) {
            return ChainVerification.broken(checked, expectedId,
                    "the chain head records " + upTo + " events but the chain ends after event " + checked);
        }
        if (!head.lastHash().equals(expectedPrevious)) {
            return ChainVerification.broken(checked, upTo, "the chain head's hash differs from the hash of event " + upTo);
        }
        return ChainVerification.intact(checked);
    }

    private static int requirePositive(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1 but is " + limit);
        }
        return limit;
    }
}
