package vn.portal.bridge.infrastructure.persistence.jpa;

import java.io.IOException;
import java.io.Reader;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import jakarta.persistence.EntityManagerFactory;

import vn.portal.bridge.application.imports.ImportKind;
import vn.portal.bridge.application.imports.ImportRun;
import vn.portal.bridge.application.imports.ImportRunId;
import vn.portal.bridge.application.imports.ImportRunRepository;
import vn.portal.bridge.application.imports.ImportRunState;
import vn.portal.bridge.application.imports.RowError;
import vn.portal.bridge.application.imports.RowErrorCode;

/**
 * {@link ImportRunRepository} on the {@code import_run} table (V5), with plain JDBC on the persistence unit's
 * connection. A RUNNING row holds {@code running_key}; ending the run clears it, so the table's unique constraint
 * is what keeps two imports of one file apart across nodes.
 */
public class JdbcImportRunRepository implements ImportRunRepository {

    private static final String COLUMNS = "id, kind, file_name, encoding, started_by, started_at, node_name, heartbeat_at,"
            + " finished_at, state, rows_read, inserted, updated, unchanged, rejected, first_errors, failure_message";

    private final EntityManagerFactory factory;

    public JdbcImportRunRepository(EntityManagerFactory factory) {
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    @Override
    public void addRunning(ImportRun run) {
        if (!run.isRunning()) {
            throw new IllegalArgumentException("only a RUNNING import is added, not " + run.state());
        }
        JdbcWork.inTransaction(factory, c -> JdbcWork.update(c, "INSERT INTO import_run (id, kind, file_name, encoding,"
                + " started_by, started_at, node_name, heartbeat_at, state, running_key, rows_read)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", run.id().value(), run.kind(), run.fileName(), run.encoding(),
                run.startedBy(), run.startedAt(), run.node(), run.heartbeatAt(), ImportRunState.RUNNING, run.runningKey(),
                run.rowsRead()));
    }

    @Override
    public Optional<ImportRun> find(ImportRunId id) {
        return one("SELECT " + COLUMNS + " FROM import_run WHERE id = ?", id.value());
    }

    @Override
    public Optional<ImportRun> findRunning(ImportKind kind, String fileName) {
        return one("SELECT " + COLUMNS + " FROM import_run WHERE running_key = ?", kind.label() + "/" + fileName);
    }

    @Override
    public List<ImportRun> running() {
        return JdbcWork.inTransaction(factory, c -> JdbcWork.query(c, "SELECT " + COLUMNS + " FROM import_run WHERE state = ?"
                + " ORDER BY started_at, id", JdbcImportRunRepository::run, ImportRunState.RUNNING));
    }

    @Override
    public List<ImportRun> latest(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1 but is " + limit);
        }
        return JdbcWork.inTransaction(factory, c -> JdbcWork.query(c, "SELECT " + COLUMNS + " FROM import_run"
                + " ORDER BY started_at DESC, id DESC FETCH FIRST " + limit + " ROWS ONLY", JdbcImportRunRepository::run));
    }

    @Override
    public boolean progress(ImportRunId id, long rowsRead, Instant heartbeat) {
        return JdbcWork.inTransaction(factory, c -> JdbcWork.update(c, "UPDATE import_run SET rows_read = ?, heartbeat_at = ?"
                + " WHERE id = ? AND state = ?", rowsRead, heartbeat, id.value(), ImportRunState.RUNNING)) == 1;
    }

