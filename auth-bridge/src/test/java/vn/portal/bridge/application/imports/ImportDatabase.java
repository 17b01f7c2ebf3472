package vn.portal.bridge.application.imports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import vn.portal.bridge.domain.model.encoding.LegacyEncoding;
import vn.portal.bridge.domain.model.encoding.LegacyText;
import vn.portal.bridge.infrastructure.persistence.BridgeServices;
import vn.portal.bridge.infrastructure.persistence.DatabaseSettings;
import vn.portal.bridge.infrastructure.persistence.PortalDatabase;

/** A fresh in-memory H2 database (Oracle mode, demo agencies and services) with an importer on it. */
final class ImportDatabase implements AutoCloseable {

    static final Instant NOW = Instant.parse("2024-05-20T03:00:00Z");
    static final String ACTOR = "tester";

    final PortalDatabase database = PortalDatabase.open(DatabaseSettings.inMemory("imports-" + UUID.randomUUID()), true);
    final BridgeServices services = new BridgeServices(database.entityManagerFactory(), Clock.fixed(NOW, ZoneOffset.UTC));
    final LegacyDataImporter importer = new LegacyDataImporter(database.entityManagerFactory(), services, Clock.fixed(NOW, ZoneOffset.UTC));

    long count(String sql, Object... parameters) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    List<String> strings(String sql, Object... parameters) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        }
    }

    /** Writes {@code lines} (joined with CRLF, as exports from Windows systems are) in {@code encoding}. */
    static Path write(Path dir, String name, LegacyEncoding encoding, String... lines) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, LegacyText.encode(String.join("\r\n", lines) + "\r\n", encoding));
        return file;
    }

    static Path writeUtf8(Path dir, String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    ImportSummary accounts(Path file) {
        return importer.importAccounts(ImportSource.of(file), EncodingChoice.auto(), ImportProgress.NONE, ACTOR);
    }

    @Override
    public void close() {
        database.close();
    }
}
