package vn.portal.bridge.infrastructure.persistence.jpa;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

import jakarta.persistence.EntityManagerFactory;

import vn.portal.bridge.domain.model.identity.Gender;
import vn.portal.bridge.domain.model.identity.OldIdNumber;
import vn.portal.bridge.domain.model.identity.PersonalId;
import vn.portal.bridge.domain.model.identity.PhoneNumber;
import vn.portal.bridge.domain.model.legacy.UpsertCounts;
import vn.portal.bridge.domain.model.name.VietnameseName;
import vn.portal.bridge.domain.model.population.PopulationRecord;
import vn.portal.bridge.domain.model.population.PopulationRecordRepository;
import vn.portal.bridge.domain.model.population.PopulationRegister;

/**
 * The population register served from the local extract table ({@code population_record}), with plain JDBC:
 * the {@link PopulationRegister} look-ups use the table's indexes, the importer's upsert is one MERGE batch
 * per call (same scheme as {@link JdbcLegacyAccountRepository}), and {@link #forEach} pages through the table
 * by personal ID so the linking batch can build its indexes in bounded memory.
 */
public class JdbcPopulationRegister implements PopulationRegister, PopulationRecordRepository {

    private static final int ATTEMPTS = 3;

    private static final String COLUMNS = "p.personal_id, p.old_id_number, p.full_name, p.name_key, p.birth_date, p.gender,"
            + " p.phone, p.content_hash, p.imported_at";

    private static final String MERGE = "MERGE INTO population_record t USING (SELECT"
            + " CAST(? AS VARCHAR2(12)) personal_id, CAST(? AS VARCHAR2(9)) old_id_number,"
            + " CAST(? AS VARCHAR2(150 CHAR)) full_name, CAST(? AS VARCHAR2(150 CHAR)) name_key, CAST(? AS DATE) birth_date,"
            + " CAST(? AS VARCHAR2(6)) gender, CAST(? AS VARCHAR2(11)) phone, CAST(? AS VARCHAR2(64)) content_hash,"
            + " CAST(? AS TIMESTAMP(6)) imported_at FROM dual) s"
            + " ON (t.personal_id = s.personal_id)"
            + " WHEN MATCHED THEN UPDATE SET t.old_id_number = s.old_id_number, t.full_name = s.full_name,"
            + " t.name_key = s.name_key, t.birth_date = s.birth_date, t.gender = s.gender, t.phone = s.phone,"
            + " t.content_hash = s.content_hash, t.imported_at = s.imported_at"
            + " WHEN NOT MATCHED THEN INSERT (personal_id, old_id_number, full_name, name_key, birth_date, gender, phone,"
            + " content_hash, imported_at) VALUES (s.personal_id, s.old_id_number, s.full_name, s.name_key, s.birth_date,"
            + " s.gender, s.phone, s.content_hash, s.imported_at)";

    private final EntityManagerFactory factory;
    private final Clock clock;

