package vn.portal.bridge.infrastructure.persistence.jpa;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.LockModeType;
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

    @Override
    public List<ReviewItem> findOpen(String agencyCodeOrNull, int offset, int limit) {
        if (offset < 0 || limit < 1) {
            throw new IllegalArgumentException("offset must be >= 0 and limit >= 1, got " + offset + " and " + limit);
        }
        return JpaTransactions.read(factory, em -> openQuery(em, "SELECT r", " ORDER BY r.openedAt, r.id",
                agencyCodeOrNull, ReviewItem.class)
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultList());
    }

    @Override
    public long countOpen(String agencyCodeOrNull) {
        return JpaTransactions.read(factory, em -> openQuery(em, "SELECT COUNT(r)", "", agencyCodeOrNull, Long.class)
                .getSingleResult());
    }

    @Override
    public Optional<Instant> oldestOpenedAt(String agencyCodeOrNull) {
        return JpaTransactions.read(factory, em -> openQuery(em, "SELECT r", " ORDER BY r.openedAt, r.id",
                agencyCodeOrNull, ReviewItem.class)
                .setMaxResults(1)
                .getResultStream()
                .findFirst()
                .map(ReviewItem::openedAt));
    }

    private static <T> TypedQuery<T> openQuery(EntityManager em, String select, String order, String agencyCodeOrNull,
            Class<T> type) {
        String jpql = agencyCodeOrNull == null
                ? select + " FROM ReviewItem r WHERE r.status = :open" + order
                : select + " FROM ReviewItem r, LegacyAccount a WHERE a.id = r.legacyAccountId AND r.status = :open"
                        + " AND a.agencyCode = :agency" + order;
        TypedQuery<T> query = em.createQuery(jpql, type).setParameter("open", ReviewStatus.OPEN);
        return agencyCodeOrNull == null ? query : query.setParameter("agency", agencyCodeOrNull);
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
