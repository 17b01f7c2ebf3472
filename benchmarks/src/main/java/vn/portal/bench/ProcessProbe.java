package vn.portal.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads another local process: CPU time from {@code /proc/<pid>/stat} (Linux), resident memory from
 * {@code /proc/<pid>/status}, and a JVM's heap through {@code jcmd} (same user as the target JVM).
 */
final class ProcessProbe {

    /** USER_HZ: Linux reports utime/stime in these ticks; 100 on every mainstream kernel build. */
    private static final double TICKS_PER_SECOND = 100.0;
    private static final Pattern HEAP = Pattern.compile("total (\\d+)K, used (\\d+)K");

    private ProcessProbe() {
    }

    /** User plus system CPU seconds the process has used so far, or empty when it cannot be read. */
    static Optional<Double> cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII);
            // Fields after the parenthesised command name (which may contain spaces): state is field 3, utime 14, stime 15.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Optional.of((Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Resident set size in MiB. */
    static OptionalLong residentMiB(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"), StandardCharsets.US_ASCII)) {
                if (line.startsWith("VmRSS:")) {
                    return OptionalLong.of(Long.parseLong(line.replaceAll("\\D", "")) / 1024);
                }
            }
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
        return OptionalLong.empty();
    }

    /** The heap summary line of {@code jcmd <pid> GC.heap_info}, e.g. "used 231 MiB of 512 MiB committed". */
    static String heapSummary(long pid) {
        String output = jcmd(pid, "GC.heap_info");
        Matcher m = HEAP.matcher(output);
        if (!m.find()) {
            return "unreadable (jcmd said: " + output.strip().lines().findFirst().orElse("nothing") + ")";
        }
        return "used " + Long.parseLong(m.group(2)) / 1024 + " MiB of " + Long.parseLong(m.group(1)) / 1024 + " MiB committed";
    }

    /** Asks the JVM for a full collection, so the next heap figure is the live set rather than garbage. */
    static void fullGc(long pid) {
        jcmd(pid, "GC.run");
    }

    private static String jcmd(long pid, String command) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process process = new ProcessBuilder(List.of(Files.isExecutable(jcmd) ? jcmd.toString() : "jcmd",
                    Long.toString(pid), command)).redirectErrorStream(true).start();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return "jcmd did not answer within 60 s";
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "jcmd failed: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
