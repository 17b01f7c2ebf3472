package vn.portal.bridge.infrastructure.persistence.jpa;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.LockModeType;

import vn.portal.bridge.domain.model.audit.AuditChainHead;
import vn.portal.bridge.domain.model.audit.AuditEntry;
import vn.portal.bridge.domain.model.audit.AuditEvent;
import vn.portal.bridge.domain.model.audit.AuditEventRepository;
import vn.portal.bridge.domain.model.audit.AuditEventType;

/**
 * {@link AuditEventRepository} on JPA. Appends lock the chain-head row with SELECT ... FOR UPDATE, so
 * appenders on every JVM (and every Oracle RAC instance) take turns and the chain never forks.
 */
public class JpaAuditEventRepository implements AuditEventRepository {

    private static final String INSERT = "INSERT INTO audit_event (id, occurred_at, event_type, outcome, actor, target,"
            + " reason, correlation_id, details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final EntityManagerFactory factory;

    public JpaAuditEventRepository(EntityManagerFactory factory) {
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    @Override
    public AuditEvent append(AuditEntry entry, Instant occurredAt) {
        return JpaTransactions.inTransaction(factory, em -> {
            AuditChainHead head = lockedHead(em);
            AuditEvent event = AuditEvent.append(head, entry, occurredAt);
            em.persist(event);
            return event;
        });
    }

    /**
     * Many events in one JDBC batch under one lock of the head row: a linking chunk appends a thousand events
     * at once, and persisting them one by one through the entity manager cost more than deciding the chunk.
     * The lock is the same row {@link #append} locks, so the two paths take turns.
     */
    @Override
    public List<AuditEvent> appendAll(List<AuditEntry> entries, Instant occurredAt) {
        if (entries.isEmpty()) {
            return List.of();
        }
        return JdbcWork.inTransaction(factory, connection -> {
            List<AuditChainHead> heads = JdbcWork.query(connection,
                    "SELECT last_id, last_hash FROM audit_chain_head WHERE id = ? FOR UPDATE",
                    r -> AuditChainHead.at(r.getLong(1), r.getString(2)), AuditChainHead.SINGLETON_ID);
            if (heads.isEmpty()) {
                throw missingHead();
            }
            AuditChainHead head = heads.get(0);
            List<AuditEvent> appended = new ArrayList<>(entries.size());
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (AuditEntry entry : entries) {
                    AuditEvent event = AuditEvent.append(head, entry, occurredAt);
                    insert.setLong(1, event.id());
                    JdbcWork.setTimestamp(insert, 2, event.occurredAt());
                    insert.setString(3, event.type().name());
                    insert.setString(4, event.outcome().name());
                    JdbcWork.setString(insert, 5, event.actor().orElse(null));
                    JdbcWork.setString(insert, 6, event.target().orElse(null));
                    JdbcWork.setString(insert, 7, event.reason().orElse(null));
                    JdbcWork.setString(insert, 8, event.correlationId().orElse(null));
                    JdbcWork.setClob(insert, 9, event.details().orElse(null));
                    insert.setString(10, event.previousHash());
                    insert.setString(11, event.hash());
                    insert.addBatch();
                    appended.add(event);
                }
                insert.executeBatch();
            }
            JdbcWork.update(connection, "UPDATE audit_chain_head SET last_id = ?, last_hash = ? WHERE id = ?",
                    head.lastId(), head.lastHash(), AuditChainHead.SINGLETON_ID);
            return appended;
        });
    }

    @Override
    public List<AuditEvent> findLatest(int limit) {
        return JpaTransactions.read(factory, em -> em
                .createQuery("SELECT e FROM AuditEvent e ORDER BY e.id DESC", AuditEvent.class)
                .setMaxResults(limit)
                .getResultList());
    }

    @Override
    public List<AuditEvent> findLatestOfType(AuditEventType type, int limit) {
        return JpaTransactions.read(factory, em -> em
                .createQuery("SELECT e FROM AuditEvent e WHERE e.type = :type ORDER BY e.id DESC", AuditEvent.class)
                .setParameter("type", type)
                .setMaxResults(limit)
                .getResultList());
    }

    @Override
    public List<AuditEvent> findByCorrelationId(String correlationId) {
        return JpaTransactions.read(factory, em -> em
                .createQuery("SELECT e FROM AuditEvent e WHERE e.correlationId = :correlationId ORDER BY e.id", AuditEvent.class)
                .setParameter("correlationId", correlationId)
                .getResultList());
    }

    @Override
    public List<AuditEvent> findChainSlice(long afterId, long upToId, int limit) {
        return JpaTransactions.read(factory, em -> em
                .createQuery("SELECT e FROM AuditEvent e WHERE e.id > :afterId AND e.id <= :upToId ORDER BY e.id",
                        AuditEvent.class)
                .setParameter("afterId", afterId)
                .setParameter("upToId", upToId)
                .setMaxResults(limit)
                .getResultList());
    }

    @Override
    public AuditChainHead head() {
        return JpaTransactions.read(factory, em -> {
            AuditChainHead head = em.find(AuditChainHead.class, AuditChainHead.SINGLETON_ID);
            if (head == null) {
                throw missingHead();
            }
            return head;
        });
    }

    private static AuditChainHead lockedHead(EntityManager em) {
        AuditChainHead head = em.find(AuditChainHead.class, AuditChainHead.SINGLETON_ID, LockModeType.PESSIMISTIC_WRITE);
        if (head == null) {
            throw missingHead();
        }
        return head;
    }

    private static IllegalStateException missingHead() {
        return new IllegalStateException("the audit_chain_head row is missing; the schema was not created by migration V1");
    }
}
