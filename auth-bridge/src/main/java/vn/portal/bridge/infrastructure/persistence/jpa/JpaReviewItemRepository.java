package vn.portal.bridge.infrastructure.persistence.jpa;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;

import vn.portal.bridge.domain.model.identity.PersonalId;
import vn.portal.bridge.domain.model.link.BatchInsertResult;
import vn.portal.bridge.domain.model.link.IdentityLink;
import vn.portal.bridge.domain.model.link.IllegalLinkTransitionException;
import vn.portal.bridge.domain.model.link.LinkMethod;
import vn.portal.bridge.domain.model.link.LinkOwnershipException;
import vn.portal.bridge.domain.model.link.LinkState;
import vn.portal.bridge.domain.model.link.ReviewCause;
import vn.portal.bridge.domain.model.link.ReviewItem;
import vn.portal.bridge.domain.model.link.ReviewItemRepository;
import vn.portal.bridge.domain.model.link.ReviewQueueFilter;
import vn.portal.bridge.domain.model.link.ReviewStatus;
import vn.portal.bridge.domain.model.shared.ConflictingUpdateException;

/**
 * {@link ReviewItemRepository} on JPA, with a JDBC batch for the engine's bulk {@link #openAll}. Decisions lock
 * the item (and the disputed link) with SELECT ... FOR UPDATE, so two reviewers cannot resolve one item twice.
 */
public class JpaReviewItemRepository implements ReviewItemRepository {

    private static final int ATTEMPTS = 3;

    private static final String INSERT = "INSERT INTO review_item (id, legacy_account_id, open_account_id, cause, status,"
            + " candidates, note, disputed_link_id, opened_at, opened_by, version)"
            + " VALUES (?, ?, ?, ?, 'OPEN', ?, ?, ?, ?, ?, 1)";

    private final EntityManagerFactory factory;