    public JdbcPopulationRegister(EntityManagerFactory factory, Clock clock) {
        this.factory = Objects.requireNonNull(factory, "factory");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Optional<PopulationRecord> findByPersonalId(PersonalId personalId) {
        Objects.requireNonNull(personalId, "personalId");
        return select(" WHERE p.personal_id = ?", personalId.value()).stream().findFirst();
    }

    @Override
    public Map<PersonalId, PopulationRecord> findByPersonalIds(Collection<PersonalId> personalIds) {
        if (personalIds.size() > MAX_BATCH) {
            throw new IllegalArgumentException("at most " + MAX_BATCH + " personal IDs per call, got " + personalIds.size());
        }
        List<String> digits = new ArrayList<>(new LinkedHashSet<>(personalIds.stream().map(PersonalId::value).toList()));
        if (digits.isEmpty()) {
            return Map.of();
        }
        Map<PersonalId, PopulationRecord> found = new LinkedHashMap<>();
        for (PopulationRecord record : select(" WHERE p.personal_id IN (" + JdbcWork.placeholders(digits.size()) + ")",
                digits.toArray())) {
            found.put(record.personalId(), record);
        }
        return found;
    }

    @Override
    public List<PopulationRecord> findByOldIdNumber(OldIdNumber oldIdNumber) {
        return select(" WHERE p.old_id_number = ?", oldIdNumber.value());
    }

    @Override
    public List<PopulationRecord> findByBlockingKey(String nameKey, int birthYear) {
        Objects.requireNonNull(nameKey, "nameKey");
        return select(" WHERE p.name_key = ? AND p.birth_date >= ? AND p.birth_date < ?",
                nameKey, LocalDate.of(birthYear, 1, 1), LocalDate.of(birthYear + 1, 1, 1));
    }

    @Override
    public List<PopulationRecord> findByPhone(PhoneNumber phone) {
        return select(" WHERE p.phone = ?", phone.value());
    }

    private List<PopulationRecord> select(String where, Object... parameters) {
        return JdbcWork.inTransaction(factory, connection -> JdbcWork.query(connection,
                "SELECT " + COLUMNS + " FROM population_record p" + where + " ORDER BY p.personal_id",
                JdbcPopulationRegister::read, parameters));
    }

    @Override
    public UpsertCounts upsert(List<PopulationRecord> batch) {
        Objects.requireNonNull(batch, "batch");
        if (batch.isEmpty()) {
            return UpsertCounts.NONE;
        }
        return JdbcWork.inTransactionRetryingConflicts(factory, ATTEMPTS, "Population batch",
                connection -> upsertOnce(connection, batch));
    }

    private UpsertCounts upsertOnce(Connection connection, List<PopulationRecord> batch) throws SQLException {
        List<String> ids = new ArrayList<>(new LinkedHashSet<>(batch.stream().map(r -> r.personalId().value()).toList()));
        Map<String, String> storedHash = new HashMap<>();
        for (int from = 0; from < ids.size(); from += JdbcWork.LOOKUP_CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + JdbcWork.LOOKUP_CHUNK));
            for (String[] row : JdbcWork.query(connection, "SELECT personal_id, content_hash FROM population_record"
                    + " WHERE personal_id IN (" + JdbcWork.placeholders(chunk.size()) + ")",
                    r -> new String[] {r.getString(1), r.getString(2)}, chunk.toArray())) {
                storedHash.put(row[0], row[1]);
            }
        }
        Instant now = clock.instant();
        long inserted = 0;
        long updated = 0;
        long unchanged = 0;
        try (PreparedStatement merge = connection.prepareStatement(MERGE)) {
            int pending = 0;
            for (PopulationRecord record : batch) {
                String key = record.personalId().value();
                String before = storedHash.get(key);
                if (record.contentHash().equals(before)) {
                    unchanged++;
                    continue;
                }
                if (before == null) {
                    inserted++;
                } else {
                    updated++;
                }
                storedHash.put(key, record.contentHash());
                merge.setString(1, key);
                JdbcWork.setString(merge, 2, record.oldIdNumber().map(OldIdNumber::value).orElse(null));
                merge.setString(3, record.fullName().display());
                merge.setString(4, record.nameKey());
                JdbcWork.setDate(merge, 5, record.birthDate());
                merge.setString(6, record.gender().name());
                JdbcWork.setString(merge, 7, record.phone().map(PhoneNumber::value).orElse(null));
                merge.setString(8, record.contentHash());
                JdbcWork.setTimestamp(merge, 9, now);
                merge.addBatch();
                pending++;
            }
            if (pending > 0) {
                merge.executeBatch();
            }
        }
        return new UpsertCounts(inserted, updated, unchanged);
    }

    @Override
    public long forEach(Consumer<? super PopulationRecord> action) {
        Objects.requireNonNull(action, "action");
        String sql = "SELECT " + COLUMNS + " FROM population_record p WHERE p.personal_id > ?"
                + " ORDER BY p.personal_id FETCH FIRST " + JdbcWork.PAGE_SIZE + " ROWS ONLY";
        String after = "0"; // below every personal ID; not "" because Oracle reads an empty string as NULL
        long count = 0;
        while (true) {
            String from = after;
            List<PopulationRecord> page = JdbcWork.inTransaction(factory, connection ->
                    JdbcWork.query(connection, sql, JdbcPopulationRegister::read, from));
            for (PopulationRecord record : page) {
                action.accept(record);
            }
            count += page.size();
            if (page.size() < JdbcWork.PAGE_SIZE) {
                return count;
            }
            after = page.get(page.size() - 1).personalId().value();
        }
    }

    @Override
    public long scan(Consumer<? super PopulationRecord> action) {
        Objects.requireNonNull(action, "action");
        return JdbcWork.inTransaction(factory, connection -> {
            // H2 computes a whole result before returning its first row unless the session asks it to stream; a
            // pooled connection gets the setting back afterwards. Oracle streams by fetch size anyway.
            boolean h2 = "H2".equals(connection.getMetaData().getDatabaseProductName());
            if (h2) {
                JdbcWork.update(connection, "SET LAZY_QUERY_EXECUTION TRUE");
            }
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM population_record p")) {
                select.setFetchSize(JdbcWork.PAGE_SIZE);
                long count = 0;
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        action.accept(read(rows));
                        count++;
                    }
                }
                return count;
            } finally {
                if (h2) {
                    JdbcWork.update(connection, "SET LAZY_QUERY_EXECUTION FALSE");
                }
            }
        });
    }

    @Override
    public long count() {
        return JdbcWork.inTransaction(factory, connection ->
                JdbcWork.query(connection, "SELECT COUNT(*) FROM population_record", r -> r.getLong(1)).get(0));
    }

    private static PopulationRecord read(ResultSet row) throws SQLException {
        return PopulationRecord.restore(PersonalId.parse(row.getString("personal_id")), row.getString("old_id_number"),
                VietnameseName.of(row.getString("full_name")), row.getString("name_key"), JdbcWork.getDate(row, "birth_date"),
                Gender.valueOf(row.getString("gender")), row.getString("phone"), row.getString("content_hash"),
                JdbcWork.getInstant(row, "imported_at"));
    }
}
