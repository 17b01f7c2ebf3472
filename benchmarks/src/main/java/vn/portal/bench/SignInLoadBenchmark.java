package vn.portal.bench;

import org.HdrHistogram.Histogram;

import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Complete VNeID sign-ins per second against a portal and provider on loopback (see {@link SignInJourney} for
 * one sign-in). A fixed pool of threads runs a closed loop: a warm-up whose results are discarded, then the
 * measured phase, bounded by {@code --duration} or {@code --signins} and always by {@link BenchmarkOptions#HARD_LIMIT}.
 * Latency is the whole sign-in (five HTTP exchanges, as a browser would make them), recorded in HdrHistogram.
 */
public final class SignInLoadBenchmark {

    private static final long HIGHEST_TRACKABLE_MICROS = TimeUnit.MINUTES.toMicros(5);
    private static final int EXAMPLES_KEPT = 5;
    /** When this many sign-ins in a row have failed and none succeeded, the setup is broken: stop hammering it. */
    private static final long GIVE_UP_AFTER_FAILURES = 500;

    private final BenchmarkOptions options;
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> examples = new ConcurrentLinkedQueue<>();
    private final AtomicLong ticketsLeft;
    private final AtomicInteger picks = new AtomicInteger();
    private final AtomicLong succeededEver = new AtomicLong();
    private final AtomicLong failedEver = new AtomicLong();
    private volatile boolean gaveUp;

    private volatile long measureFrom;
    private volatile long measureUntil;

    private SignInLoadBenchmark(BenchmarkOptions options) {
        this.options = options;
        this.ticketsLeft = new AtomicLong(options.signIns().orElse(Long.MAX_VALUE));
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            out.print(BenchmarkOptions.USAGE);
            return;
        }
        BenchmarkOptions options;
        try {
            options = BenchmarkOptions.parse(args);
        } catch (BenchmarkOptionException e) {
            System.err.println("sign-in benchmark: " + e.getMessage());
            System.err.print(BenchmarkOptions.USAGE);
            System.exit(2);
            return;
        }
        boolean clean = new SignInLoadBenchmark(options).run(out);
        System.exit(clean ? 0 : 1);
    }

    /** Runs the benchmark and prints the report; false when any measured sign-in failed. */
    boolean run(PrintStream out) throws InterruptedException {
        out.printf(Locale.ROOT, "Sign-in load benchmark: %s, %d threads, warm-up %d s, %s%n", options.portal(),
                options.threads(), options.warmup().toSeconds(), options.signIns().isPresent()
                        ? options.signIns().getAsLong() + " measured sign-ins"
                        : options.duration().toSeconds() + " s measured");
        long now = System.nanoTime();
        long hardStop = now + BenchmarkOptions.HARD_LIMIT.toNanos();
        measureFrom = now + options.warmup().toNanos();
        measureUntil = options.signIns().isPresent() ? hardStop : Math.min(hardStop, measureFrom + options.duration().toNanos());

        ExecutorService pool = Executors.newFixedThreadPool(options.threads(), r -> {
            Thread t = new Thread(r, "sign-in-driver");
            t.setDaemon(true);
            return t;
        });
        List<Future<Worker>> futures = new ArrayList<>();
        for (int i = 0; i < options.threads(); i++) {
            futures.add(pool.submit(new Worker()::loop));
        }
        Optional<Double> portalCpuStart = Optional.empty();
        Optional<Double> sandboxCpuStart = Optional.empty();
        double driverCpuStart = 0;
        long waitForMeasure = measureFrom - System.nanoTime();
        if (waitForMeasure > 0) {
            TimeUnit.NANOSECONDS.sleep(waitForMeasure);
        }
        portalCpuStart = cpu(options.portalPid());
        sandboxCpuStart = cpu(options.sandboxPid());
        driverCpuStart = ProcessProbe.cpuSeconds(ProcessHandle.current().pid()).orElse(0.0);

        Histogram total = newHistogram();
        Histogram[] steps = new Histogram[SignInStep.values().length];
        for (int i = 0; i < steps.length; i++) {
            steps[i] = newHistogram();
        }
        long lastEnd = measureFrom;
        long warmupSignIns = 0;
        try {
            for (Future<Worker> future : futures) {
                Worker worker = future.get();
                total.add(worker.total);
                for (int i = 0; i < steps.length; i++) {
                    steps[i].add(worker.steps[i]);
                }
                lastEnd = Math.max(lastEnd, worker.lastEnd);
                warmupSignIns += worker.warmupSignIns;
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("a driver thread crashed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        double elapsedSeconds = (lastEnd - measureFrom) / 1e9;
        double driverCpu = ProcessProbe.cpuSeconds(ProcessHandle.current().pid()).orElse(0.0) - driverCpuStart;
        Optional<Double> portalCpu = delta(cpu(options.portalPid()), portalCpuStart);
        Optional<Double> sandboxCpu = delta(cpu(options.sandboxPid()), sandboxCpuStart);

        long failed = errors.values().stream().mapToLong(LongAdder::sum).sum();
        if (gaveUp) {
            out.println("GAVE UP: the first " + failedEver.get() + " sign-ins all failed; is the portal (or its provider) working?");
            examples.forEach(e -> out.println("  " + e));
            return false;
        }
        long succeeded = total.getTotalCount();
        out.println();
        out.printf(Locale.ROOT, "warm-up sign-ins (discarded)  %d%n", warmupSignIns);
        out.printf(Locale.ROOT, "measured for                  %.1f s%n", elapsedSeconds);
        out.printf(Locale.ROOT, "complete sign-ins             %d ok, %d failed%n", succeeded, failed);
        out.printf(Locale.ROOT, "throughput                    %.1f sign-ins/s%n", succeeded / Math.max(elapsedSeconds, 1e-9));
        out.printf(Locale.ROOT, "latency of a whole sign-in    p50 %s  p95 %s  p99 %s  max %s%n",
                ms(total, 50), ms(total, 95), ms(total, 99), ms(total.getMaxValue()));
        out.println("latency by step (successful sign-ins):");
        for (SignInStep step : SignInStep.values()) {
            Histogram h = steps[step.ordinal()];
            out.printf(Locale.ROOT, "  %-36s mean %s  p50 %s  p99 %s%n", step.label,
                    String.format(Locale.ROOT, "%.1f ms", h.getMean() / 1000.0), ms(h, 50), ms(h, 99));
        }
        if (failed > 0) {
            out.println("errors by kind:");
            new TreeMap<>(errors).forEach((kind, count) -> out.printf(Locale.ROOT, "  %-50s %d%n", kind, count.sum()));
            out.println("first errors:");
            examples.forEach(e -> out.println("  " + e));
        }
        out.println("CPU used while measuring (2 cores = 2 CPU-seconds per second):");
        out.printf(Locale.ROOT, "  %-10s %s%n", "portal", cpuLine(portalCpu, succeeded, elapsedSeconds));
        out.printf(Locale.ROOT, "  %-10s %s%n", "sandbox", cpuLine(sandboxCpu, succeeded, elapsedSeconds));
        out.printf(Locale.ROOT, "  %-10s %s%n", "driver", cpuLine(Optional.of(driverCpu), succeeded, elapsedSeconds));
        options.portalPid().ifPresent(pid -> {
            out.println("portal heap after the run    " + ProcessProbe.heapSummary(pid));
            ProcessProbe.fullGc(pid);
            out.println("portal heap after a full GC  " + ProcessProbe.heapSummary(pid));
            ProcessProbe.residentMiB(pid).ifPresent(rss -> out.println("portal resident memory       " + rss + " MiB"));
        });
        return failed == 0;
    }

    /** One driver thread: its own HTTP client (connection pool), histograms and counters, merged at the end. */
    private final class Worker {
        final Histogram total = newHistogram();
        final Histogram[] steps = new Histogram[SignInStep.values().length];
        long lastEnd;
        long warmupSignIns;

        Worker() {
            for (int i = 0; i < steps.length; i++) {
                steps[i] = newHistogram();
            }
        }

        Worker loop() throws InterruptedException {
            HttpClient http = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(options.timeout())
                    .build();
            while (!Thread.currentThread().isInterrupted() && !gaveUp) {
                long start = System.nanoTime();
                if (start >= measureUntil) {
                    break;
                }
                boolean measured = start >= measureFrom;
                if (measured && ticketsLeft.getAndDecrement() <= 0) {
                    break;
                }
                // A fresh browser every time: new cookie jar, so a new portal session and a new provider session.
                SignInJourney journey = new SignInJourney(http, options.portal(), options.timeout());
                try {
                    long[] stepNanos = journey.run(picks.getAndIncrement());
                    long end = System.nanoTime();
                    succeededEver.incrementAndGet();
                    if (measured) {
                        total.recordValue(Math.min(HIGHEST_TRACKABLE_MICROS, (end - start) / 1000));
                        for (int i = 0; i < steps.length; i++) {
                            steps[i].recordValue(Math.min(HIGHEST_TRACKABLE_MICROS, stepNanos[i] / 1000));
                        }
                        lastEnd = Math.max(lastEnd, end);
                    } else {
                        warmupSignIns++;
                    }
                } catch (SignInFailure failure) {
                    if (failedEver.incrementAndGet() >= GIVE_UP_AFTER_FAILURES && succeededEver.get() == 0) {
                        gaveUp = true;
                    }
                    if (!measured && examples.isEmpty()) {
                        examples.add("(warm-up) " + failure.getMessage());
                    }
                    if (measured) {
                        errors.computeIfAbsent(failure.kind(), k -> new LongAdder()).increment();
                        lastEnd = Math.max(lastEnd, System.nanoTime());
                        if (examples.size() < EXAMPLES_KEPT) {
                            examples.add(failure.getMessage());
                        }
                    }
                }
            }
            return this;
        }
    }

    private static Histogram newHistogram() {
        return new Histogram(HIGHEST_TRACKABLE_MICROS, 3);
    }

    private static String ms(Histogram h, double percentile) {
        return ms(h.getValueAtPercentile(percentile));
    }

    private static String ms(long micros) {
        return String.format(Locale.ROOT, "%.1f ms", micros / 1000.0);
    }

    private static Optional<Double> cpu(OptionalLong pid) {
        return pid.isPresent() ? ProcessProbe.cpuSeconds(pid.getAsLong()) : Optional.empty();
    }

    private static Optional<Double> delta(Optional<Double> end, Optional<Double> start) {
        return end.isPresent() && start.isPresent() ? Optional.of(end.get() - start.get()) : Optional.empty();
    }

    private static String cpuLine(Optional<Double> seconds, long signIns, double elapsed) {
        if (seconds.isEmpty()) {
            return "n/a (give its pid)";
        }
        double s = seconds.get();
        return String.format(Locale.ROOT, "%.1f CPU-s = %.2f cores, %.2f CPU-ms per sign-in", s, s / Math.max(elapsed, 1e-9),
                signIns == 0 ? 0.0 : s * 1000 / signIns);
    }
}
