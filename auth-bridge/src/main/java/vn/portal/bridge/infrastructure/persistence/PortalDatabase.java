package vn.portal.bridge.infrastructure.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;

import org.eclipse.persistence.config.PersistenceUnitProperties;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import vn.portal.bridge.infrastructure.persistence.jpa.H2OracleModePlatform;
import vn.portal.bridge.infrastructure.persistence.jpa.JpaTransactions;

/**
 * The portal's database, opened the same way by the portal, the CLI and the tests: Flyway brings the
 * schema up to date, then an application-managed (RESOURCE_LOCAL) EclipseLink persistence unit is built.
 *
 * <p>The persistence descriptor lives at {@code META-INF/portal-persistence.xml}, not at the standard
 * location, so Payara does not try to deploy it as a container-managed unit on its default datasource.
 * EclipseLink's shared (L2) cache is off: another JVM may change any row, so each EntityManager reads
 * the database. Schema generation is off too: Flyway owns the schema.
 */
public final class PortalDatabase implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(PortalDatabase.class.getName());

    /** Name of the persistence unit in {@link #PERSISTENCE_XML}. */
    public static final String PERSISTENCE_UNIT = "portal";
    public static final String PERSISTENCE_XML = "META-INF/portal-persistence.xml";
    public static final String SCHEMA_LOCATION = "classpath:db/migration";
    public static final String DEMO_DATA_LOCATION = "classpath:db/demo";

    private static final String H2_BIND_ADDRESS = "h2.bindAddress";

    private final DatabaseSettings settings;
    private final DataSource dataSource;
    private final EntityManagerFactory entityManagerFactory;

    private PortalDatabase(DatabaseSettings settings, DataSource dataSource, EntityManagerFactory entityManagerFactory) {
        this.settings = settings;
        this.dataSource = dataSource;
        this.entityManagerFactory = entityManagerFactory;
    }

    /** Migrates the schema (without demo data) and opens the persistence unit. */
    public static PortalDatabase open(DatabaseSettings settings) {
        return open(settings, false);
    }

    /**
     * Migrates the schema, plus the repeatable demo data ({@code db/demo}) when {@code withDemoData}, and
     * opens the persistence unit. Fails fast if the database cannot be reached.
     */
    public static PortalDatabase open(DatabaseSettings settings, boolean withDemoData) {
        if (settings.isH2()) {
            keepH2ServerOnLoopback();
        }
        DataSource dataSource = new DriverDataSource(settings);
        migrate(settings, dataSource, withDemoData);
        if (settings.isH2()) {
            keepEvidenceInRows(settings, dataSource);
        }
        EntityManagerFactory factory = Persistence.createEntityManagerFactory(PERSISTENCE_UNIT, jpaProperties(settings));
        try {
            // EclipseLink logs in lazily; do it now so a bad URL or password fails here, not on the first sign-in.
            factory.createEntityManager().close();
        } catch (RuntimeException e) {
            factory.close();
            throw e;
        }
        return new PortalDatabase(settings, dataSource, factory);
    }

    public DatabaseSettings settings() {
        return settings;
    }

    public EntityManagerFactory entityManagerFactory() {
        return entityManagerFactory;
    }

    /** A non-pooling DataSource on the same database, for Flyway, health checks and tools. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** Runs {@code work} in one transaction: commits on return, rolls back and rethrows on any exception. */
    public <T> T inTransaction(Function<EntityManager, T> work) {
        return JpaTransactions.inTransaction(entityManagerFactory, work);
    }

    /** As {@link #inTransaction(Function)} for work without a result. */
    public void runInTransaction(Consumer<EntityManager> work) {
        JpaTransactions.inTransaction(entityManagerFactory, em -> {
            work.accept(em);
            return null;
        });
    }

    /**
     * Readiness probe (for MicroProfile Health): borrows a pooled connection and reads the audit chain
     * head, which proves the database answers and the schema is migrated.
     *
     * @throws DatabaseUnavailableException naming the cause, e.g. a refused connection or a timeout
     */
    public void checkReady(Duration timeout) {
        try {
            JpaTransactions.read(entityManagerFactory, em -> em
                    .createNativeQuery("SELECT last_id FROM audit_chain_head WHERE id = 1")
                    .setHint("jakarta.persistence.query.timeout", Math.max(1, timeout.toMillis()))
                    .getSingleResult());
        } catch (RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            throw new DatabaseUnavailableException("database " + settings.redactedUrl() + " is not ready: "
                    + root.getClass().getSimpleName() + ": " + root.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (entityManagerFactory.isOpen()) {
            entityManagerFactory.close();
        }
    }

    /**
     * With AUTO_SERVER=TRUE the first process to open an H2 file starts a TCP server for the others and
     * by default listens on every interface. The processes sharing ./data run on one machine, so unless the
     * operator chose an address, bind it to loopback. H2 reads the property once, when its classes load,
     * which is why this runs before the driver is touched.
     */
    private static void keepH2ServerOnLoopback() {
        if (System.getProperty(H2_BIND_ADDRESS) == null) {
            System.setProperty(H2_BIND_ADDRESS, "127.0.0.1");
        }
    }

    /**
     * Largest CLOB H2 keeps inside its row. H2's default (256 characters) sends every link's evidence JSON (about
     * 1 kB) and most audit details to its separate LOB store, which cost a fifth of a linking run's CPU; Oracle
     * keeps CLOBs up to about 4 kB in the row by default, and this matches it. The setting is persistent and needs
     * the database's admin, which the user that created an embedded database is.
     */
    static final int H2_INPLACE_LOB_CHARS = 8192;

    private static void keepEvidenceInRows(DatabaseSettings settings, DataSource dataSource) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SET MAX_LENGTH_INPLACE_LOB " + H2_INPLACE_LOB_CHARS);
        } catch (SQLException e) {
            // Only speed depends on it: a database opened by a non-admin user keeps working with H2's default.
            LOG.warning(() -> "Could not raise H2's in-row LOB size on " + settings.redactedUrl() + " (" + e.getMessage()
                    + "); evidence and audit details go to H2's LOB store, which is slower");
        }
    }

    private static void migrate(DatabaseSettings settings, DataSource dataSource, boolean withDemoData) {
        String[] locations = withDemoData
                ? new String[] {SCHEMA_LOCATION, DEMO_DATA_LOCATION}
                : new String[] {SCHEMA_LOCATION};
        MigrateResult result = Flyway.configure(PortalDatabase.class.getClassLoader())
                .dataSource(dataSource)
                .locations(locations)
                // Demo data applied earlier and not requested now is not an error; it simply stays.
                .ignoreMigrationPatterns("*:future", "repeatable:missing")
                // The CLI and the portal (or two cluster nodes) may start together; Flyway's lock makes one wait.
                .lockRetryCount(120)
                .cleanDisabled(true)
                .load()
                .migrate();
        LOG.info(() -> "Database " + settings.redactedUrl() + " is at schema version " + (result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion)
                + " after " + result.migrationsExecuted + " migration(s)" + (withDemoData ? " including demo data" : ""));
    }

    private static Map<String, Object> jpaProperties(DatabaseSettings settings) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(PersistenceUnitProperties.ECLIPSELINK_PERSISTENCE_XML, PERSISTENCE_XML);
        // Each open() gets its own EclipseLink session; otherwise two databases opened in one JVM would share one.
        properties.put(PersistenceUnitProperties.SESSION_NAME, PERSISTENCE_UNIT + "-" + UUID.randomUUID());
        properties.put(PersistenceUnitProperties.JDBC_DRIVER, settings.driverClassName());
        properties.put(PersistenceUnitProperties.JDBC_URL, settings.url());
        properties.put(PersistenceUnitProperties.JDBC_USER, settings.user());
        properties.put(PersistenceUnitProperties.JDBC_PASSWORD, settings.password());
        if (settings.isH2()) {
            properties.put(PersistenceUnitProperties.TARGET_DATABASE, H2OracleModePlatform.class.getName());
        }
        properties.put(PersistenceUnitProperties.SCHEMA_GENERATION_DATABASE_ACTION, "none");
        properties.put(PersistenceUnitProperties.DDL_GENERATION, PersistenceUnitProperties.NONE);
        properties.put(PersistenceUnitProperties.CACHE_SHARED_DEFAULT, "false");
        properties.put(PersistenceUnitProperties.TARGET_SERVER, "None");
        properties.put(PersistenceUnitProperties.WEAVING, "false");
        // EclipseLink keeps separate pools for writes and for reads outside a transaction; both get the configured bounds.
        // Its pool closes every connection above "min" as soon as it is released, so under load each transaction
        // would open a new connection (under the pool's lock) and lose its prepared statements: "min" is therefore
        // the maximum, and the configured minimum is only how many connections are opened at start.
        for (String pool : new String[] {PersistenceUnitProperties.CONNECTION_POOL, PersistenceUnitProperties.CONNECTION_POOL_READ}) {
            properties.put(pool + PersistenceUnitProperties.CONNECTION_POOL_INITIAL, Integer.toString(settings.poolMin()));
            properties.put(pool + PersistenceUnitProperties.CONNECTION_POOL_MIN, Integer.toString(settings.poolMax()));
            properties.put(pool + PersistenceUnitProperties.CONNECTION_POOL_MAX, Integer.toString(settings.poolMax()));
            // Fail a request after 10 s without a free connection rather than queueing it for EclipseLink's default 3 min.
            properties.put(pool + PersistenceUnitProperties.CONNECTION_POOL_WAIT, "10000");
        }
        properties.put(PersistenceUnitProperties.LOGGING_LOGGER, "JavaLogger");
        properties.put(PersistenceUnitProperties.LOGGING_LEVEL, "WARNING");
        return properties;
    }
}
