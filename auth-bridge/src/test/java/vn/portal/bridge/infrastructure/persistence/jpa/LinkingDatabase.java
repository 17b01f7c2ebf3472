package vn.portal.bridge.infrastructure.persistence.jpa;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import vn.portal.bridge.infrastructure.persistence.BridgeServices;
import vn.portal.bridge.infrastructure.persistence.DatabaseSettings;
import vn.portal.bridge.infrastructure.persistence.PortalDatabase;

/** A fresh in-memory H2 database (Oracle mode, V1 + V2, demo agencies) with the bridge's repositories on it. */
final class LinkingDatabase implements AutoCloseable {

    static final Instant NOW = Instant.parse("2024-05-20T03:00:00Z");

    final DatabaseSettings settings = DatabaseSettings.inMemory("linking-" + UUID.randomUUID());
    final PortalDatabase database = PortalDatabase.open(settings, true);
    final BridgeServices services = new BridgeServices(database.entityManagerFactory(), Clock.fixed(NOW, ZoneOffset.UTC));

    /** Another EntityManagerFactory on the same database, standing in for a second JVM. */
    PortalDatabase openSecondNode() {
        return PortalDatabase.open(settings, true);
    }

    int execute(String sql, Object... parameters) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        }
    }

    String queryString(String sql, Object... parameters) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (var rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    long queryLong(String sql, Object... parameters) throws SQLException {
        return Long.parseLong(queryString(sql, parameters));
    }

    @Override
    public void close() {
        database.close();
    }
}
