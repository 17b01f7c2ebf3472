package vn.portal.bridge.infrastructure.persistence.selflink;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceException;

import vn.portal.bridge.domain.model.credential.ClaimAttemptRepository;
import vn.portal.bridge.domain.model.credential.ClaimLockedException;
import vn.portal.bridge.domain.model.identity.PersonalId;
import vn.portal.bridge.domain.model.shared.ConflictingUpdateException;
import vn.portal.bridge.infrastructure.persistence.jpa.JpaTransactions;

/**
 * {@link ClaimAttemptRepository} on the {@code claim_attempt} table (V3), with plain JDBC on the persistence
 * unit's connection. The row of (citizen, account) is read {@code FOR UPDATE}, so two nodes charging the same
 * claim at once are serialised by the database; the first attempt of a pair inserts the row, and a
 * concurrent first insert surfaces as a unique-key conflict that is simply retried.
 */
public class JdbcClaimAttemptRepository implements ClaimAttemptRepository {

    private static final int ATTEMPTS = 3;

    private final EntityManagerFactory factory;

    public JdbcClaimAttemptRepository(EntityManagerFactory factory) {
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    @Override
    public int charge(PersonalId citizen, long legacyAccountId, int maxFailures, Duration lockFor, Instant now) {
        Objects.requireNonNull(citizen, "citizen");
        Objects.requireNonNull(lockFor, "lockFor");
        Objects.requireNonNull(now, "now");
        if (maxFailures < 1 || lockFor.isNegative() || lockFor.isZero()) {
            throw new IllegalArgumentException("need at least one attempt and a positive lock, not " + maxFailures + " / " + lockFor);
        }
        for (int attempt = 1;; attempt++) {
            try {
                return JpaTransactions.inTransaction(factory, em -> sql(em.unwrap(Connection.class),
                        c -> chargeOnce(c, citizen, legacyAccountId, maxFailures, lockFor, now)));
            } catch (ConflictingUpdateException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private static int chargeOnce(Connection connection, PersonalId citizen, long accountId, int maxFailures, Duration lockFor,
            Instant now) throws SQLException {
        Integer failures = null;
        Instant lockedUntil = null;
        try (PreparedStatement select = connection.prepareStatement("SELECT failures, locked_until FROM claim_attempt"
                + " WHERE personal_id = ? AND legacy_account_id = ? FOR UPDATE")) {
            select.setString(1, citizen.value());
            select.setLong(2, accountId);
            try (ResultSet row = select.executeQuery()) {
                if (row.next()) {
                    failures = row.getInt(1);
                    LocalDateTime until = row.getObject(2, LocalDateTime.class);
                    lockedUntil = until == null ? null : until.toInstant(ZoneOffset.UTC);
                }
            }
        }
        if (lockedUntil != null && lockedUntil.isAfter(now)) {
            throw new ClaimLockedException(accountId, lockedUntil);
        }
        // An expired lock starts a fresh count.
        int charged = (failures == null || lockedUntil != null ? 0 : failures) + 1;
        Instant newLock = charged >= maxFailures ? now.plus(lockFor) : null;
        if (failures == null) {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO claim_attempt"
                    + " (personal_id, legacy_account_id, failures, last_attempt_at, locked_until) VALUES (?, ?, ?, ?, ?)")) {
                insert.setString(1, citizen.value());
                insert.setLong(2, accountId);
                insert.setInt(3, charged);
                insert.setObject(4, utc(now));
                insert.setObject(5, newLock == null ? null : utc(newLock));
                insert.executeUpdate();
            }
        } else {
            try (PreparedStatement update = connection.prepareStatement("UPDATE claim_attempt SET failures = ?,"
                    + " last_attempt_at = ?, locked_until = ? WHERE personal_id = ? AND legacy_account_id = ?")) {
                update.setInt(1, charged);
                update.setObject(2, utc(now));
                update.setObject(3, newLock == null ? null : utc(newLock));
                update.setString(4, citizen.value());
                update.setLong(5, accountId);
                update.executeUpdate();
            }
        }
        return charged;
    }

    @Override
    public Optional<Instant> lockedUntil(PersonalId citizen, long legacyAccountId, Instant now) {
        Objects.requireNonNull(citizen, "citizen");
        Objects.requireNonNull(now, "now");
        // EclipseLink hands out its JDBC connection only inside a transaction.
        Instant until = JpaTransactions.inTransaction(factory, em -> sql(em.unwrap(Connection.class), c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT locked_until FROM claim_attempt WHERE personal_id = ? AND legacy_account_id = ?")) {
                select.setString(1, citizen.value());
                select.setLong(2, legacyAccountId);
                try (ResultSet row = select.executeQuery()) {
                    LocalDateTime value = row.next() ? row.getObject(1, LocalDateTime.class) : null;
                    return value == null ? null : value.toInstant(ZoneOffset.UTC);
                }
            }
        }));
        return until != null && until.isAfter(now) ? Optional.of(until) : Optional.empty();
    }

    @Override
    public void clear(PersonalId citizen, long legacyAccountId) {
        Objects.requireNonNull(citizen, "citizen");
        JpaTransactions.inTransaction(factory, em -> sql(em.unwrap(Connection.class), c -> {
            try (PreparedStatement delete = c.prepareStatement(
                    "DELETE FROM claim_attempt WHERE personal_id = ? AND legacy_account_id = ?")) {
                delete.setString(1, citizen.value());
                delete.setLong(2, legacyAccountId);
                return delete.executeUpdate();
            }
        }));
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    @FunctionalInterface
    private interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    /** SQL failures become PersistenceException with the SQLException as cause, which JpaTransactions classifies. */
    private static <T> T sql(Connection connection, SqlWork<T> work) {
        if (connection == null) {
            throw new IllegalStateException("the persistence provider gave no JDBC connection inside a transaction");
        }
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw new PersistenceException("SQL failed: " + e.getMessage(), e);
        }
    }
}
