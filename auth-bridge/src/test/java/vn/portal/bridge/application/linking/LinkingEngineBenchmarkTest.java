package vn.portal.bridge.application.linking;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.Clock;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import vn.portal.bridge.domain.model.legacy.LegacyAccount;
import vn.portal.bridge.domain.model.matching.Matcher;
import vn.portal.bridge.domain.model.population.PopulationRecord;
import vn.portal.bridge.infrastructure.persistence.BridgeServices;
import vn.portal.bridge.infrastructure.persistence.DatabaseSettings;
import vn.portal.bridge.infrastructure.persistence.PortalDatabase;

/**
 * Measures the engine end to end on an H2 file database shaped like the portal's default: N register people
 * and N legacy accounts of one agency ({@link SyntheticPeople}), then the register index build, a dry run
 * (read + decide) and the real run (read + decide + write links, review items, verdicts and audit events).
 * Prints accounts per second and heap. Opt-in because it is a measurement, not a check:
 * {@code mvn -pl auth-bridge test -Dtest=LinkingEngineBenchmarkTest -Dbridge.link.rows=1000000}, or with a chosen heap
 * through {@link #main}.
 * It asserts only that every account was decided.
 */
@EnabledIfSystemProperty(named = "bridge.link.rows", matches = "\\d+")
class LinkingEngineBenchmarkTest {

    private static final int BATCH = 1000;

    /** Runs outside Maven so the heap can be chosen: {@code java -Xmx1g -cp <test classpath> ...LinkingEngineBenchmarkTest 1000000}. */
    public static void main(String[] args) throws IOException {
        System.setProperty("bridge.link.rows", args.length > 0 ? args[0] : "1000000");
        new LinkingEngineBenchmarkTest().linksEveryAccountAndReportsSpeedAndHeap();
    }

