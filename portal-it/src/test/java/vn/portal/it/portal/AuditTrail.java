package vn.portal.it.portal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Reads the portal's {@code audit_event} and {@code portal_session} tables with plain JDBC, opening the same H2 file the
 * portal writes (AUTO_SERVER lets both processes hold it).
 */
public final class AuditTrail {

    /** One audit row, the columns the contract names. */
    public record Event(String eventType, String outcome, String reason, String correlationId) { }

    private final String url;
    private final String user;
    private final String password;

    public AuditTrail(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    public List<Event> byCorrelationId(UUID correlationId) {
        return query("SELECT event_type, outcome, reason, correlation_id FROM audit_event WHERE correlation_id = ?"
                + " ORDER BY id", correlationId.toString());
    }

    public int count(String eventType) {
        try (Connection connection = DriverManager.getConnection(url, user, password);
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT COUNT(*) FROM audit_event WHERE event_type = ?")) {
            statement.setString(1, eventType);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        } catch (SQLException e) {
            throw new AssertionError("cannot read audit_event from " + url + ": " + e.getMessage(), e);
        }
    }

    /**
     * Portal sessions recorded for a provider session id, split into live and ended ones. The portal keeps
     * them in {@code portal_session} so a back-channel logout received by one node ends sessions held by
     * another (DESIGN.md section 7); the suite checks that table, not only the HTTP behaviour.
     */
    public record SessionRows(int live, int ended) {
        public int total() {
            return live + ended;
        }
    }

    public SessionRows sessionsOfProviderSid(String providerSid) {
        try (Connection connection = DriverManager.getConnection(url, user, password);
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT SUM(CASE WHEN ended_at IS NULL THEN 1 ELSE 0 END), SUM(CASE WHEN ended_at IS NULL THEN 0 ELSE 1 END)"
                             + " FROM portal_session WHERE provider_sid = ?")) {
            statement.setString(1, providerSid);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return new SessionRows(rows.getInt(1), rows.getInt(2));
            }
        } catch (SQLException e) {
            throw new AssertionError("cannot read portal_session from " + url + ": " + e.getMessage(), e);
        }
    }

    /** The most recent rows of a type, newest first. */
    public List<Event> latest(String eventType, int limit) {
        return query("SELECT event_type, outcome, reason, correlation_id FROM audit_event WHERE event_type = ?"
                + " ORDER BY id DESC FETCH FIRST " + limit + " ROWS ONLY", eventType);
    }

    private List<Event> query(String sql, String parameter) {
        try (Connection connection = DriverManager.getConnection(url, user, password);
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            List<Event> events = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    events.add(new Event(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4)));
                }
            }
            return events;
        } catch (SQLException e) {
            throw new AssertionError("cannot read audit_event from " + url + ": " + e.getMessage(), e);
        }
    }
}
