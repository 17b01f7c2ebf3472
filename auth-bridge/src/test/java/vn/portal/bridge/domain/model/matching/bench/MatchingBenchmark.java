package vn.portal.bridge.domain.model.matching.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import vn.portal.bridge.domain.model.matching.AccountRecord;
import vn.portal.bridge.domain.model.matching.BlockingReport;
import vn.portal.bridge.domain.model.matching.Matcher;
import vn.portal.bridge.domain.model.matching.MatchingModel;
import vn.portal.bridge.domain.model.matching.PersonRecord;
import vn.portal.bridge.domain.model.matching.RegisterIndex;

/**
 * Links a million synthetic legacy accounts against a million-person synthetic register and prints the
 * time, accounts per second, heap, the blocking report and the quality against the generator's truth.
 * A plain main so it runs without a harness:
 *
 * <pre>
 * cd /work/main &amp;&amp; mvn -q -B -o -pl auth-bridge -Dbridge.build.directory=/tmp/match-target test-compile
 * java -Xmx6g -cp /tmp/match-target/classes:/tmp/match-target/test-classes \
 *      vn.portal.bridge.domain.model.matching.bench.MatchingBenchmark [people] [accounts] [threads] [seed]
 * </pre>
 *
 * Generating and parsing the synthetic data (value objects, name normalisation) is timed apart from indexing
 * and linking, which is what the goal of "a million accounts in under 60 seconds" is about.
 */
public final class MatchingBenchmark {

    private MatchingBenchmark() {
    }