    @Override
    public void finish(ImportRunId id, String encoding, long rowsRead, ImportRun.Counts counts, List<RowError> errors, Instant at) {
        String listed = errorsText(errors);
        // Written whatever the stored state: a run declared interrupted that did finish after all has finished.
        int updated = JdbcWork.inTransaction(factory, c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE import_run SET state = ?, running_key = NULL,"
                    + " finished_at = ?, heartbeat_at = ?, encoding = ?, rows_read = ?, inserted = ?, updated = ?, unchanged = ?,"
                    + " rejected = ?, first_errors = ?, failure_message = NULL WHERE id = ?")) {
                JdbcWork.bind(update, ImportRunState.FINISHED, at, at, encoding, rowsRead, counts.inserted(), counts.updated(),
                        counts.unchanged(), counts.rejected());
                JdbcWork.setClob(update, 10, listed);
                update.setString(11, id.value());
                return update.executeUpdate();
            }
        });
        requireOne(updated, id);
    }

    @Override
    public void fail(ImportRunId id, String failure, long rowsRead, Instant at) {
        requireOne(JdbcWork.inTransaction(factory, c -> JdbcWork.update(c, "UPDATE import_run SET state = ?, running_key = NULL,"
                + " finished_at = ?, heartbeat_at = ?, rows_read = ?, failure_message = ? WHERE id = ?",
                ImportRunState.FAILED, at, at, rowsRead, failure, id.value())), id);
    }

    @Override
    public boolean interrupt(ImportRunId id, Instant heartbeatBefore, String why, Instant at) {
        return JdbcWork.inTransaction(factory, c -> heartbeatBefore == null
                ? JdbcWork.update(c, "UPDATE import_run SET state = ?, running_key = NULL, finished_at = ?, failure_message = ?"
                        + " WHERE id = ? AND state = ?", ImportRunState.INTERRUPTED, at, why, id.value(), ImportRunState.RUNNING)
                : JdbcWork.update(c, "UPDATE import_run SET state = ?, running_key = NULL, finished_at = ?, failure_message = ?"
                        + " WHERE id = ? AND state = ? AND heartbeat_at < ?", ImportRunState.INTERRUPTED, at, why, id.value(),
                        ImportRunState.RUNNING, heartbeatBefore)) == 1;
    }

    private Optional<ImportRun> one(String sql, String parameter) {
        return JdbcWork.inTransaction(factory, c -> JdbcWork.query(c, sql, JdbcImportRunRepository::run, parameter))
                .stream().findFirst();
    }

    private static void requireOne(int updated, ImportRunId id) {
        if (updated != 1) {
            throw new IllegalStateException("import " + id + " is not stored (" + updated + " rows updated)");
        }
    }

    private static ImportRun run(ResultSet row) throws SQLException {
        ImportRunState state = ImportRunState.valueOf(row.getString("state"));
        Long inserted = JdbcWork.getLong(row, "inserted");
        ImportRun.Counts counts = inserted == null ? null : new ImportRun.Counts(inserted, row.getLong("updated"),
                row.getLong("unchanged"), row.getLong("rejected"));
        String fileName = row.getString("file_name");
        return new ImportRun(ImportRunId.of(row.getString("id")), ImportKind.valueOf(row.getString("kind")), fileName,
                row.getString("encoding"), row.getString("started_by"), JdbcWork.getInstant(row, "started_at"),
                row.getString("node_name"), JdbcWork.getInstant(row, "heartbeat_at"), JdbcWork.getInstant(row, "finished_at"),
                state, row.getLong("rows_read"), counts, errors(fileName, clob(row.getClob("first_errors"))),
                row.getString("failure_message"));
    }

    private static String clob(Clob clob) throws SQLException {
        if (clob == null) {
            return null;
        }
        StringBuilder text = new StringBuilder((int) Math.min(clob.length(), 1 << 20));
        try (Reader reader = clob.getCharacterStream()) {
            char[] buffer = new char[8192];
            for (int read; (read = reader.read(buffer)) != -1;) {
                text.append(buffer, 0, read);
            }
        } catch (IOException e) {
            throw new SQLException("cannot read import_run.first_errors: " + e.getMessage(), e);
        }
        return text.toString();
    }

    /**
     * One error a line: line TAB column TAB reason, then TAB code and TAB each argument when the error has a code;
     * backslash, tab and line breaks escaped. Lines written before codes existed end after the reason and still read.
     */
    static String errorsText(List<RowError> errors) {
        if (errors.isEmpty()) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        for (RowError error : errors) {
            text.append(error.line()).append('\t').append(escape(error.column() == null ? "" : error.column())).append('\t')
                    .append(escape(error.reason()));
            if (error.code() != null) {
                text.append('\t').append(error.code().name());
                for (String argument : error.arguments()) {
                    text.append('\t').append(escape(argument));
                }
            }
            text.append('\n');
        }
        return text.toString();
    }

    static List<RowError> errors(String file, String text) {
        List<RowError> errors = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return errors;
        }
        for (String line : text.split("\n")) {
            String[] fields = line.split("\t", -1);
            if (fields.length < 3) {
                throw new IllegalStateException("import_run.first_errors has a malformed line: " + line);
            }
            long number = Long.parseLong(fields[0]);
            String column = fields[1].isEmpty() ? null : unescape(fields[1]);
            String reason = unescape(fields[2]);
            RowErrorCode code = fields.length > 3 ? knownCode(fields[3]) : null;
            List<String> arguments = new ArrayList<>();
            for (int i = 4; i < fields.length; i++) {
                arguments.add(unescape(fields[i]));
            }
            // A code this version does not know, or with other arguments, falls back to the English text.
            errors.add(code == null || arguments.size() != code.arity() ? new RowError(file, number, column, reason)
                    : new RowError(file, number, column, reason, code, arguments));
        }
        return errors;
    }

    private static RowErrorCode knownCode(String name) {
        for (RowErrorCode code : RowErrorCode.values()) {
            if (code.name().equals(name)) {
                return code;
            }
        }
        return null;
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    private static String unescape(String text) {
        StringBuilder plain = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                plain.append(switch (next) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    default -> next;
                });
            } else {
                plain.append(c);
            }
        }
        return plain.toString();
    }
}
