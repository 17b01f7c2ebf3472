package vn.portal.bridge.infrastructure.persistence.linking;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import vn.portal.bridge.application.linking.DecisionHistory;

/**
 * {@link DecisionHistory} as one native query over both tables (their {@code legacy_account_id} indexes
 * make it a range scan), so the engine pays one round trip per chunk, not one per account.
 */
public class JpaDecisionHistory implements DecisionHistory {

    private static final String SQL = "SELECT legacy_account_id FROM identity_link"
            + " WHERE state = 'REVOKED' AND legacy_account_id BETWEEN ?1 AND ?2"
            + " UNION SELECT legacy_account_id FROM review_item"
            + " WHERE status = 'RESOLVED_REJECTED' AND legacy_account_id BETWEEN ?1 AND ?2";

    private final EntityManagerFactory factory;

    public JpaDecisionHistory(EntityManagerFactory factory) {
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    @Override
    public Set<Long> accountsDecidedByPeople(long fromIdInclusive, long toIdInclusive) {
        EntityManager em = factory.createEntityManager();
        try {
            List<?> rows = em.createNativeQuery(SQL).setParameter(1, fromIdInclusive).setParameter(2, toIdInclusive)
                    .getResultList();
            Set<Long> ids = new HashSet<>();
            for (Object row : rows) {
                ids.add(((Number) row).longValue());
            }
            return ids;
        } finally {
            em.close();
        }
    }
}