    public static void main(String[] args) throws InterruptedException {
        int peopleCount = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int accountCount = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : Runtime.getRuntime().availableProcessors();
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 20240701L;
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();

        System.out.printf(Locale.ROOT, "java %s, %d processors, max heap %d MiB; %d people, %d accounts, %d threads, seed %d%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, peopleCount, accountCount, threads, seed);

        long t0 = System.nanoTime();
        SyntheticPopulation population = new SyntheticPopulation(seed);
        List<SyntheticPopulation.Person> people = population.people(peopleCount);
        List<PersonRecord> records = new ArrayList<>(people.size());
        for (SyntheticPopulation.Person person : people) {
            records.add(person.toRecord());
        }
        AccountRecord[] accounts = new AccountRecord[accountCount];
        String[] truth = new String[accountCount];
        int[] ownerOrder = new int[people.size()];
        for (int i = 0; i < ownerOrder.length; i++) {
            ownerOrder[i] = i;
        }
        java.util.Random shuffle = new java.util.Random(seed + 1);
        for (int i = ownerOrder.length - 1; i > 0; i--) {
            int j = shuffle.nextInt(i + 1);
            int t = ownerOrder[i];
            ownerOrder[i] = ownerOrder[j];
            ownerOrder[j] = t;
        }
        int owners = 0;
        for (int i = 0; i < accountCount; i++) {
            double roll = shuffle.nextDouble();
            SyntheticPopulation.Account account;
            if (roll < 0.03 || owners >= ownerOrder.length) {
                account = population.absentPersonAccount();
            } else if (roll < 0.035) {
                account = population.foreignerAccount();
            } else if (roll < 0.04) {
                account = population.testAccount();
            } else {
                account = population.accountFor(people.get(ownerOrder[owners++]));
            }
            accounts[i] = account.toRecord();
            truth[i] = account.truePersonalId();
        }
        people = null;
        long t1 = System.nanoTime();
        System.out.printf(Locale.ROOT, "generated and parsed the data in %.1f s%n", (t1 - t0) / 1e9);

        System.gc();
        long heapBeforeIndex = memory.getHeapMemoryUsage().getUsed();
        long t2 = System.nanoTime();
        long c2 = cpu.getCurrentThreadCpuTime();
        RegisterIndex index = RegisterIndex.of(records, records.size());
        long t3 = System.nanoTime();
        long indexCpu = cpu.getCurrentThreadCpuTime() - c2;
        records = null;
        System.gc();
        long heapWithIndex = memory.getHeapMemoryUsage().getUsed();
        System.out.printf(Locale.ROOT, "indexed %d people in %.2f s wall, %.2f s CPU; heap %d MiB with accounts and index "
                        + "(the index maps about %d MiB)%n", index.size(), (t3 - t2) / 1e9, indexCpu / 1e9,
                heapWithIndex >> 20, Math.max(0, heapWithIndex - heapBeforeIndex) >> 20);

        MatchingModel model = MatchingModel.loadDefault();
        Matcher matcher = new Matcher(index, model);

        long t4 = System.nanoTime();
        BlockingReport report = index.countCandidatePairs(Arrays.asList(accounts), model.blockingRules(), model.maxBucketSize());
        long t5 = System.nanoTime();
        System.out.printf(Locale.ROOT, "blocking report in %.2f s:%n%s", (t5 - t4) / 1e9, report.render());

        // warm-up so the JIT has compiled the matcher before the clock runs
        LinkageTally warmUp = new LinkageTally();
        for (int i = 0; i < Math.min(50_000, accountCount); i++) {
            warmUp.record(matcher.decide(accounts[i]), truth[i]);
        }

        AtomicInteger next = new AtomicInteger();
        LinkageTally[] tallies = new LinkageTally[threads];
        long[] cpuNanos = new long[threads];
        Thread[] workers = new Thread[threads];
        long peakHeap = 0;
        long processCpuBefore = processCpuNanos();
        long t6 = System.nanoTime();
        for (int w = 0; w < threads; w++) {
            LinkageTally tally = new LinkageTally();
            tallies[w] = tally;
            int worker = w;
            workers[w] = new Thread(() -> {
                long start = cpu.getCurrentThreadCpuTime();
                int block;
                while ((block = next.getAndAdd(4096)) < accountCount) {
                    int end = Math.min(accountCount, block + 4096);
                    for (int i = block; i < end; i++) {
                        tally.record(matcher.decide(accounts[i]), truth[i]);
                    }
                }
                cpuNanos[worker] = cpu.getCurrentThreadCpuTime() - start;
            }, "matcher-" + w);
            workers[w].start();
        }
        for (Thread worker : workers) {
            while (worker.isAlive()) {
                worker.join(200);
                peakHeap = Math.max(peakHeap, memory.getHeapMemoryUsage().getUsed());
            }
        }
        long t7 = System.nanoTime();
        long processCpu = processCpuNanos() - processCpuBefore;
        LinkageTally total = new LinkageTally();
        for (LinkageTally tally : tallies) {
            total.add(tally);
        }
        double seconds = (t7 - t6) / 1e9;
        System.out.printf(Locale.ROOT, "linked %d accounts in %.2f s with %d threads: %.0f accounts/s "
                        + "(index build plus linking %.2f s); heap peak during linking %d MiB%n",
                accountCount, seconds, threads, accountCount / seconds, seconds + (t3 - t2) / 1e9, peakHeap >> 20);
        long linkCpu = Arrays.stream(cpuNanos).sum();
        // On a shared machine the wall clock measures the neighbours too; CPU time measures the matcher.
        System.out.printf(Locale.ROOT, "matcher CPU time %.2f s (%.1f microseconds per account): on %d dedicated cores "
                        + "linking would take %.2f s (%.0f accounts/s), index build plus linking %.2f s%n",
                linkCpu / 1e9, linkCpu / 1e3 / accountCount, threads, linkCpu / 1e9 / threads,
                accountCount / (linkCpu / 1e9 / threads), linkCpu / 1e9 / threads + indexCpu / 1e9);
        System.out.printf(Locale.ROOT, "process CPU time while linking (matcher threads, garbage collector, JIT) %.2f s: "
                + "%.2f s on %d dedicated cores%n", processCpu / 1e9, processCpu / 1e9 / threads, threads);
        System.out.printf(Locale.ROOT, "system load average during the run: %.1f%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.print(total.render());

        // Every link and review item stores its evidence: measure rendering it too, separately.
        long jsonCpuBefore = processCpuNanos();
        long jsonStart = System.nanoTime();
        long characters = 0;
        Thread[] renderers = new Thread[threads];
        long[] lengths = new long[threads];
        AtomicInteger nextJson = new AtomicInteger();
        for (int w = 0; w < threads; w++) {
            int worker = w;
            renderers[w] = new Thread(() -> {
                int block;
                while ((block = nextJson.getAndAdd(4096)) < accountCount) {
                    int end = Math.min(accountCount, block + 4096);
                    for (int i = block; i < end; i++) {
                        lengths[worker] += matcher.decide(accounts[i]).evidence().toJson().length();
                    }
                }
            });
            renderers[w].start();
        }
        for (Thread renderer : renderers) {
            renderer.join();
        }
        for (long length : lengths) {
            characters += length;
        }
        long jsonCpu = processCpuNanos() - jsonCpuBefore;
        System.out.printf(Locale.ROOT, "decide plus evidence JSON for every account: %.2f s wall, process CPU %.2f s "
                        + "(%.2f s on %d dedicated cores), average JSON %d characters%n",
                (System.nanoTime() - jsonStart) / 1e9, jsonCpu / 1e9, jsonCpu / 1e9 / threads, threads,
                characters / accountCount);
    }

    private static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean hotspot) {
            return hotspot.getProcessCpuTime();
        }
        return 0L;
    }
}
