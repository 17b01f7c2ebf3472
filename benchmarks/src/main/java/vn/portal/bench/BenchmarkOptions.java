package vn.portal.bench;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * What one benchmark run does, validated on construction.
 *
 * @param portal     the portal's base URL (loopback only)
 * @param threads    concurrent sign-ins (closed loop: each thread starts its next sign-in when one ends)
 * @param duration   how long to measure, when {@code signIns} is empty
 * @param signIns    measure exactly this many sign-ins instead of a duration
 * @param warmup     sign-ins before measuring, discarded (JIT, pools, caches)
 * @param timeout    per HTTP request
 * @param portalPid  the portal's JVM, for CPU and heap figures (or empty)
 * @param sandboxPid the provider's process, for CPU figures (or empty)
 */
public record BenchmarkOptions(URI portal, int threads, Duration duration, OptionalLong signIns, Duration warmup,
                               Duration timeout, OptionalLong portalPid, OptionalLong sandboxPid) {

    /** However the run is configured, it stops by itself after this long. */
    public static final Duration HARD_LIMIT = Duration.ofMinutes(15);

    public BenchmarkOptions {
        portal = loopbackBase(portal);
        if (threads < 1 || threads > 256) {
            throw new BenchmarkOptionException("--threads", "must be between 1 and 256, was " + threads);
        }
        if (duration.isNegative() || duration.isZero() || duration.compareTo(HARD_LIMIT) > 0) {
            throw new BenchmarkOptionException("--duration", "must be between 1 s and " + HARD_LIMIT.toMinutes() + " min");
        }
        if (signIns.isPresent() && (signIns.getAsLong() < 1 || signIns.getAsLong() > 10_000_000)) {
            throw new BenchmarkOptionException("--signins", "must be between 1 and 10000000");
        }
        if (warmup.isNegative() || warmup.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new BenchmarkOptionException("--warmup", "must be between 0 and 300 s");
        }
        if (timeout.toMillis() < 100 || timeout.toMillis() > 120_000) {
            throw new BenchmarkOptionException("--timeout-ms", "must be between 100 and 120000");
        }
    }

    static final String USAGE = """
            Usage: SignInLoadBenchmark [options]
              --portal URL        portal base URL on loopback (default http://localhost:8080)
              --threads N         concurrent sign-ins, closed loop (default 16)
              --duration S        seconds to measure (default 30)
              --signins N         measure exactly N sign-ins instead of a duration
              --warmup S          seconds of discarded sign-ins first (default 10)
              --timeout-ms MS     per-request timeout (default 10000)
              --portal-pid PID    the portal's JVM: CPU used and heap after the run (jcmd GC.heap_info)
              --sandbox-pid PID   the provider's process: CPU used
            """;

    /** Parses {@code --name value} pairs. */
    public static BenchmarkOptions parse(String[] args) {
        URI portal = URI.create("http://localhost:8080");
        int threads = 16;
        Duration duration = Duration.ofSeconds(30);
        OptionalLong signIns = OptionalLong.empty();
        Duration warmup = Duration.ofSeconds(10);
        Duration timeout = Duration.ofSeconds(10);
        OptionalLong portalPid = OptionalLong.empty();
        OptionalLong sandboxPid = OptionalLong.empty();
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (i + 1 >= args.length) {
                throw new BenchmarkOptionException(option, "needs a value (see --help)");
            }
            String value = args[++i];
            switch (option) {
                case "--portal" -> portal = parseUri(option, value);
                case "--threads" -> threads = (int) number(option, value);
                case "--duration" -> duration = Duration.ofSeconds(number(option, value));
                case "--signins" -> signIns = OptionalLong.of(number(option, value));
                case "--warmup" -> warmup = Duration.ofSeconds(number(option, value));
                case "--timeout-ms" -> timeout = Duration.ofMillis(number(option, value));
                case "--portal-pid" -> portalPid = OptionalLong.of(number(option, value));
                case "--sandbox-pid" -> sandboxPid = OptionalLong.of(number(option, value));
                default -> throw new BenchmarkOptionException(option, "unknown option (see --help)");
            }
        }
        return new BenchmarkOptions(portal, threads, duration, signIns, warmup, timeout, portalPid, sandboxPid);
    }

    private static long number(String option, String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new BenchmarkOptionException(option, "'" + value + "' is not a whole number");
        }
    }

    private static URI parseUri(String option, String value) {
        try {
            return URI.create(value.trim());
        } catch (IllegalArgumentException e) {
            throw new BenchmarkOptionException(option, "'" + value + "' is not a URL");
        }
    }

    private static URI loopbackBase(URI uri) {
        if (uri == null || (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new BenchmarkOptionException("--portal", "must be an http(s) URL with a host, was " + uri);
        }
        if (!isLoopback(uri.getHost())) {
            // A load generator pointed at a shared server is an attack, whatever the intent.
            throw new BenchmarkOptionException("--portal", "must be on loopback (localhost or 127.0.0.1), was " + uri.getHost());
        }
        String text = uri.toString();
        return URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    }

    /** Whether a host name resolves to this machine's loopback interface only. */
    static boolean isLoopback(String host) {
        try {
            for (InetAddress address : InetAddress.getAllByName(host.replace("[", "").replace("]", ""))) {
                if (!address.isLoopbackAddress()) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