    @Test
    void linksEveryAccountAndReportsSpeedAndHeap() throws IOException {
        int rows = Integer.parseInt(System.getProperty("bridge.link.rows"));
        Path directory = Files.createTempDirectory("link-bench");
        DatabaseSettings settings = DatabaseSettings.defaults()
                .withUrl("jdbc:h2:file:" + directory.resolve("portal") + ";MODE=Oracle;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000");
        try (PortalDatabase database = PortalDatabase.open(settings, true)) {
            BridgeServices services = new BridgeServices(database.entityManagerFactory(), Clock.systemUTC());
            long started = System.nanoTime();
            bulkLoad(database, rows);
            print("bulk load (setup, not measured)", rows, started);

            LinkingEngine engine = services.linkingEngine();
            resetPeaks();
            started = System.nanoTime();
            long cpu = processCpuNanos();
            Matcher matcher = engine.loadMatcher();
            print("register index build", rows, started);
            cpu("register index build", cpu);
            System.gc();
            long indexHeap = usedHeap();

            resetPeaks();
            cpu = processCpuNanos();
            LinkingSummary dry = engine.run(matcher, LinkingOptions.agency("BHXH").dryRun(true), ProgressListener.NONE);
            System.out.println(dry.report());
            cpu("dry run", cpu);
            long dryPeak = peakHeap();
            if (Boolean.getBoolean("bridge.link.dryOnly")) {
                System.out.printf(Locale.ROOT, "RESULT rows=%d dry=%.0f/s indexMB=%.0f peakMB=%.0f%n", rows, dry.accountsPerSecond(),
                        indexHeap / 1e6, dryPeak / 1e6);
                assertThat(dry.accountsSeen()).isEqualTo(rows);
                return;
            }

            resetPeaks();
            cpu = processCpuNanos();
            LinkingSummary real = engine.run(matcher, LinkingOptions.agency("BHXH"), ProgressListener.NONE);
            System.out.println(real.report());
            cpu("real run", cpu);
            long realPeak = peakHeap();

            System.out.printf(Locale.ROOT, "heap: index live %.0f MB, peak during dry run %.0f MB, peak during real run %.0f MB, max %.0f MB%n",
                    indexHeap / 1e6, dryPeak / 1e6, realPeak / 1e6, Runtime.getRuntime().maxMemory() / 1e6);
            System.out.printf(Locale.ROOT, "RESULT rows=%d dry=%.0f/s real=%.0f/s indexMB=%.0f peakMB=%.0f%n", rows,
                    dry.accountsPerSecond(), real.accountsPerSecond(), indexHeap / 1e6, Math.max(dryPeak, realPeak) / 1e6);
            assertThat(real.accountsSeen()).isEqualTo(rows);
            assertThat(real.errors()).isZero();
        } finally {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    /**
     * Writes the people and accounts with plain JDBC batches, column for column as the repositories store them
     * (the same entities compute the normalised columns and hashes): the import's own speed is measured elsewhere,
     * and here it would only make the setup of a million rows take longer than the run.
     */
    private static void bulkLoad(PortalDatabase database, int rows) {
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection connection = database.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement person = connection.prepareStatement("INSERT INTO population_record (personal_id, old_id_number,"
                    + " full_name, name_key, birth_date, gender, phone, content_hash, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
                    PreparedStatement account = connection.prepareStatement("INSERT INTO legacy_account (id, agency_code, account_id,"
                    + " username, raw_full_name, full_name, name_key, birth_date, gender, raw_id_number, id_number_kind, id_number,"
                    + " raw_phone, phone, email, password_hash, created_at, last_login_at, status, content_hash, imported_at,"
                    + " source_file, source_line) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int n = 0; n < rows; n++) {
                    PopulationRecord p = SyntheticPeople.person(n);
                    person.setString(1, p.personalId().value());
                    person.setString(2, p.oldIdNumber().map(o -> o.value()).orElse(null));
                    person.setString(3, p.fullName().display());
                    person.setString(4, p.nameKey());
                    person.setObject(5, p.birthDate());
                    person.setString(6, p.gender().name());
                    person.setString(7, p.phone().map(x -> x.value()).orElse(null));
                    person.setString(8, p.contentHash());
                    person.setTimestamp(9, now);
                    person.addBatch();
                    LegacyAccount a = SyntheticPeople.builder("BHXH", n).build();
                    account.setLong(1, n + 1L);
                    account.setString(2, a.agencyCode());
                    account.setString(3, a.accountId());
                    account.setString(4, a.username().orElse(null));
                    account.setString(5, a.rawFullName().orElse(null));
                    account.setString(6, a.fullName().map(x -> x.display()).orElse(null));
                    account.setString(7, a.nameKey().orElse(null));
                    account.setObject(8, a.birthDate().orElse(null));
                    account.setString(9, a.gender().map(Enum::name).orElse(null));
                    account.setString(10, a.idNumber().raw().orElse(null));
                    account.setString(11, a.idNumberKind().name());
                    account.setString(12, a.idNumber().normalised().orElse(null));
                    account.setString(13, a.rawPhone().orElse(null));
                    account.setString(14, a.phone().map(x -> x.value()).orElse(null));
                    account.setString(15, a.email().orElse(null));
                    account.setString(16, a.passwordHash().orElse(null));
                    account.setTimestamp(17, Timestamp.from(a.createdAt().orElseThrow()));
                    account.setTimestamp(18, Timestamp.from(a.lastLoginAt().orElseThrow()));
                    account.setString(19, a.status().name());
                    account.setString(20, a.contentHash());
                    account.setTimestamp(21, now);
                    account.setString(22, a.sourceFile().orElse(null));
                    account.setInt(23, a.sourceLine().orElse(0));
                    account.addBatch();
                    if (n % BATCH == BATCH - 1 || n == rows - 1) {
                        person.executeBatch();
                        account.executeBatch();
                        connection.commit();
                    }
                }
            }
            try (PreparedStatement sequence = connection.prepareStatement("ALTER SEQUENCE legacy_account_seq RESTART WITH "
                    + ((rows / 50 + 2) * 50L))) {
                sequence.execute();
            }
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("bulk load failed", e);
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static void cpu(String what, long startedCpuNanos) {
        System.out.printf(Locale.ROOT, "%-32s %.1f s CPU (all threads of this JVM, embedded H2 included)%n", what,
                (processCpuNanos() - startedCpuNanos) / 1e9);
    }

    private static void print(String what, int rows, long startedNanos) {
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        System.out.printf(Locale.ROOT, "%-32s %,d rows in %.1f s (%.0f rows/s)%n", what, rows, seconds, rows / seconds);
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    private static long usedHeap() {
        return Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
    }
}
