package vn.portal.bridge.infrastructure.persistence.jpa;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import jakarta.persistence.EntityManagerFactory;

import vn.portal.bridge.domain.model.identity.Gender;
import vn.portal.bridge.domain.model.legacy.AccountSelection;
import vn.portal.bridge.domain.model.legacy.AccountStatus;
import vn.portal.bridge.domain.model.legacy.IdNumberKind;
import vn.portal.bridge.domain.model.legacy.LegacyAccount;
import vn.portal.bridge.domain.model.legacy.LegacyAccountRepository;
import vn.portal.bridge.domain.model.legacy.LegacyIdNumber;
import vn.portal.bridge.domain.model.legacy.UnknownAgencyException;
import vn.portal.bridge.domain.model.legacy.UpsertCounts;

/**
 * {@link LegacyAccountRepository} with plain JDBC for the bulk paths (a MERGE batch per upsert, keyset-paged
 * streaming) and JPA for single look-ups. No EntityManager ever holds more than one page of accounts.
 *
 * <p>Upsert in one transaction per batch: read the stored content hashes of the batch's keys (IN lists of
 * at most 1000), classify each row as insert / update / unchanged, then send one JDBC batch of MERGE
 * statements for the inserts and updates only. MERGE rather than INSERT keeps a concurrent importer of the
 * same file from failing on rows the other inserted first; if both insert the same new key at once, one
 * gets a unique-key violation, rolls back and classifies again.
 */
public class JdbcLegacyAccountRepository implements LegacyAccountRepository {

    private static final int ATTEMPTS = 3;

    static final String COLUMNS = "a.id, a.agency_code, a.account_id, a.username, a.raw_full_name, a.full_name, a.name_key,"
            + " a.birth_date, a.gender, a.raw_id_number, a.id_number_kind, a.id_number, a.raw_phone, a.phone, a.email,"
            + " a.password_hash, a.created_at, a.last_login_at, a.status, a.content_hash, a.imported_at, a.source_file,"
            + " a.source_line, a.unlinkable_reason";

    private static final String MERGE = "MERGE INTO legacy_account t USING (SELECT"
            + " CAST(? AS NUMBER(19)) id, CAST(? AS VARCHAR2(32)) agency_code, CAST(? AS VARCHAR2(100 CHAR)) account_id,"
            + " CAST(? AS VARCHAR2(150 CHAR)) username, CAST(? AS VARCHAR2(300 CHAR)) raw_full_name,"
            + " CAST(? AS VARCHAR2(150 CHAR)) full_name, CAST(? AS VARCHAR2(150 CHAR)) name_key, CAST(? AS DATE) birth_date,"
            + " CAST(? AS VARCHAR2(6)) gender, CAST(? AS VARCHAR2(64 CHAR)) raw_id_number, CAST(? AS VARCHAR2(12)) id_number_kind,"
            + " CAST(? AS VARCHAR2(20)) id_number, CAST(? AS VARCHAR2(40 CHAR)) raw_phone, CAST(? AS VARCHAR2(11)) phone,"
            + " CAST(? AS VARCHAR2(320 CHAR)) email, CAST(? AS VARCHAR2(512 CHAR)) password_hash,"
            + " CAST(? AS TIMESTAMP(6)) created_at, CAST(? AS TIMESTAMP(6)) last_login_at, CAST(? AS VARCHAR2(8)) status,"
            + " CAST(? AS VARCHAR2(64)) content_hash, CAST(? AS TIMESTAMP(6)) imported_at,"
            + " CAST(? AS VARCHAR2(500 CHAR)) source_file, CAST(? AS NUMBER(10)) source_line FROM dual) s"
            + " ON (t.agency_code = s.agency_code AND t.account_id = s.account_id)"
            + " WHEN MATCHED THEN UPDATE SET t.username = s.username, t.raw_full_name = s.raw_full_name,"
            + " t.full_name = s.full_name, t.name_key = s.name_key, t.birth_date = s.birth_date, t.gender = s.gender,"
            + " t.raw_id_number = s.raw_id_number, t.id_number_kind = s.id_number_kind, t.id_number = s.id_number,"
            + " t.raw_phone = s.raw_phone, t.phone = s.phone, t.email = s.email, t.password_hash = s.password_hash,"
            + " t.created_at = s.created_at, t.last_login_at = s.last_login_at, t.status = s.status,"
            + " t.content_hash = s.content_hash, t.imported_at = s.imported_at, t.source_file = s.source_file,"
            + " t.source_line = s.source_line, t.unlinkable_reason = NULL"
            + " WHEN NOT MATCHED THEN INSERT (id, agency_code, account_id, username, raw_full_name, full_name, name_key,"
            + " birth_date, gender, raw_id_number, id_number_kind, id_number, raw_phone, phone, email, password_hash,"
            + " created_at, last_login_at, status, content_hash, imported_at, source_file, source_line)"
            + " VALUES (s.id, s.agency_code, s.account_id, s.username, s.raw_full_name, s.full_name, s.name_key,"
            + " s.birth_date, s.gender, s.raw_id_number, s.id_number_kind, s.id_number, s.raw_phone, s.phone, s.email,"
            + " s.password_hash, s.created_at, s.last_login_at, s.status, s.content_hash, s.imported_at, s.source_file,"
            + " s.source_line)";

