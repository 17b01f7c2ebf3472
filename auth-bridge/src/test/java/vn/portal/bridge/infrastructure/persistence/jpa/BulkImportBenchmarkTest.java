package vn.portal.bridge.infrastructure.persistence.jpa;

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
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import vn.portal.bridge.domain.model.legacy.AccountSelection;
import vn.portal.bridge.domain.model.legacy.LegacyAccount;
import vn.portal.bridge.domain.model.legacy.LegacyAccountRepository;
import vn.portal.bridge.domain.model.legacy.UpsertCounts;
import vn.portal.bridge.domain.model.population.PopulationRecord;
import vn.portal.bridge.domain.model.population.PopulationRecordRepository;
import vn.portal.bridge.infrastructure.persistence.BridgeServices;
import vn.portal.bridge.infrastructure.persistence.DatabaseSettings;
import vn.portal.bridge.infrastructure.persistence.PortalDatabase;

/**
 * Imports N people and N legacy accounts into an H2 file database shaped like the portal's default, imports
 * the accounts again (all unchanged), then streams both tables back; prints rows per second (wall clock and
 * CPU time of the importing thread, which also runs embedded H2) and the peak heap. Opt-in because it is a
 * measurement, not a check: {@code mvn -pl auth-bridge test -Dtest=BulkImportBenchmarkTest -Dbridge.bulk.rows=100000},
 * or with a chosen heap through {@link #main}:
 * {@code java -Xmx128m -cp auth-bridge/target/test-classes:auth-bridge/target/classes:<test classpath>
 * vn.portal.bridge.infrastructure.persistence.jpa.BulkImportBenchmarkTest 1000000}.
 * It asserts only that every row arrived and came back.
 */
@EnabledIfSystemProperty(named = "bridge.bulk.rows", matches = "\\d+")
class BulkImportBenchmarkTest {

    private static final int BATCH = 1000;

    public static void main(String[] args) throws IOException {
        System.setProperty("bridge.bulk.rows", args.length > 0 ? args[0] : "1000000");
        new BulkImportBenchmarkTest().importsAndStreamsBackEveryRowInBoundedMemory();
    }

    @Test
    void importsAndStreamsBackEveryRowInBoundedMemory() throws IOException {
        int rows = Integer.parseInt(System.getProperty("bridge.bulk.rows"));
        Path directory = Files.createTempDirectory("bulk-import");
        DatabaseSettings settings = DatabaseSettings.defaults()
                .withUrl("jdbc:h2:file:" + directory.resolve("portal") + ";MODE=Oracle;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000");
        try (PortalDatabase database = PortalDatabase.open(settings, true)) {
            BridgeServices services = new BridgeServices(database.entityManagerFactory(), Clock.systemUTC());
            PopulationRecordRepository people = services.populationRecords();
            LegacyAccountRepository accounts = services.legacyAccounts();

            long[] start = now();
            List<PopulationRecord> personBatch = new ArrayList<>(BATCH);
            UpsertCounts personCounts = UpsertCounts.NONE;
            for (int n = 0; n < rows; n++) {
                personBatch.add(People.person(n));
                if (personBatch.size() == BATCH || n == rows - 1) {
                    personCounts = personCounts.plus(people.upsert(personBatch));
                    personBatch.clear();
                }
            }
            report("population upsert", rows, start);

            start = now();
            UpsertCounts first = importAccounts(accounts, rows);
            report("accounts upsert (new)", rows, start);

            start = now();
            UpsertCounts again = importAccounts(accounts, rows);
            report("accounts upsert (unchanged)", rows, start);

            start = now();
            AtomicLong seen = new AtomicLong();
            long streamed = accounts.forEach(AccountSelection.all().undecided(), a -> seen.incrementAndGet());
            report("accounts stream (undecided)", streamed, start);

            start = now();
            long streamedPeople = people.forEach(p -> seen.incrementAndGet());
            report("population stream", streamedPeople, start);

            System.out.printf("BULK peak heap used %d MiB, max heap %d MiB%n", peakHeapMiB(),
                    Runtime.getRuntime().maxMemory() / (1024 * 1024));
            assertThat(personCounts.inserted()).isEqualTo(rows);
            assertThat(first.inserted()).isEqualTo(rows);
            assertThat(again.unchanged()).isEqualTo(rows);
            assertThat(streamed).isEqualTo(rows);
            assertThat(streamedPeople).isEqualTo(rows);
        } finally {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static UpsertCounts importAccounts(LegacyAccountRepository accounts, int rows) {
        List<LegacyAccount> batch = new ArrayList<>(BATCH);
        UpsertCounts counts = UpsertCounts.NONE;
        for (int n = 0; n < rows; n++) {
            batch.add(People.account(n % 2 == 0 ? "BHXH" : "BCA", n));
            if (batch.size() == BATCH || n == rows - 1) {
                counts = counts.plus(accounts.upsert(batch));
                batch.clear();
            }
        }
        return counts;
    }

    private static long[] now() {
        return new long[] {System.nanoTime(), ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime()};
    }

    private static void report(String what, long rows, long[] start) {
        long[] end = now();
        double seconds = (end[0] - start[0]) / 1e9;
        double cpu = (end[1] - start[1]) / 1e9;
        System.out.printf("BULK %-28s %,9d rows in %7.1f s = %,8.0f rows/s (thread CPU %6.1f s = %,8.0f rows/CPU-s)%n",
                what, rows, seconds, rows / seconds, cpu, rows / cpu);
    }

    private static long peakHeapMiB() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak / (1024 * 1024);
    }
}
