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
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
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
                .withUrl("jdbc:h2:file:" + directory.resolve("portal") + ";MODE=Oracle;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000"
                        + System.getProperty("bridge.link.urlOptions", ""));
        loadOrCopy(settings, directory, rows);
        try (PortalDatabase database = PortalDatabase.open(settings, true)) {
            BridgeServices services = new BridgeServices(database.entityManagerFactory(), Clock.systemUTC());
            if (System.getProperty("bridge.link.beforeRun") != null) {
                // e.g. "DROP INDEX identity_link_pid_ix", to measure what one index costs the run
                try (Connection connection = database.dataSource().getConnection();
                        Statement statement = connection.createStatement()) {
                    statement.execute(System.getProperty("bridge.link.beforeRun"));
                } catch (SQLException e) {
                    throw new IllegalStateException("bridge.link.beforeRun failed", e);
                }
            }

            LinkingEngine engine = services.linkingEngine();
            if (Boolean.getBoolean("bridge.link.whole")) {
                // what `migration-tool link` does: one call that loads the register and links, timed as a whole
                resetPeaks();
                long cpu = processCpuNanos();
                LinkingSummary whole = engine.run(LinkingOptions.agency("BHXH"), new ProgressListener() {
                    @Override
                    public void progress(long done, long total) {
                        // the summary says it all
                    }

                    @Override
                    public void registerLoaded(int people, Duration took) {
                        System.out.printf(Locale.ROOT, "register index of %,d people loaded after %.1f s%n", people,
                                took.toMillis() / 1000.0);
                    }
                });
                System.out.println(whole.report());
                cpu("register load and run", cpu);
                printCpuByThread();
                System.out.printf(Locale.ROOT, "RESULT rows=%d whole=%.1fs (%.0f/s, register load included) peakMB=%.0f%n", rows,
                        whole.elapsed().toMillis() / 1000.0, whole.accountsPerSecond(), peakHeap() / 1e6);
                assertThat(whole.accountsSeen()).isEqualTo(rows);
                assertThat(whole.errors()).isZero();
                return;
            }
            resetPeaks();
            long started = System.nanoTime();
            long cpu = processCpuNanos();
            Matcher matcher = engine.loadMatcher();
            print("register index build", rows, started);
            cpu("register index build", cpu);
            System.gc();
            long indexHeap = usedHeap();

            resetPeaks();
            cpu = processCpuNanos();
            // bridge.link.realOnly skips the dry run, so a profile of the process shows the real run alone
            LinkingSummary dry = Boolean.getBoolean("bridge.link.realOnly") ? null
                    : engine.run(matcher, LinkingOptions.agency("BHXH").dryRun(true), ProgressListener.NONE);
            if (dry != null) {
                System.out.println(dry.report());
            }
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
            printCpuByThread();
            long realPeak = peakHeap();

            System.out.printf(Locale.ROOT, "heap: index live %.0f MB, peak during dry run %.0f MB, peak during real run %.0f MB, max %.0f MB%n",
                    indexHeap / 1e6, dryPeak / 1e6, realPeak / 1e6, Runtime.getRuntime().maxMemory() / 1e6);
            System.out.printf(Locale.ROOT, "RESULT rows=%d dry=%.0f/s real=%.0f/s indexMB=%.0f peakMB=%.0f%n", rows,
                    dry == null ? 0 : dry.accountsPerSecond(), real.accountsPerSecond(), indexHeap / 1e6, Math.max(dryPeak, realPeak) / 1e6);
            assertThat(real.accountsSeen()).isEqualTo(rows);
            assertThat(real.errors()).isZero();
        } finally {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    /**
     * Fills the benchmark's database: copied from {@code bridge.link.template} (a directory) when an earlier run
     * left a copy there for the same number of rows, otherwise bulk loaded, and then saved there if the property
     * is set. A million people and accounts take minutes to load on this machine; the run itself is what is measured.
     */
    private static void loadOrCopy(DatabaseSettings settings, Path directory, int rows) throws IOException {
        String templateProperty = System.getProperty("bridge.link.template");
        Path template = templateProperty == null ? null : Path.of(templateProperty).resolve(rows + "-portal.mv.db");
        if (template != null && Files.exists(template)) {
            Files.copy(template, directory.resolve("portal.mv.db"));
            System.out.println("database copied from " + template + " (setup, not measured)");
            return;
        }
        try (PortalDatabase database = PortalDatabase.open(settings, true)) {
            long started = System.nanoTime();
            bulkLoad(database, rows);
            print("bulk load (setup, not measured)", rows, started);
            // Rewrites the file without the bulk load's dead pages; otherwise H2's background writer spends the
            // measured run compacting them, which a database at rest between an import and a linking run would not.
            try (Connection connection = database.dataSource().getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("SHUTDOWN COMPACT");
            } catch (SQLException e) {
                throw new IllegalStateException("could not compact the benchmark database", e);
            }
        } catch (RuntimeException e) {
            // closing the persistence unit after SHUTDOWN finds its connections gone; the file is complete
            System.out.println("(database closed by SHUTDOWN COMPACT: " + e.getClass().getSimpleName() + ")");
        }
        if (template != null) {
            Files.createDirectories(template.getParent());
            Files.copy(directory.resolve("portal.mv.db"), template);
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

    /**
     * CPU seconds per thread name since the JVM started (Linux only: read from /proc), so a run shows what the
     * database's own threads (H2's page serialization, its background writer), the JIT compilers and the garbage
     * collector cost besides the engine.
     */
    private static void printCpuByThread() throws IOException {
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return;
        }
        Map<String, Long> ticksByName = new TreeMap<>();
        try (Stream<Path> threads = Files.list(tasks)) {
            threads.forEach(thread -> {
                try {
                    String stat = Files.readString(thread.resolve("stat"));
                    // "pid (name) state ppid ..."; utime and stime are fields 14 and 15, in clock ticks
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("[0-9]+", "#");
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticksByName.merge(name, Long.parseLong(fields[11]) + Long.parseLong(fields[12]), Long::sum);
                } catch (IOException | RuntimeException e) {
                    // the thread ended while we looked
                }
            });
        }
        System.out.println("CPU by thread since the JVM started (setup included; 100 ticks per second assumed):");
        ticksByName.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue(), a.getValue())).limit(10)
                .forEach(e -> System.out.printf(Locale.ROOT, "  %-24s %7.1f s%n", e.getKey(), e.getValue() / 100.0));
        long live = ticksByName.values().stream().mapToLong(Long::longValue).sum();
        System.out.printf(Locale.ROOT, "  %-24s %7.1f s%n", "threads that ended", processCpuNanos() / 1e9 - live / 100.0);
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
