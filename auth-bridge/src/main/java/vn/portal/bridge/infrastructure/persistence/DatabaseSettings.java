package vn.portal.bridge.infrastructure.persistence;

import java.util.Optional;
import java.util.function.Function;

/**
 * Where the portal's database is and how many connections to keep. Two databases are supported: H2
 * (development, tests, small agencies; use MODE=Oracle so the same SQL runs) and Oracle (production);
 * the JDBC driver is chosen from the URL.
 *
 * @param poolMin connections EclipseLink opens at start
 * @param poolMax upper bound of EclipseLink's internal pool; connections once opened are kept up to this bound
 */
public record DatabaseSettings(String url, String user, String password, int poolMin, int poolMax) {

    /**
     * The embedded default: an H2 file under {@code ./data/}. MODE=Oracle so the Flyway scripts and
     * Oracle's NULL semantics in unique keys match production; AUTO_SERVER=TRUE so the CLI can open the
     * file while the portal holds it (the second process connects through the first one's TCP server);
     * DEFAULT_NULL_ORDERING=HIGH sorts NULLs as Oracle does (last when ascending); LOCK_TIMEOUT=10000 lets
     * audit appends wait their turn on the chain-head row instead of failing after H2's default 1 s.
     */
    public static final String DEFAULT_URL =
            "jdbc:h2:file:./data/portal;MODE=Oracle;AUTO_SERVER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000";
    public static final String DEFAULT_USER = "portal";
    public static final String DEFAULT_PASSWORD = "portal";
    public static final int DEFAULT_POOL_MIN = 4;
    public static final int DEFAULT_POOL_MAX = 32;

    /** Configuration keys understood by {@link #fromConfig(Function)}. */
    public static final String KEY_URL = "PORTAL_DB_URL";
    public static final String KEY_USER = "PORTAL_DB_USER";
    public static final String KEY_PASSWORD = "PORTAL_DB_PASSWORD";
    public static final String KEY_POOL_MIN = "PORTAL_DB_POOL_MIN";
    public static final String KEY_POOL_MAX = "PORTAL_DB_POOL_MAX";

    private static final String H2_DRIVER = "org.h2.Driver";
    private static final String ORACLE_DRIVER = "oracle.jdbc.OracleDriver";

    public DatabaseSettings {
        if (url == null || url.isBlank()) {
            throw new InvalidDatabaseSettingsException("database URL must not be blank");
        }
        url = url.strip();
        if (!url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:oracle:")) {
            throw new InvalidDatabaseSettingsException("database URL must start with jdbc:h2: or jdbc:oracle: but starts with "
                    + url.substring(0, Math.min(url.length(), 12)));
        }
        if (user == null) {
            throw new InvalidDatabaseSettingsException("database user must not be null");
        }
        password = password == null ? "" : password;
        if (poolMin < 1 || poolMax < poolMin) {
            throw new InvalidDatabaseSettingsException(
                    "connection pool needs 1 <= min <= max but min is " + poolMin + " and max is " + poolMax);
        }
    }

    public static DatabaseSettings defaults() {
        return new DatabaseSettings(DEFAULT_URL, DEFAULT_USER, DEFAULT_PASSWORD, DEFAULT_POOL_MIN, DEFAULT_POOL_MAX);
    }

    /**
     * Reads {@code PORTAL_DB_URL}, {@code PORTAL_DB_USER}, {@code PORTAL_DB_PASSWORD}, {@code PORTAL_DB_POOL_MIN}
     * and {@code PORTAL_DB_POOL_MAX} through {@code lookup} (MicroProfile Config, environment, CLI options ...);
     * absent keys take the defaults.
     */
    public static DatabaseSettings fromConfig(Function<String, Optional<String>> lookup) {
        return new DatabaseSettings(
                lookup.apply(KEY_URL).filter(v -> !v.isBlank()).orElse(DEFAULT_URL),
                lookup.apply(KEY_USER).orElse(DEFAULT_USER),
                lookup.apply(KEY_PASSWORD).orElse(DEFAULT_PASSWORD),
                integer(lookup, KEY_POOL_MIN, DEFAULT_POOL_MIN),
                integer(lookup, KEY_POOL_MAX, DEFAULT_POOL_MAX));
    }

    /** An H2 in-memory database in Oracle mode that lives until the JVM exits; for tests. */
    public static DatabaseSettings inMemory(String name) {
        return new DatabaseSettings("jdbc:h2:mem:" + name + ";MODE=Oracle;DB_CLOSE_DELAY=-1;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000",
                DEFAULT_USER, DEFAULT_PASSWORD, 1, 8);
    }

    public DatabaseSettings withUrl(String newUrl) {
        return new DatabaseSettings(newUrl, user, password, poolMin, poolMax);
    }

    public DatabaseSettings withCredentials(String newUser, String newPassword) {
        return new DatabaseSettings(url, newUser, newPassword, poolMin, poolMax);
    }

    public DatabaseSettings withPool(int newMin, int newMax) {
        return new DatabaseSettings(url, user, password, newMin, newMax);
    }

    public boolean isH2() {
        return url.startsWith("jdbc:h2:");
    }

    public boolean isOracle() {
        return url.startsWith("jdbc:oracle:");
    }

    /** The JDBC driver class for the URL. */
    public String driverClassName() {
        return isH2() ? H2_DRIVER : ORACLE_DRIVER;
    }

    /**
     * The URL safe to log: an Oracle thin URL may carry "user/password@", and any URL may carry a
     * "password=" option; both passwords are replaced by asterisks.
     */
    public String redactedUrl() {
        return url.replaceAll("(?i)(jdbc:oracle:[a-z0-9]+:[^/@:;]*/)[^@]*@", "$1****@")
                .replaceAll("(?i)(password=)[^;&]*", "$1****");
    }

    /** Without the password. */
    @Override
    public String toString() {
        return "DatabaseSettings[url=" + redactedUrl() + ", user=" + user + ", password=" + (password.isEmpty() ? "(empty)" : "****")
                + ", pool=" + poolMin + ".." + poolMax + "]";
    }

    private static int integer(Function<String, Optional<String>> lookup, String key, int fallback) {
        Optional<String> value = lookup.apply(key).filter(v -> !v.isBlank());
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.get().strip());
        } catch (NumberFormatException e) {
            throw new InvalidDatabaseSettingsException(key + " must be a whole number but is '" + value.get() + "'");
        }
    }
}
