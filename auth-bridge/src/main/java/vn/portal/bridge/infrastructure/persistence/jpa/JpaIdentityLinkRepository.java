package vn.portal.bridge.infrastructure.persistence.jpa;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.LockModeType;

import vn.portal.bridge.domain.model.identity.PersonalId;
import vn.portal.bridge.domain.model.legacy.LegacyAccount;
import vn.portal.bridge.domain.model.link.BatchInsertResult;
import vn.portal.bridge.domain.model.link.IdentityLink;
import vn.portal.bridge.domain.model.link.IdentityLinkRepository;
import vn.portal.bridge.domain.model.link.LinkMethod;
import vn.portal.bridge.domain.model.link.LinkState;
import vn.portal.bridge.domain.model.link.LinkedAccount;
import vn.portal.bridge.domain.model.shared.ConflictingUpdateException;

/**
 * {@link IdentityLinkRepository}: JPA for single links and their state changes, JDBC batches for the linking
 * engine's bulk inserts and keyset-paged reads for the export. The unique index on
 * {@code identity_link.current_account_id} is the final guard against two current links per account; the
 * checks here only turn the expected cases into "skipped" instead of a failed batch.
 */
public class JpaIdentityLinkRepository implements IdentityLinkRepository {

    private static final int ATTEMPTS = 3;

    private static final String LINK_COLUMNS = "l.id AS link_id, l.personal_id AS link_personal_id,"
            + " l.legacy_account_id AS link_account_id, l.method AS link_method, l.score AS link_score,"
            + " l.evidence AS link_evidence, l.state AS link_state, l.created_by AS link_created_by,"
            + " l.created_at AS link_created_at, l.ended_at AS link_ended_at, l.ended_by AS link_ended_by,"
            + " l.end_reason AS link_end_reason, l.version AS link_version";

    private static final String INSERT = "INSERT INTO identity_link (id, personal_id, legacy_account_id, current_account_id,"
            + " method, score, evidence, state, created_by, created_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?, ?, 1)";

    private final EntityManagerFactory factory;

