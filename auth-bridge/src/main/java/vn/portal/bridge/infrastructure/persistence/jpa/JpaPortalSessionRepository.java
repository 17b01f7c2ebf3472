package vn.portal.bridge.infrastructure.persistence.jpa;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import jakarta.persistence.EntityManagerFactory;

import vn.portal.bridge.domain.model.session.PortalSession;
import vn.portal.bridge.domain.model.session.PortalSessionRepository;
import vn.portal.bridge.domain.model.session.SessionEndReason;

/** {@link PortalSessionRepository} on JPA; ends are bulk UPDATEs restricted to active sessions. */
public class JpaPortalSessionRepository implements PortalSessionRepository {

    private static final String END = "UPDATE PortalSession s SET s.endedAt = :endedAt, s.endReason = :reason "
            + "WHERE s.endedAt IS NULL AND ";

    private final EntityManagerFactory factory;

    public JpaPortalSessionRepository(EntityManagerFactory factory) {
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    @Override
    public void add(PortalSession session) {
        JpaTransactions.inTransaction(factory, em -> {
            em.persist(session);
            return null;
        });
    }

    @Override
    public Optional<PortalSession> findByKey(String sessionKey) {
        if (sessionKey == null) {
            return Optional.empty();
        }
        return JpaTransactions.read(factory, em -> Optional.ofNullable(em.find(PortalSession.class, sessionKey)));
    }

    @Override
    public boolean touch(String sessionKey, Instant seenAt) {
        return JpaTransactions.inTransaction(factory, em -> em
                .createQuery("UPDATE PortalSession s SET s.lastSeenAt = :seenAt WHERE s.sessionKey = :key AND s.endedAt IS NULL")
                .setParameter("seenAt", seenAt)
                .setParameter("key", sessionKey)
                .executeUpdate()) == 1;
    }

    @Override
    public boolean end(String sessionKey, SessionEndReason reason, Instant endedAt) {
        return endWhere("s.sessionKey = :value", sessionKey, reason, endedAt) == 1;
    }

    @Override
    public int endByProviderSid(String providerSid, SessionEndReason reason, Instant endedAt) {
        return endWhere("s.providerSid = :value", providerSid, reason, endedAt);
    }

    @Override
    public int endByProviderSubject(String providerSubject, SessionEndReason reason, Instant endedAt) {
        return endWhere("s.providerSubject = :value", providerSubject, reason, endedAt);
    }

    @Override
    public int endIdleSince(Instant idleBefore, Instant endedAt) {
        return endWhere("s.lastSeenAt < :value", idleBefore, SessionEndReason.IDLE_TIMEOUT, endedAt);
    }

    private int endWhere(String condition, Object value, SessionEndReason reason, Instant endedAt) {
        if (value == null) {
            return 0;
        }
        return JpaTransactions.inTransaction(factory, em -> em
                .createQuery(END + condition)
                .setParameter("endedAt", endedAt)
                .setParameter("reason", reason)
                .setParameter("value", value)
                .executeUpdate());
    }
}