    private final EntityManagerFactory factory;
    private final Clock clock;

    public JdbcLegacyAccountRepository(EntityManagerFactory factory, Clock clock) {
        this.factory = Objects.requireNonNull(factory, "factory");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public UpsertCounts upsert(List<LegacyAccount> batch) {
        Objects.requireNonNull(batch, "batch");
        if (batch.isEmpty()) {
            return UpsertCounts.NONE;
        }
        return JdbcWork.inTransactionRetryingConflicts(factory, ATTEMPTS, "Legacy account batch",
                connection -> upsertOnce(connection, batch));
    }

    private UpsertCounts upsertOnce(Connection connection, List<LegacyAccount> batch) throws SQLException {
        Map<String, Set<String>> idsByAgency = new LinkedHashMap<>();
        for (LegacyAccount account : batch) {
            idsByAgency.computeIfAbsent(account.agencyCode(), k -> new LinkedHashSet<>()).add(account.accountId());
        }
        requireAgencies(connection, idsByAgency.keySet());
        Map<String, String> storedHash = new HashMap<>();
        List<String[]> keys = new ArrayList<>();
        idsByAgency.forEach((agency, ids) -> ids.forEach(id -> keys.add(new String[] {agency, id})));
        for (int from = 0; from < keys.size(); from += JdbcWork.LOOKUP_CHUNK) {
            List<String[]> chunk = keys.subList(from, Math.min(keys.size(), from + JdbcWork.LOOKUP_CHUNK));
            Object[] parameters = new Object[chunk.size() * 2];
            for (int i = 0; i < chunk.size(); i++) {
                parameters[2 * i] = chunk.get(i)[0];
                parameters[2 * i + 1] = chunk.get(i)[1];
            }
            // A row-value IN list lets H2 (and Oracle) probe the unique index with both columns; "agency_code = ?
            // AND account_id IN (...)" makes H2 scan the whole agency once per statement.
            for (String[] row : JdbcWork.query(connection, "SELECT agency_code, account_id, content_hash FROM legacy_account"
                    + " WHERE (agency_code, account_id) IN (" + String.join(", ", Collections.nCopies(chunk.size(), "(?, ?)")) + ")",
                    r -> new String[] {r.getString(1), r.getString(2), r.getString(3)}, parameters)) {
                storedHash.put(key(row[0], row[1]), row[2]);
            }
        }
        Instant now = clock.instant();
        long inserted = 0;
        long updated = 0;
        long unchanged = 0;
        JdbcWork.IdBlocks ids = new JdbcWork.IdBlocks(connection, "legacy_account_seq");
        try (PreparedStatement merge = connection.prepareStatement(MERGE)) {
            int pending = 0;
            for (LegacyAccount account : batch) {
                String key = key(account.agencyCode(), account.accountId());
                String before = storedHash.get(key);
                if (account.contentHash().equals(before)) {
                    unchanged++;
                    continue;
                }
                if (before == null) {
                    inserted++;
                    merge.setLong(1, ids.next());
                } else {
                    updated++;
                    merge.setLong(1, 0L);
                }
                storedHash.put(key, account.contentHash());
                bindMerge(merge, account, now);
                merge.addBatch();
                pending++;
            }
            if (pending > 0) {
                merge.executeBatch();
            }
        }
        return new UpsertCounts(inserted, updated, unchanged);
    }

    private static void requireAgencies(Connection connection, Set<String> codes) throws SQLException {
        List<String> list = new ArrayList<>(codes);
        Set<String> known = new LinkedHashSet<>(JdbcWork.query(connection,
                "SELECT code FROM agency WHERE code IN (" + JdbcWork.placeholders(list.size()) + ")",
                r -> r.getString(1), list.toArray()));
        for (String code : list) {
            if (!known.contains(code)) {
                throw new UnknownAgencyException(code);
            }
        }
    }

    private static void bindMerge(PreparedStatement merge, LegacyAccount account, Instant now) throws SQLException {
        LegacyIdNumber idNumber = account.idNumber();
        JdbcWork.setString(merge, 2, account.agencyCode());
        JdbcWork.setString(merge, 3, account.accountId());
        JdbcWork.setString(merge, 4, account.username().orElse(null));
        JdbcWork.setString(merge, 5, account.rawFullName().orElse(null));
        JdbcWork.setString(merge, 6, account.fullName().map(n -> n.display()).orElse(null));
        JdbcWork.setString(merge, 7, account.nameKey().orElse(null));
        JdbcWork.setDate(merge, 8, account.birthDate().orElse(null));
        JdbcWork.setString(merge, 9, account.gender().map(Gender::name).orElse(null));
        JdbcWork.setString(merge, 10, idNumber.raw().orElse(null));
        JdbcWork.setString(merge, 11, idNumber.kind().name());
        JdbcWork.setString(merge, 12, idNumber.normalised().orElse(null));
        JdbcWork.setString(merge, 13, account.rawPhone().orElse(null));
        JdbcWork.setString(merge, 14, account.phone().map(p -> p.value()).orElse(null));
        JdbcWork.setString(merge, 15, account.email().orElse(null));
        JdbcWork.setString(merge, 16, account.passwordHash().orElse(null));
        JdbcWork.setTimestamp(merge, 17, account.createdAt().orElse(null));
        JdbcWork.setTimestamp(merge, 18, account.lastLoginAt().orElse(null));
        JdbcWork.setString(merge, 19, account.status().name());
        JdbcWork.setString(merge, 20, account.contentHash());
        JdbcWork.setTimestamp(merge, 21, now);
        JdbcWork.setString(merge, 22, account.sourceFile().orElse(null));
        JdbcWork.setInt(merge, 23, account.sourceLine().orElse(null));
    }

    private static String key(String agencyCode, String accountId) {
        return agencyCode + '\u001f' + accountId;
    }

    @Override
    public Optional<LegacyAccount> findById(long id) {
        return JpaTransactions.read(factory, em -> Optional.ofNullable(em.find(LegacyAccount.class, id)));
    }

    @Override
    public Optional<LegacyAccount> findByKey(String agencyCode, String accountId) {
        return JpaTransactions.read(factory, em -> em
                .createQuery("SELECT a FROM LegacyAccount a WHERE a.agencyCode = :agency AND a.accountId = :account",
                        LegacyAccount.class)
                .setParameter("agency", agencyCode)
                .setParameter("account", accountId)
                .getResultStream()
                .findFirst());
    }

    @Override
    public List<LegacyAccount> findByIdNumber(String normalisedIdNumber) {
        return JdbcWork.inTransaction(factory, connection -> JdbcWork.query(connection,
                "SELECT " + COLUMNS + " FROM legacy_account a WHERE a.id_number = ? ORDER BY a.id",
                JdbcLegacyAccountRepository::read, normalisedIdNumber));
    }

    @Override
    public List<LegacyAccount> findByNameKeyAndBirthYear(String nameKey, int birthYear) {
        return JdbcWork.inTransaction(factory, connection -> JdbcWork.query(connection,
                "SELECT " + COLUMNS + " FROM legacy_account a WHERE a.name_key = ? AND a.birth_date >= ? AND a.birth_date < ?"
                        + " ORDER BY a.id",
                JdbcLegacyAccountRepository::read, nameKey, LocalDate.of(birthYear, 1, 1), LocalDate.of(birthYear + 1, 1, 1)));
    }

    @Override
    public long forEach(AccountSelection selection, Consumer<? super LegacyAccount> action) {
        Objects.requireNonNull(action, "action");
        String sql = "SELECT " + COLUMNS + " FROM legacy_account a WHERE a.id > ? AND a.id <= ?" + filter(selection)
                + " ORDER BY a.id FETCH FIRST " + JdbcWork.PAGE_SIZE + " ROWS ONLY";
        long after = selection.fromIdInclusive() - 1;
        long count = 0;
        while (true) {
            long from = after;
            // Each page is its own short transaction: no cursor or snapshot is held while the action runs,
            // so the action may write (links, verdicts) and other sessions are never blocked by the scan.
            List<LegacyAccount> page = JdbcWork.inTransaction(factory, connection ->
                    JdbcWork.query(connection, sql, JdbcLegacyAccountRepository::read, parameters(selection, from)));
            for (LegacyAccount account : page) {
                action.accept(account);
            }
            count += page.size();
            if (page.size() < JdbcWork.PAGE_SIZE) {
                return count;
            }
            after = page.get(page.size() - 1).id().orElseThrow();
        }
    }

    @Override
    public Optional<IdRange> idRange(AccountSelection selection) {
        return JdbcWork.inTransaction(factory, connection -> JdbcWork.query(connection,
                "SELECT MIN(a.id), MAX(a.id), COUNT(*) FROM legacy_account a WHERE a.id > ? AND a.id <= ?" + filter(selection),
                r -> {
                    long lowest = r.getLong(1);
                    return r.wasNull() ? Optional.<IdRange>empty() : Optional.of(new IdRange(lowest, r.getLong(2), r.getLong(3)));
                }, parameters(selection, selection.fromIdInclusive() - 1)).get(0));
    }

    @Override
    public long count(AccountSelection selection) {
        return JdbcWork.inTransaction(factory, connection -> JdbcWork.query(connection,
                "SELECT COUNT(*) FROM legacy_account a WHERE a.id > ? AND a.id <= ?" + filter(selection),
                r -> r.getLong(1), parameters(selection, selection.fromIdInclusive() - 1)).get(0));
    }

    private static String filter(AccountSelection selection) {
        StringBuilder sql = new StringBuilder();
        if (selection.agency().isPresent()) {
            sql.append(" AND a.agency_code = ?");
        }
        if (selection.undecidedOnly()) {
            // Any link or review item, even a revoked link or a rejected item, is a decision: a person may have
            // undone what the engine did, and a re-run must not silently do it again.
            sql.append(" AND a.unlinkable_reason IS NULL")
                    .append(" AND NOT EXISTS (SELECT 1 FROM identity_link l WHERE l.legacy_account_id = a.id)")
                    .append(" AND NOT EXISTS (SELECT 1 FROM review_item r WHERE r.legacy_account_id = a.id)");
        }
        return sql.toString();
    }

    private static Object[] parameters(AccountSelection selection, long afterId) {
        return selection.agency().isPresent()
                ? new Object[] {afterId, selection.toIdInclusive(), selection.agencyCode()}
                : new Object[] {afterId, selection.toIdInclusive()};
    }

    @Override
    public int markUnlinkable(Map<Long, String> reasonsByAccountId) {
        if (reasonsByAccountId.isEmpty()) {
            return 0;
        }
        reasonsByAccountId.values().forEach(LegacyAccount::checkReasonCode);
        return JdbcWork.inTransaction(factory, connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE legacy_account SET unlinkable_reason = ? WHERE id = ?")) {
                for (Map.Entry<Long, String> verdict : reasonsByAccountId.entrySet()) {
                    update.setString(1, verdict.getValue());
                    update.setLong(2, verdict.getKey());
                    update.addBatch();
                }
                return sum(update.executeBatch());
            }
        });
    }

    @Override
    public int clearUnlinkable(List<Long> accountIds) {
        if (accountIds.isEmpty()) {
            return 0;
        }
        return JdbcWork.inTransaction(factory, connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE legacy_account SET unlinkable_reason = NULL WHERE id = ? AND unlinkable_reason IS NOT NULL")) {
                for (Long id : accountIds) {
                    update.setLong(1, id);
                    update.addBatch();
                }
                return sum(update.executeBatch());
            }
        });
    }

    /** Statement.SUCCESS_NO_INFO (-2) counts as one row: Oracle may report it for batched updates. */
    static int sum(int[] counts) {
        int total = 0;
        for (int c : counts) {
            total += c == java.sql.Statement.SUCCESS_NO_INFO ? 1 : Math.max(0, c);
        }
        return total;
    }

    /** Rebuilds an account from a row selected with {@link #COLUMNS}, without re-deriving normalised forms. */
    static LegacyAccount read(ResultSet row) throws SQLException {
        String gender = row.getString("gender");
        LegacyIdNumber idNumber = LegacyIdNumber.restore(row.getString("raw_id_number"),
                IdNumberKind.valueOf(row.getString("id_number_kind")), row.getString("id_number"));
        return LegacyAccount.builder(row.getString("agency_code"), row.getString("account_id"))
                .username(row.getString("username"))
                .fullName(row.getString("raw_full_name"))
                .birthDate(JdbcWork.getDate(row, "birth_date"))
                .gender(gender == null ? null : Gender.valueOf(gender))
                .phone(row.getString("raw_phone"))
                .email(row.getString("email"))
                .passwordHash(row.getString("password_hash"))
                .createdAt(JdbcWork.getInstant(row, "created_at"))
                .lastLoginAt(JdbcWork.getInstant(row, "last_login_at"))
                .status(AccountStatus.valueOf(row.getString("status")))
                .stored(row.getLong("id"), JdbcWork.getInstant(row, "imported_at"), row.getString("unlinkable_reason"),
                        row.getString("full_name"), row.getString("name_key"), idNumber, row.getString("phone"),
                        row.getString("content_hash"), row.getString("source_file"), JdbcWork.getInt(row, "source_line"))
                .build();
    }
}
