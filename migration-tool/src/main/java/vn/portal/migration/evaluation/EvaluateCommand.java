package vn.portal.migration.evaluation;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import vn.portal.bridge.domain.model.encoding.Detection;
import vn.portal.bridge.domain.model.matching.MatchingModel;
import vn.portal.migration.cli.MigrationTool;

/**
 * {@code evaluate}: generates a labelled evaluation set, writes it as agency files, reads them back, links
 * every account and prints precision and recall of automatic links and after review, the review share and the
 * confusion table by variation. Needs no database. Exit code 1 when any automatic link is false.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Đánh giá chất lượng liên kết trên bộ dữ liệu tổng hợp có nhãn (độ chính xác, độ bao phủ).",
                "Measures linking quality on a generated labelled set (precision, recall, review share)."})
public final class EvaluateCommand implements Callable<Integer> {

    @ParentCommand
    MigrationTool tool;

    @Spec
    CommandSpec spec;

    @Option(names = "--accounts", defaultValue = "100000",
            description = {"Số tài khoản cũ sinh ra (mặc định ${DEFAULT-VALUE}).", "Legacy accounts to generate."})
    int accounts;

    @Option(names = "--seed", defaultValue = "20261128",
            description = {"Hạt giống ngẫu nhiên (mặc định ${DEFAULT-VALUE}).", "Random seed (same seed, same set)."})
    long seed;

    @Option(names = "--out",
            description = {"Thư mục giữ lại các tệp sinh ra; mặc định thư mục tạm, xoá khi xong.",
                    "Directory to keep the generated files in; default a temporary one, deleted afterwards."})
    Path out;

    @Override
    public Integer call() throws IOException {
        if (accounts < 1) {
            throw new ParameterException(spec.commandLine(), "--accounts must be at least 1, got " + accounts);
        }
        PrintWriter print = tool == null ? spec.commandLine().getOut() : tool.out();
        Path directory = out != null ? out : Files.createTempDirectory("linking-evaluation");
        try {
            long t0 = System.nanoTime();
            long cpu0 = processCpuNanos();
            EvaluationSetGenerator.EvaluationSet set = new EvaluationSetGenerator(seed).generate(accounts);
            EvaluationFiles.write(set, directory);
            long generated = System.nanoTime() - t0;
            LinkingEvaluation.Run run = new LinkingEvaluation(MatchingModel.loadDefault()).run(directory);
            long cpu = processCpuNanos() - cpu0;
            print.printf(Locale.ROOT, "evaluation set: seed %d, %d accounts, register of %d people, files in %s%n",
                    seed, set.accounts().size(), run.registerSize(), out != null ? directory : "a temporary directory");
            for (Map.Entry<String, Detection> file : run.detectedEncodings().entrySet()) {
                print.printf(Locale.ROOT, "  %s read as %s (confidence %.2f)%n", file.getKey(),
                        file.getValue().encoding(), file.getValue().confidence());
            }
            print.print(run.report().render());
            print.printf(Locale.ROOT, "time: generate and write %.1f s, read and parse %.1f s, index %.1f s, decide %.1f s "
                            + "(%.0f accounts/s, one thread); process CPU %.1f s; load average %.1f%n",
                    generated / 1e9, run.readNanos() / 1e9, run.indexNanos() / 1e9, run.decideNanos() / 1e9,
                    set.accounts().size() / (run.decideNanos() / 1e9), cpu / 1e9,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            print.flush();
            return run.report().falseAutomaticLinks() == 0 ? MigrationTool.OK : MigrationTool.ROWS_REJECTED;
        } finally {
            if (out == null) {
                deleteTree(directory);
            }
        }
    }

    private static void deleteTree(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0L;
    }
}
