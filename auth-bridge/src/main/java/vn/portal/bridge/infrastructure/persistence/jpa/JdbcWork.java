package vn.portal.bridge.infrastructure.persistence.jpa;

import java.io.StringReader;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.EntityManager;
import vn.portal.bridge.domain.model.shared.ConflictingUpdateException;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceException;

/**
 * Plain JDBC on the persistence unit's own pooled connection, for bulk work where an EntityManager would
 * only add a managed copy per row: batched MERGEs of imports, keyset-paged reads of millions of rows. The
 * connection comes from {@code EntityManager.unwrap(Connection.class)} inside a resource-local
 * transaction, so the work commits or rolls back with it, on Payara and in the CLI alike.
 */
final class JdbcWork {

    /** Rows per keyset page and JDBC fetch size of bulk reads: bounded memory, few round trips. */
    static final int PAGE_SIZE = 2000;
    /** Oracle refuses more than 1000 expressions in an IN list. */
    static final int MAX_IN_LIST = 1000;
    /**
     * Keys per IN list when an upsert looks up what is already stored. H2 probes the index for each key but then
     * re-checks every found row against the whole list, so the cost per row grows with the list; 100 keeps that
     * small while still needing only ten round trips per thousand rows.
     */
    static final int LOOKUP_CHUNK = 100;
    /** INCREMENT BY of the V2 sequences, equal to EclipseLink's allocationSize. */
    static final int SEQUENCE_BLOCK = 50;

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(JdbcWork.class.getName());

    private JdbcWork() {
    }

    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    @FunctionalInterface
    interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    /**
     * Runs {@code work} in one transaction of {@code factory}. SQL failures surface as
     * {@link PersistenceException} with the SQLException (for batches: the first failed row's) as cause, so
     * {@link JpaTransactions} maps unique-key violations to ConflictingUpdateException.
     */
    static <T> T inTransaction(EntityManagerFactory factory, SqlWork<T> work) {
        return JpaTransactions.inTransaction(factory, (EntityManager em) -> {
            Connection connection = em.unwrap(Connection.class);
            if (connection == null) {
                throw new IllegalStateException("the persistence provider gave no JDBC connection inside a transaction");
            }
            try {
                return work.run(connection);
            } catch (SQLException e) {
                SQLException cause = e instanceof BatchUpdateException batch && batch.getNextException() != null
                        ? batch.getNextException() : e;
                throw new PersistenceException("SQL failed: " + cause.getMessage(), cause);
            }
        });
    }

    /**
     * Runs {@code work} in a transaction and runs it again, up to {@code attempts} times in all, when a concurrent
     * writer won a race on a unique key: an upsert that classified rows as new must classify them again.
     *
     * @param what names the batch in the log line of a retry
     */
    static <T> T inTransactionRetryingConflicts(EntityManagerFactory factory, int attempts, String what, SqlWork<T> work) {
        for (int attempt = 1;; attempt++) {
            try {
                return inTransaction(factory, work);
            } catch (ConflictingUpdateException e) {
                if (attempt >= attempts) {
                    throw e;
                }
                LOG.fine(() -> what + " raced with another writer; classifying again: " + e.getMessage());
            }
        }
    }

    static <T> List<T> query(Connection connection, String sql, RowReader<T> reader, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setFetchSize(PAGE_SIZE);
            bind(statement, parameters);
            List<T> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(reader.read(result));
                }
            }
            return rows;
        }
    }

    static int update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            return statement.executeUpdate();
        }
    }

    static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            Object value = parameters[i];
            if (value instanceof Instant instant) {
                setTimestamp(statement, i + 1, instant);
            } else if (value instanceof Enum<?> constant) {
                statement.setString(i + 1, constant.name());
            } else {
                statement.setObject(i + 1, value);
            }
        }
    }

    /** "?, ?, ?" for an IN list of {@code count} items. */
    static String placeholders(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }

    static void setString(PreparedStatement statement, int index, String value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, value);
        }
    }

    static void setClob(PreparedStatement statement, int index, String value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.CLOB);
        } else {
            statement.setCharacterStream(index, new StringReader(value), value.length());
        }
    }

    static void setLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.NUMERIC);
        } else {
            statement.setLong(index, value);
        }
    }

    static void setInt(PreparedStatement statement, int index, Integer value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.NUMERIC);
        } else {
            statement.setInt(index, value);
        }
    }

    static void setDate(PreparedStatement statement, int index, LocalDate value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.DATE);
        } else {
            statement.setObject(index, value);
        }
    }

    /** As UtcInstantConverter: UTC wall time in a plain TIMESTAMP, microsecond precision. */
    static void setTimestamp(PreparedStatement statement, int index, Instant value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.TIMESTAMP);
        } else {
            statement.setObject(index, LocalDateTime.ofInstant(value.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC));
        }
    }

    static Instant getInstant(ResultSet row, String column) throws SQLException {
        LocalDateTime utc = row.getObject(column, LocalDateTime.class);
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }

    static LocalDate getDate(ResultSet row, String column) throws SQLException {
        return row.getObject(column, LocalDate.class);
    }

    static Long getLong(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }

    static Integer getInt(ResultSet row, String column) throws SQLException {
        int value = row.getInt(column);
        return row.wasNull() ? null : value;
    }

    /**
     * Hands out ids from a sequence in blocks, the way EclipseLink does with allocationSize 50: the value
     * fetched is the END of a block of 50, so ids taken here and by JPA never collide. One instance per
     * transaction; unused ids of a block are simply skipped.
     */
    static final class IdBlocks {

        private final Connection connection;
        private final String nextValueSql;
        private long next;
        private long last = -1;

        IdBlocks(Connection connection, String sequence) {
            this.connection = connection;
            this.nextValueSql = "SELECT " + sequence + ".NEXTVAL FROM dual";
        }

        long next() throws SQLException {
            if (next > last) {
                try (PreparedStatement statement = connection.prepareStatement(nextValueSql);
                        ResultSet result = statement.executeQuery()) {
                    result.next();
                    last = result.getLong(1);
                    next = last - SEQUENCE_BLOCK + 1;
                }
            }
            return next++;
        }
    }
}
