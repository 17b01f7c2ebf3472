package vn.portal.it.portal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads what the linking engine wrote (links, review items, unlinkable verdicts) and the audit rows of one run,
 * with plain JDBC on the H2 file the portal writes (AUTO_SERVER lets both processes hold it). Accounts are named
 * {@code AGENCY/ACCOUNT_ID}, as the engine's evidence names them.
 */
public final class LinkingTables {

    /** One identity_link row with its account. */
    public record Link(long id, String account, long legacyAccountId, String personalId, String method, String state,
                       String createdBy, String evidence) { }

    /** One review_item row with its account. */
    public record ReviewItem(long id, String account, long legacyAccountId, String cause, String status, String candidates) { }

    /** One audit_event row, with the columns a reviewer of a linking run looks at. */
    public record AuditRow(long id, String eventType, String outcome, String actor, String target, String reason,
                           String correlationId, String details) { }

    private final String url;
    private final String user;
    private final String password;

    public LinkingTables(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** Every link, whatever its state, in account order. */
    public List<Link> links() {
        return query("SELECT l.id, a.agency_code || '/' || a.account_id, l.legacy_account_id, l.personal_id, l.method, l.state,"
                + " l.created_by, l.evidence FROM identity_link l JOIN legacy_account a ON a.id = l.legacy_account_id"
                + " ORDER BY a.agency_code, a.account_id, l.id", rows -> new Link(rows.getLong(1), rows.getString(2),
                rows.getLong(3), rows.getString(4), rows.getString(5), rows.getString(6), rows.getString(7), rows.getString(8)));
    }

    /** Every review item, whatever its status, in account order. */
    public List<ReviewItem> reviewItems() {
        return query("SELECT r.id, a.agency_code || '/' || a.account_id, r.legacy_account_id, r.cause, r.status, r.candidates"
                + " FROM review_item r JOIN legacy_account a ON a.id = r.legacy_account_id ORDER BY a.agency_code, a.account_id, r.id",
                rows -> new ReviewItem(rows.getLong(1), rows.getString(2), rows.getLong(3), rows.getString(4),
                        rows.getString(5), rows.getString(6)));
    }

    /** Account -> unlinkable reason, for the accounts the engine judged unlinkable. */
    public Map<String, String> unlinkableVerdicts() {
        Map<String, String> verdicts = new LinkedHashMap<>();
        query("SELECT agency_code || '/' || account_id, unlinkable_reason FROM legacy_account WHERE unlinkable_reason IS NOT NULL"
                + " ORDER BY agency_code, account_id", rows -> verdicts.put(rows.getString(1), rows.getString(2)));
        return verdicts;
    }

    public long count(String table) {
        if (!table.matches("[a-z_]+")) {
            throw new IllegalArgumentException("not a table name: " + table);
        }
        return query("SELECT COUNT(*) FROM " + table, rows -> rows.getLong(1)).get(0);
    }

    /** The audit rows of one correlation id, in chain order. */
    public List<AuditRow> auditOf(String correlationId) {
        return query("SELECT id, event_type, outcome, actor, target, reason, correlation_id, details FROM audit_event"
                + " WHERE correlation_id = ? ORDER BY id", LinkingTables::auditRow, correlationId);
    }

    /** Audit rows of one type and reason, in chain order. */
    public List<AuditRow> audit(String eventType, String reason) {
        return query("SELECT id, event_type, outcome, actor, target, reason, correlation_id, details FROM audit_event"
                + " WHERE event_type = ? AND reason = ? ORDER BY id", LinkingTables::auditRow, eventType, reason);
    }

    /** The id of the newest audit row, 0 when there is none: what a test notes before it acts. */
    public long lastAuditId() {
        return query("SELECT COALESCE(MAX(id), 0) FROM audit_event", rows -> rows.getLong(1)).get(0);
    }

    /** Every audit row appended after {@code lastSeenId}, in chain order: what a test's request wrote, and nothing else. */
    public List<AuditRow> auditAfter(long lastSeenId) {
        return query("SELECT id, event_type, outcome, actor, target, reason, correlation_id, details FROM audit_event"
                + " WHERE id > ? ORDER BY id", LinkingTables::auditRow, Long.toString(lastSeenId));
    }

    /** The account ids of the legacy accounts an import stored from {@code sourceFile}, in order. */
    public List<String> accountIdsFrom(String sourceFile) {
        return query("SELECT account_id FROM legacy_account WHERE source_file = ? ORDER BY account_id", rows -> rows.getString(1),
                sourceFile);
    }

    /**
     * Removes the legacy accounts a test imported from {@code sourceFile} (none of them linked), so that test classes
     * running later in the same database find the demo data only.
     */
    public int deleteAccountsFrom(String sourceFile) {
        try (Connection connection = DriverManager.getConnection(url, user, password);
             PreparedStatement delete = connection.prepareStatement("DELETE FROM legacy_account WHERE source_file = ?")) {
            delete.setString(1, sourceFile);
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new AssertionError("cannot delete the accounts of " + sourceFile + " from " + url + ": " + e.getMessage(), e);
        }
    }

    private static AuditRow auditRow(ResultSet rows) throws SQLException {
        return new AuditRow(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4), rows.getString(5),
                rows.getString(6), rows.getString(7), rows.getString(8));
    }

    private interface RowMapper<T> {
        T map(ResultSet rows) throws SQLException;
    }

    private <T> List<T> query(String sql, RowMapper<T> mapper, String... parameters) {
        try (Connection connection = DriverManager.getConnection(url, user, password);
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            List<T> result = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    result.add(mapper.map(rows));
                }
            }
            return result;
        } catch (SQLException e) {
            throw new AssertionError("cannot read the linking tables from " + url + ": " + e.getMessage(), e);
        }
    }
}
