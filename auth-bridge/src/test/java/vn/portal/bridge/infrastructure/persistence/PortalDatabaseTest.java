package vn.portal.bridge.infrastructure.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.eclipse.persistence.sessions.server.ServerSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.portal.bridge.domain.model.agency.Agency;

class PortalDatabaseTest {

    private static DatabaseSettings freshDatabase() {
        return DatabaseSettings.inMemory("portal-" + UUID.randomUUID());
    }

    @Test
    void migrationCreatesEverySignInTable() throws SQLException {
        try (PortalDatabase db = PortalDatabase.open(freshDatabase())) {
            List<String> tables = strings(db, "SELECT LOWER(table_name) FROM information_schema.tables "
                    + "WHERE table_schema = 'PUBLIC' ORDER BY 1");

            assertThat(tables).contains("citizen_identity", "agency", "public_service", "staff_grant", "audit_event",
                    "audit_chain_head", "portal_session", "flyway_schema_history");
            assertThat(strings(db, "SELECT last_hash FROM audit_chain_head")).containsExactly("0".repeat(64));
            assertThat(strings(db, "SELECT COUNT(*) FROM agency")).containsExactly("0");
        }
    }

    @Test
    void loadsDemoAgenciesServicesAndStaffGrantsOnRequest() throws SQLException {
        try (PortalDatabase db = PortalDatabase.open(freshDatabase(), true)) {
            assertThat(strings(db, "SELECT name FROM agency WHERE code = 'BCA'")).containsExactly("Bộ Công an");
            assertThat(strings(db, "SELECT COUNT(*) FROM agency")).containsExactly("6");
            assertThat(strings(db, "SELECT COUNT(*) FROM public_service")).containsExactly("11");
            assertThat(strings(db, "SELECT min_level FROM public_service WHERE name = 'Cấp phiếu lý lịch tư pháp'"))
                    .containsExactly("2");
            assertThat(strings(db, "SELECT personal_id || ' ' || role || ' ' || COALESCE(agency_code, '-') FROM staff_grant ORDER BY personal_id"))
                    .containsExactly("001190000021 ADMINISTRATOR -", "079301001234 AGENCY_OFFICER UBND-HCM");
            Agency hanoiJustice = db.inTransaction(em -> em.find(Agency.class, "STP-HN"));
            assertThat(hanoiJustice.parentCode()).contains("UBND-HN");
        }
    }

    @Test
    void demoDataScriptRunTwiceChangesNothing() throws SQLException, IOException {
        try (PortalDatabase db = PortalDatabase.open(freshDatabase(), true)) {
            List<String> before = snapshot(db);

            try (Connection connection = db.dataSource().getConnection(); Statement statement = connection.createStatement()) {
                for (String sql : demoScriptStatements()) {
                    statement.execute(sql);
                }
            }

            assertThat(snapshot(db)).isEqualTo(before);
        }
    }

    @Test
    void reopeningWithOrWithoutDemoDataKeepsTheSchemaAndData() throws SQLException {
        DatabaseSettings settings = freshDatabase();
        try (PortalDatabase first = PortalDatabase.open(settings, true)) {
            List<String> before = snapshot(first);
            try (PortalDatabase again = PortalDatabase.open(settings, true);
                    PortalDatabase withoutDemo = PortalDatabase.open(settings, false)) {
                assertThat(snapshot(again)).isEqualTo(before);
                assertThat(snapshot(withoutDemo)).isEqualTo(before);
            }
        }
    }

    @Test
    void secondProcessStyleOpenOfAutoServerFileSharesTheDatabase(@TempDir Path dir) throws SQLException {
        String url = "jdbc:h2:file:" + dir.resolve("portal").toAbsolutePath()
                + ";MODE=Oracle;AUTO_SERVER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000";
        DatabaseSettings settings = DatabaseSettings.defaults().withUrl(url).withPool(1, 4);
        try (PortalDatabase portal = PortalDatabase.open(settings, true);
                PortalDatabase cli = PortalDatabase.open(settings, false)) {
            try (Connection connection = cli.dataSource().getConnection(); Statement statement = connection.createStatement()) {
                statement.executeUpdate("UPDATE agency SET supervisor = 'Văn phòng Chính phủ' WHERE code = 'BTP'");
            }

            assertThat(strings(portal, "SELECT supervisor FROM agency WHERE code = 'BTP'")).containsExactly("Văn phòng Chính phủ");
            Agency seenByPortal = portal.inTransaction(em -> em.find(Agency.class, "BTP"));
            assertThat(seenByPortal.supervisor()).contains("Văn phòng Chính phủ");
        }
    }