    public JpaReviewItemRepository(EntityManagerFactory factory) {
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    @Override
    public ReviewItem store(ReviewItem item) {
        Objects.requireNonNull(item, "item");
        return JpaTransactions.inTransaction(factory, em -> storeIn(em, item));
    }

    private static ReviewItem storeIn(EntityManager em, ReviewItem item) {
        if (item.id().isEmpty()) {
            em.persist(item);
            em.flush();
            return item;
        }
        ReviewItem merged = em.merge(item);
        em.flush();
        return merged;
    }

    @Override
    public BatchInsertResult openAll(List<ReviewItem> items) {
        Objects.requireNonNull(items, "items");
        for (ReviewItem item : items) {
            if (item.id().isPresent() || !item.isOpen()) {
                throw new IllegalArgumentException("openAll takes new OPEN items only, not " + item);
            }
        }
        if (items.isEmpty()) {
            return new BatchInsertResult(0, List.of());
        }
        for (int attempt = 1;; attempt++) {
            try {
                return JdbcWork.inTransaction(factory, connection -> insertOnce(connection, items));
            } catch (ConflictingUpdateException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private static BatchInsertResult insertOnce(Connection connection, List<ReviewItem> items) throws SQLException {
        Set<Long> taken = new HashSet<>(JpaIdentityLinkRepository.occupied(connection, "review_item", "open_account_id",
                items.stream().map(ReviewItem::legacyAccountId).toList()));
        List<Long> skipped = new ArrayList<>();
        int inserted = 0;
        JdbcWork.IdBlocks ids = new JdbcWork.IdBlocks(connection, "review_item_seq");
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (ReviewItem item : items) {
                long account = item.legacyAccountId();
                if (!taken.add(account)) {
                    skipped.add(account);
                    continue;
                }
                insert.setLong(1, ids.next());
                insert.setLong(2, account);
                insert.setLong(3, account);
                insert.setString(4, item.cause().name());
                JdbcWork.setClob(insert, 5, item.candidates().orElse(null));
                JdbcWork.setString(insert, 6, item.note().orElse(null));
                JdbcWork.setLong(insert, 7, item.disputedLinkId().orElse(null));
                JdbcWork.setTimestamp(insert, 8, item.openedAt());
                insert.setString(9, item.openedBy());
                insert.addBatch();
                inserted++;
            }
            if (inserted > 0) {
                insert.executeBatch();
            }
        }
        return new BatchInsertResult(inserted, skipped);
    }

    @Override
    public Optional<ReviewItem> findById(long id) {
        return JpaTransactions.read(factory, em -> Optional.ofNullable(em.find(ReviewItem.class, id)));
    }

    @Override
    public Optional<ReviewItem> findOpenByAccount(long legacyAccountId) {
        return JpaTransactions.read(factory, em -> em
                .createQuery("SELECT r FROM ReviewItem r WHERE r.legacyAccountId = :account AND r.status = :open", ReviewItem.class)
                .setParameter("account", legacyAccountId)
                .setParameter("open", ReviewStatus.OPEN)
                .getResultStream()
                .findFirst());
    }

    /**
     * Two steps: the page's ids from the index alone, then those items. EclipseLink pages on H2 in Oracle mode by
     * skipping rows of the JDBC result (see H2OracleModePlatform), which would read every earlier item, evidence
     * included, to show a late page; OFFSET ... FETCH (SQL:2008, Oracle 12c and H2 in every mode) skips entries of
     * the (status, [cause,] opened_at, id) index instead.
     */
    @Override
    public List<ReviewItem> findMatching(ReviewQueueFilter filter, int offset, int limit) {
        Objects.requireNonNull(filter, "filter");
        if (offset < 0 || limit < 1) {
            throw new IllegalArgumentException("offset must be >= 0 and limit >= 1, got " + offset + " and " + limit);
        }
        return JpaTransactions.read(factory, em -> {
            List<Object> parameters = new ArrayList<>();
            String sql = openPageSql(filter, parameters);
            Query query = em.createNativeQuery(sql);
            parameters.add(offset);
            parameters.add(limit);
            for (int i = 0; i < parameters.size(); i++) {
                query.setParameter(i + 1, parameters.get(i));
            }
            List<Long> ids = new ArrayList<>();
            for (Object id : query.getResultList()) {
                ids.add(((Number) id).longValue());
            }
            if (ids.isEmpty()) {
                return List.of();
            }
            Map<Long, ReviewItem> byId = new HashMap<>();
            for (ReviewItem item : em.createQuery("SELECT r FROM ReviewItem r WHERE r.id IN :ids", ReviewItem.class)
                    .setParameter("ids", ids).getResultList()) {
                byId.put(item.id().orElseThrow(), item);
            }
            // An item resolved between the two reads is left out rather than shown as open.
            return ids.stream().map(byId::get).filter(item -> item != null && item.isOpen()).toList();
        });
    }

    /** The ids of a page of OPEN items, oldest first; appends the filter's parameters, then OFFSET and FETCH come last. */
    static String openPageSql(ReviewQueueFilter filter, List<Object> parameters) {
        StringBuilder sql = new StringBuilder("SELECT r.id FROM review_item r");
        if (filter.agencyCode() != null) {
            sql.append(" JOIN legacy_account a ON a.id = r.legacy_account_id");
        }
        sql.append(" WHERE r.status = ?").append(parameters.size() + 1);
        parameters.add(ReviewStatus.OPEN.name());
        if (filter.cause() != null) {
            sql.append(" AND r.cause = ?").append(parameters.size() + 1);
            parameters.add(filter.cause().name());
        }
        if (filter.agencyCode() != null) {
            sql.append(" AND a.agency_code = ?").append(parameters.size() + 1);
            parameters.add(filter.agencyCode());
        }
        sql.append(" ORDER BY r.opened_at, r.id OFFSET ?").append(parameters.size() + 1)
                .append(" ROWS FETCH NEXT ?").append(parameters.size() + 2).append(" ROWS ONLY");
        return sql.toString();
    }

    @Override
    public long countMatching(ReviewQueueFilter filter) {
        Objects.requireNonNull(filter, "filter");
        return JpaTransactions.read(factory, em -> openQuery(em, "SELECT COUNT(r)", "", "", filter, Long.class).getSingleResult());
    }

    @Override
    public Map<ReviewCause, Long> countOpenByCause(ReviewQueueFilter filter) {
        Objects.requireNonNull(filter, "filter");
        List<Object[]> rows = JpaTransactions.read(factory, em -> openQuery(em, "SELECT r.cause, COUNT(r)", " GROUP BY r.cause", "",
                filter, Object[].class).getResultList());
        Map<ReviewCause, Long> counts = new EnumMap<>(ReviewCause.class);
        for (Object[] row : rows) {
            counts.put((ReviewCause) row[0], ((Number) row[1]).longValue());
        }
        return counts;
    }

    @Override
    public Map<String, Long> countOpenByAgency(ReviewQueueFilter filter) {
        Objects.requireNonNull(filter, "filter");
        List<Object[]> rows = JpaTransactions.read(factory, em -> {
            String jpql = "SELECT a.agencyCode, COUNT(r) FROM ReviewItem r, LegacyAccount a WHERE a.id = r.legacyAccountId"
                    + " AND r.status = :open" + (filter.agencyCode() == null ? "" : " AND a.agencyCode = :agency")
                    + (filter.cause() == null ? "" : " AND r.cause = :cause") + " GROUP BY a.agencyCode";
            return parameters(em.createQuery(jpql, Object[].class), filter).getResultList();
        });
        Map<String, Long> counts = new TreeMap<>();
        for (Object[] row : rows) {
            counts.put((String) row[0], ((Number) row[1]).longValue());
        }
        return counts;
    }

    @Override
    public Optional<Instant> oldestOpenedAt(String agencyCodeOrNull) {
        return JpaTransactions.read(factory, em -> openQuery(em, "SELECT r", "", " ORDER BY r.openedAt, r.id",
                ReviewQueueFilter.of(agencyCodeOrNull, null), ReviewItem.class)
                .setMaxResults(1)
                .getResultStream()
                .findFirst()
                .map(ReviewItem::openedAt));
    }

    /**
     * OPEN items under a filter. Only an agency filter joins the legacy accounts; the order (opened_at, id) is
     * the one the review_item_status_ix and review_item_open_cause_ix indexes keep after their equality columns.
     */
    private static <T> TypedQuery<T> openQuery(EntityManager em, String select, String group, String order, ReviewQueueFilter filter,
            Class<T> type) {
        StringBuilder jpql = new StringBuilder(select);
        if (filter.agencyCode() == null) {
            jpql.append(" FROM ReviewItem r WHERE r.status = :open");
        } else {
            jpql.append(" FROM ReviewItem r, LegacyAccount a WHERE a.id = r.legacyAccountId AND r.status = :open AND a.agencyCode = :agency");
        }
        if (filter.cause() != null) {
            jpql.append(" AND r.cause = :cause");
        }
        jpql.append(group).append(order);
        return parameters(em.createQuery(jpql.toString(), type), filter);
    }

    private static <T> TypedQuery<T> parameters(TypedQuery<T> query, ReviewQueueFilter filter) {
        query.setParameter("open", ReviewStatus.OPEN);
        if (filter.agencyCode() != null) {
            query.setParameter("agency", filter.agencyCode());
        }
        if (filter.cause() != null) {
            query.setParameter("cause", filter.cause());
        }
        return query;
    }

    @Override
    public ReviewItem openDispute(long linkId, PersonalId requester, String note, String openedBy, Instant at) {
        Objects.requireNonNull(requester, "requester");
        return JpaTransactions.inTransaction(factory, em -> {
            IdentityLink link = em.find(IdentityLink.class, linkId, LockModeType.PESSIMISTIC_WRITE);
            if (link == null || !link.personalId().equals(requester)) {
                throw new LinkOwnershipException(linkId);
            }
            link.dispute();
            ReviewItem item = new ReviewItem(link.legacyAccountId(), ReviewCause.DISPUTED_LINK, link.evidence().orElse(null),
                    note, linkId, openedBy, at);
            em.persist(item);
            em.flush();
            return item;
        });
    }

    @Override
    public IdentityLink resolveByLinking(long itemId, PersonalId personalId, BigDecimal score, String evidenceJson,
            String reviewer, String reason, Instant at) {
        Objects.requireNonNull(personalId, "personalId");
        return JpaTransactions.inTransaction(factory, em -> {
            ReviewItem item = lockedOpenItem(em, itemId);
            IdentityLink disputed = lockedDisputedLink(em, item);
            IdentityLink holder;
            if (disputed != null && disputed.state() == LinkState.DISPUTED && disputed.personalId().equals(personalId)) {
                disputed.confirm();
                holder = disputed;
            } else {
                if (disputed != null && disputed.isCurrent()) {
                    disputed.revoke(reviewer, "dispute upheld by review item " + itemId, at);
                    em.flush();
                }
                holder = new IdentityLink(personalId, item.legacyAccountId(), LinkMethod.REVIEWED, score, evidenceJson,
                        reviewer, at);
                em.persist(holder);
            }
            em.flush();
            item.resolveLinked(holder.id().orElseThrow(), reviewer, reason, at);
            em.flush();
            return holder;
        });
    }

    @Override
    public ReviewItem resolveByRejecting(long itemId, String reviewer, String reason, Instant at) {
        return JpaTransactions.inTransaction(factory, em -> {
            ReviewItem item = lockedOpenItem(em, itemId);
            IdentityLink disputed = lockedDisputedLink(em, item);
            if (disputed != null && disputed.isCurrent()) {
                disputed.revoke(reviewer, "dispute upheld by review item " + itemId, at);
            }
            item.resolveRejected(reviewer, reason, at);
            em.flush();
            return item;
        });
    }

    private static IdentityLink lockedDisputedLink(EntityManager em, ReviewItem item) {
        Long linkId = item.disputedLinkId().orElse(null);
        return linkId == null ? null : em.find(IdentityLink.class, linkId, LockModeType.PESSIMISTIC_WRITE);
    }

    private static ReviewItem lockedOpenItem(EntityManager em, long itemId) {
        ReviewItem item = em.find(ReviewItem.class, itemId, LockModeType.PESSIMISTIC_WRITE);
        if (item == null) {
            throw new IllegalArgumentException("review item " + itemId + " does not exist");
        }
        if (!item.isOpen()) {
            throw new IllegalLinkTransitionException("review item " + itemId + " is already " + item.status());
        }
        return item;
    }
}
