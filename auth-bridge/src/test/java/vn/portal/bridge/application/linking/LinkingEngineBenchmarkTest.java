package vn.portal.bridge.application.linking;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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
            List<PopulationRecord> people = new ArrayList<>(BATCH);
            List<LegacyAccount> accounts = new ArrayList<>(BATCH);
            for (int n = 0; n < rows; n++) {
                people.add(SyntheticPeople.person(n));
                accounts.add(SyntheticPeople.builder("BHXH", n).build());
                if (people.size() == BATCH || n == rows - 1) {
                    services.populationRecords().upsert(people);
                    services.legacyAccounts().upsert(accounts);
                    people.clear();
                    accounts.clear();
                }
            }
            print("import (setup, not measured)", rows, started);

            LinkingEngine engine = services.linkingEngine();
            resetPeaks();
            started = System.nanoTime();
            Matcher matcher = engine.loadMatcher();
            print("register index build", rows, started);
            System.gc();
            long indexHeap = usedHeap();

            resetPeaks();
            LinkingSummary dry = engine.run(matcher, LinkingOptions.agency("BHXH").dryRun(true), ProgressListener.NONE);
            System.out.println(dry.report());
            long dryPeak = peakHeap();

            resetPeaks();
            LinkingSummary real = engine.run(matcher, LinkingOptions.agency("BHXH"), ProgressListener.NONE);
            System.out.println(real.report());
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