    @Test
    void failsFastOnWrongPassword(@TempDir Path dir) {
        DatabaseSettings owner = DatabaseSettings.defaults()
                .withUrl("jdbc:h2:file:" + dir.resolve("locked").toAbsolutePath() + ";MODE=Oracle").withPool(1, 2);
        try (PortalDatabase db = PortalDatabase.open(owner)) {
            assertThat(db.entityManagerFactory().isOpen()).isTrue();
        }

        assertThatThrownBy(() -> PortalDatabase.open(owner.withCredentials("portal", "wrong")))
                .hasStackTraceContaining("Wrong user name or password");
    }

    @Test
    void sizesEclipseLinkPoolsFromTheSettingsKeepsOpenedConnectionsAndDisablesTheSharedCache() {
        try (PortalDatabase db = PortalDatabase.open(freshDatabase().withPool(2, 6))) {
            ServerSession session = db.entityManagerFactory().unwrap(ServerSession.class);

            assertThat(session.getDefaultConnectionPool().getInitialNumberOfConnections()).isEqualTo(2);
            // EclipseLink closes connections above "min" on release; min = max keeps them for the next transaction.
            assertThat(session.getDefaultConnectionPool().getMinNumberOfConnections()).isEqualTo(6);
            assertThat(session.getDefaultConnectionPool().getMaxNumberOfConnections()).isEqualTo(6);
            assertThat(session.getReadConnectionPool().getMaxNumberOfConnections()).isEqualTo(6);
            assertThat(session.getPlatform()).isInstanceOf(vn.portal.bridge.infrastructure.persistence.jpa.H2OracleModePlatform.class);
            assertThat(session.getDescriptor(Agency.class).getCachePolicy().isSharedIsolation()).isFalse();
        }
    }

    @Test
    void readyWhileTheSchemaIsThereAndNotReadyOnceItIsGone() throws SQLException {
        try (PortalDatabase db = PortalDatabase.open(freshDatabase())) {
            db.checkReady(java.time.Duration.ofSeconds(2));

            try (Connection connection = db.dataSource().getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("DROP TABLE audit_chain_head");
            }

            assertThatThrownBy(() -> db.checkReady(java.time.Duration.ofSeconds(2)))
                    .isInstanceOf(DatabaseUnavailableException.class)
                    .hasMessageContaining("is not ready")
                    .hasMessageContaining("AUDIT_CHAIN_HEAD");
        }
    }

    private static List<String> snapshot(PortalDatabase db) throws SQLException {
        List<String> rows = new ArrayList<>();
        rows.addAll(strings(db, "SELECT code || '|' || name || '|' || kind || '|' || COALESCE(parent_code, '-') || '|' || COALESCE(supervisor, '-') FROM agency ORDER BY code"));
        rows.addAll(strings(db, "SELECT code || '|' || agency_code || '|' || name || '|' || min_level || '|' || vneid_integrated || '|' || COALESCE(TO_CHAR(integrated_on, 'YYYY-MM-DD'), '-') FROM public_service ORDER BY code"));
        rows.addAll(strings(db, "SELECT id || '|' || personal_id || '|' || role || '|' || COALESCE(agency_code, '-') || '|' || granted_at || '|' || granted_by FROM staff_grant ORDER BY id"));
        return rows;
    }

    static List<String> strings(PortalDatabase db, String sql) throws SQLException {
        try (Connection connection = db.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            ResultSetMetaData meta = rows.getMetaData();
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(meta.getColumnCount() == 1 ? rows.getString(1) : rows.getString(1) + "|" + rows.getString(2));
            }
            return values;
        }
    }

    private static List<String> demoScriptStatements() throws IOException {
        try (InputStream in = PortalDatabaseTest.class.getResourceAsStream("/db/demo/R__demo_data.sql")) {
            String script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<String> statements = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            for (String line : script.split("\n")) {
                if (line.strip().startsWith("--")) {
                    continue;
                }
                current.append(line).append('\n');
                if (line.strip().endsWith(";")) {
                    String sql = current.toString().strip();
                    statements.add(sql.substring(0, sql.length() - 1));
                    current.setLength(0);
                }
            }
            assertThat(statements).hasSize(4);
            return statements;
        }
    }
}
