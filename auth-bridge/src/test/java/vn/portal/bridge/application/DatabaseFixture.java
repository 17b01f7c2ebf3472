package vn.portal.bridge.application;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

import vn.portal.bridge.infrastructure.persistence.BridgeServices;
import vn.portal.bridge.infrastructure.persistence.DatabaseSettings;
import vn.portal.bridge.infrastructure.persistence.PortalDatabase;

/** A fresh in-memory H2 database (Oracle mode) with demo data, and a way to open a second "node" on it. */
final class DatabaseFixture implements AutoCloseable {

    final DatabaseSettings settings = DatabaseSettings.inMemory("bridge-" + UUID.randomUUID());
    final PortalDatabase database = PortalDatabase.open(settings, true);
    final TestClock clock = new TestClock("2026-03-02T01:30:00Z");
    final BridgeServices services = new BridgeServices(database.entityManagerFactory(), clock);

    /** Another EntityManagerFactory on the same database, standing in for a second portal JVM. */
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

    @Override
    public void close() {
        database.close();
    }
}
