package vn.portal.bridge.infrastructure.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class DatabaseSettingsTest {

    @Test
    void defaultsToEmbeddedH2FileInOracleModeWithAutoServer() {
        DatabaseSettings settings = DatabaseSettings.defaults();

        assertThat(settings.url()).startsWith("jdbc:h2:file:./data/portal;").contains("MODE=Oracle", "AUTO_SERVER=TRUE");
        assertThat(settings.user()).isEqualTo("portal");
        assertThat(settings.password()).isEqualTo("portal");
        assertThat(settings.driverClassName()).isEqualTo("org.h2.Driver");
        assertThat(settings.poolMin()).isEqualTo(4);
        assertThat(settings.poolMax()).isEqualTo(32);
    }

    @Test
    void choosesOracleDriverFromUrl() {
        DatabaseSettings oracle = DatabaseSettings.defaults().withUrl("jdbc:oracle:thin:@//localhost:1521/portal");

        assertThat(oracle.isOracle()).isTrue();
        assertThat(oracle.driverClassName()).isEqualTo("oracle.jdbc.OracleDriver");
    }

    @Test
    void readsPortalDbKeysFromConfiguration() {
        Map<String, String> config = Map.of(
                "PORTAL_DB_URL", "jdbc:oracle:thin:@//localhost:1521/portal",
                "PORTAL_DB_USER", "cong_thong_tin",
                "PORTAL_DB_PASSWORD", "bí mật",
                "PORTAL_DB_POOL_MAX", "64");

        DatabaseSettings settings = DatabaseSettings.fromConfig(key -> Optional.ofNullable(config.get(key)));

        assertThat(settings.url()).isEqualTo("jdbc:oracle:thin:@//localhost:1521/portal");
        assertThat(settings.user()).isEqualTo("cong_thong_tin");
        assertThat(settings.password()).isEqualTo("bí mật");
        assertThat(settings.poolMin()).isEqualTo(4);
        assertThat(settings.poolMax()).isEqualTo(64);
    }

    @Test
    void missingConfigurationMeansDefaults() {
        assertThat(DatabaseSettings.fromConfig(key -> Optional.empty())).isEqualTo(DatabaseSettings.defaults());
    }

    @Test
    void refusesUnsupportedDatabases() {
        assertThatThrownBy(() -> DatabaseSettings.defaults().withUrl("jdbc:postgresql://localhost/portal"))
                .isInstanceOf(InvalidDatabaseSettingsException.class)
                .hasMessageContaining("jdbc:h2: or jdbc:oracle:");
    }

    @Test
    void refusesImpossiblePoolSizes() {
        assertThatThrownBy(() -> DatabaseSettings.defaults().withPool(8, 4))
                .isInstanceOf(InvalidDatabaseSettingsException.class)
                .hasMessage("connection pool needs 1 <= min <= max but min is 8 and max is 4");
        assertThatThrownBy(() -> DatabaseSettings.fromConfig(key -> key.equals("PORTAL_DB_POOL_MIN") ? Optional.of("bốn") : Optional.empty()))
                .hasMessageContaining("PORTAL_DB_POOL_MIN must be a whole number");
    }

    @Test
    void neverPrintsThePassword() {
        assertThat(DatabaseSettings.defaults().withCredentials("portal", "s3cret-mật-khẩu").toString())
                .doesNotContain("s3cret").contains("****");
    }

    @Test
    void redactsPasswordsWrittenIntoTheUrl() {
        DatabaseSettings inline = DatabaseSettings.defaults().withUrl("jdbc:oracle:thin:portal/Mat-Khau-2026@//db.example.vn:1521/portal");
        DatabaseSettings option = DatabaseSettings.defaults().withUrl("jdbc:oracle:thin:@//localhost:1521/portal?password=xyz&x=1");

        assertThat(inline.redactedUrl()).isEqualTo("jdbc:oracle:thin:portal/****@//db.example.vn:1521/portal");
        assertThat(inline.toString()).doesNotContain("Mat-Khau");
        assertThat(option.redactedUrl()).isEqualTo("jdbc:oracle:thin:@//localhost:1521/portal?password=****&x=1");
        assertThat(DatabaseSettings.defaults().redactedUrl()).isEqualTo(DatabaseSettings.DEFAULT_URL);
    }
}