    public JpaIdentityLinkRepository(EntityManagerFactory factory) {
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    @Override
    public IdentityLink store(IdentityLink link) {
        Objects.requireNonNull(link, "link");
        return JpaTransactions.inTransaction(factory, em -> storeIn(em, link));
    }

    static IdentityLink storeIn(EntityManager em, IdentityLink link) {
        if (link.id().isEmpty()) {
            em.persist(link);
            em.flush();
            return link;
        }
        IdentityLink merged = em.merge(link);
        em.flush();
        return merged;
    }

    @Override
    public BatchInsertResult insertAll(List<IdentityLink> links) {
        Objects.requireNonNull(links, "links");
        for (IdentityLink link : links) {
            if (link.id().isPresent() || link.state() != LinkState.ACTIVE) {
                throw new IllegalArgumentException("insertAll takes new ACTIVE links only, not " + link);
            }
        }
        if (links.isEmpty()) {
            return new BatchInsertResult(0, List.of());
        }
        for (int attempt = 1;; attempt++) {
            try {
                return JdbcWork.inTransaction(factory, connection -> insertOnce(connection, links));
            } catch (ConflictingUpdateException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private static BatchInsertResult insertOnce(Connection connection, List<IdentityLink> links) throws SQLException {
        Set<Long> taken = new HashSet<>(occupied(connection, "identity_link", "current_account_id",
                links.stream().map(IdentityLink::legacyAccountId).toList()));
        List<Long> skipped = new ArrayList<>();
        int inserted = 0;
        JdbcWork.IdBlocks ids = new JdbcWork.IdBlocks(connection, "identity_link_seq");
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (IdentityLink link : links) {
                long account = link.legacyAccountId();
                if (!taken.add(account)) {
                    skipped.add(account);
                    continue;
                }
                insert.setLong(1, ids.next());
                insert.setString(2, link.personalId().value());
                insert.setLong(3, account);
                insert.setLong(4, account);
                insert.setString(5, link.method().name());
                insert.setBigDecimal(6, link.score().orElse(null));
                JdbcWork.setClob(insert, 7, link.evidence().orElse(null));
                insert.setString(8, link.createdBy());
                JdbcWork.setTimestamp(insert, 9, link.createdAt());
                insert.addBatch();
                inserted++;
            }
            if (inserted > 0) {
                insert.executeBatch();
            }
        }
        return new BatchInsertResult(inserted, skipped);
    }

    /** Which of {@code accountIds} already appear in the unique "holder" column of {@code table}. */
    static List<Long> occupied(Connection connection, String table, String column, List<Long> accountIds) throws SQLException {
        List<Long> distinct = new ArrayList<>(new java.util.LinkedHashSet<>(accountIds));
        List<Long> found = new ArrayList<>();
        for (int from = 0; from < distinct.size(); from += JdbcWork.MAX_IN_LIST) {
            List<Long> chunk = distinct.subList(from, Math.min(distinct.size(), from + JdbcWork.MAX_IN_LIST));
            found.addAll(JdbcWork.query(connection, "SELECT " + column + " FROM " + table + " WHERE " + column
                    + " IN (" + JdbcWork.placeholders(chunk.size()) + ")", r -> r.getLong(1), chunk.toArray()));
        }
        return found;
    }

    @Override
    public IdentityLink replace(long currentLinkId, long expectedVersion, IdentityLink replacement, String revokedBy,
            String reason, Instant at) {
        Objects.requireNonNull(replacement, "replacement");
        return JpaTransactions.inTransaction(factory, em -> {
            IdentityLink current = em.find(IdentityLink.class, currentLinkId, LockModeType.PESSIMISTIC_WRITE);
            if (current == null || !current.isCurrent() || current.version() != expectedVersion) {
                throw new ConflictingUpdateException("link " + currentLinkId + " is no longer current at version "
                        + expectedVersion, null);
            }
            if (current.legacyAccountId() != replacement.legacyAccountId()) {
                throw new IllegalArgumentException("replacement " + replacement + " is for another account than link " + currentLinkId);
            }
            current.revoke(revokedBy, reason, at);
            // Free current_account_id before the replacement claims it.
            em.flush();
            return storeIn(em, replacement);
        });
    }

    @Override
    public Optional<IdentityLink> findById(long id) {
        return JpaTransactions.read(factory, em -> Optional.ofNullable(em.find(IdentityLink.class, id)));
    }

    @Override
    public Optional<IdentityLink> findCurrentByAccount(long legacyAccountId) {
        return JpaTransactions.read(factory, em -> em
                .createQuery("SELECT l FROM IdentityLink l WHERE l.legacyAccountId = :account AND l.state <> :revoked",
                        IdentityLink.class)
                .setParameter("account", legacyAccountId)
                .setParameter("revoked", LinkState.REVOKED)
                .getResultStream()
                .findFirst());
    }

    @Override
    public List<IdentityLink> historyOfAccount(long legacyAccountId) {
        return JpaTransactions.read(factory, em -> em
                .createQuery("SELECT l FROM IdentityLink l WHERE l.legacyAccountId = :account ORDER BY l.createdAt, l.id",
                        IdentityLink.class)
                .setParameter("account", legacyAccountId)
                .getResultList());
    }

    @Override
    public List<LinkedAccount> findCurrentByPersonalId(PersonalId personalId) {
        Objects.requireNonNull(personalId, "personalId");
        return JpaTransactions.read(factory, em -> em
                .createQuery("SELECT l, a FROM IdentityLink l, LegacyAccount a WHERE a.id = l.legacyAccountId"
                        + " AND l.personalId = :personalId AND l.state <> :revoked ORDER BY a.agencyCode, a.accountId",
                        Object[].class)
                .setParameter("personalId", personalId)
                .setParameter("revoked", LinkState.REVOKED)
                .getResultList()
                .stream()
                .map(row -> new LinkedAccount((IdentityLink) row[0], (LegacyAccount) row[1]))
                .toList());
    }

    @Override
    public long forEachCurrent(String agencyCodeOrNull, Consumer<? super LinkedAccount> action) {
        Objects.requireNonNull(action, "action");
        String sql = "SELECT " + LINK_COLUMNS + ", " + JdbcLegacyAccountRepository.COLUMNS
                + " FROM identity_link l JOIN legacy_account a ON a.id = l.legacy_account_id"
                + " WHERE l.current_account_id IS NOT NULL AND l.id > ?" + (agencyCodeOrNull == null ? "" : " AND a.agency_code = ?")
                + " ORDER BY l.id FETCH FIRST " + JdbcWork.PAGE_SIZE + " ROWS ONLY";
        long after = 0;
        long count = 0;
        while (true) {
            Object[] parameters = agencyCodeOrNull == null ? new Object[] {after} : new Object[] {after, agencyCodeOrNull};
            List<LinkedAccount> page = JdbcWork.inTransaction(factory, connection -> JdbcWork.query(connection, sql,
                    row -> new LinkedAccount(readLink(row), JdbcLegacyAccountRepository.read(row)), parameters));
            page.forEach(action);
            count += page.size();
            if (page.size() < JdbcWork.PAGE_SIZE) {
                return count;
            }
            after = page.get(page.size() - 1).link().id().orElseThrow();
        }
    }

    @Override
    public Map<LinkMethod, Long> countCurrentByMethod(String agencyCodeOrNull) {
        String sql = "SELECT l.method, COUNT(*) FROM identity_link l"
                + (agencyCodeOrNull == null ? " WHERE l.current_account_id IS NOT NULL"
                        : " JOIN legacy_account a ON a.id = l.legacy_account_id WHERE l.current_account_id IS NOT NULL AND a.agency_code = ?")
                + " GROUP BY l.method";
        Object[] parameters = agencyCodeOrNull == null ? new Object[0] : new Object[] {agencyCodeOrNull};
        return JdbcWork.inTransaction(factory, connection -> {
            Map<LinkMethod, Long> counts = new EnumMap<>(LinkMethod.class);
            for (Object[] row : JdbcWork.query(connection, sql, r -> new Object[] {r.getString(1), r.getLong(2)}, parameters)) {
                counts.put(LinkMethod.valueOf((String) row[0]), (Long) row[1]);
            }
            return counts;
        });
    }

    private static IdentityLink readLink(ResultSet row) throws SQLException {
        BigDecimal score = row.getBigDecimal("link_score");
        return IdentityLink.restore(row.getLong("link_id"), PersonalId.parse(row.getString("link_personal_id")),
                row.getLong("link_account_id"), LinkMethod.valueOf(row.getString("link_method")),
                score == null ? null : score.setScale(4, java.math.RoundingMode.HALF_EVEN), row.getString("link_evidence"),
                LinkState.valueOf(row.getString("link_state")), row.getString("link_created_by"),
                JdbcWork.getInstant(row, "link_created_at"), JdbcWork.getInstant(row, "link_ended_at"),
                row.getString("link_ended_by"), row.getString("link_end_reason"), row.getLong("link_version"));
    }
}
