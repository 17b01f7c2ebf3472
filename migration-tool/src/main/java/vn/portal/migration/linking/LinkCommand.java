package vn.portal.migration.linking;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import vn.portal.bridge.application.linking.LinkingEngine;
import vn.portal.bridge.application.linking.LinkingOptions;
import vn.portal.bridge.application.linking.LinkingSummary;
import vn.portal.bridge.application.linking.ProgressListener;
import vn.portal.bridge.infrastructure.persistence.BridgeServices;
import vn.portal.bridge.infrastructure.persistence.PortalDatabase;
import vn.portal.migration.cli.MigrationTool;

/**
 * {@code link [--agency X] [--dry-run]}: runs the linking engine over the undecided legacy accounts and prints
 * its summary. Exit code 1 when some accounts could not be decided.
 */
@Command(name = "link", mixinStandardHelpOptions = true,
        description = {"Liên kết tài khoản cũ với định danh trong cơ sở dữ liệu dân cư và in bản tóm tắt.",
                "Links legacy accounts to people of the population register and prints a summary."})
public final class LinkCommand implements Callable<Integer> {

    /** Runs shorter than this many accounts finish in a moment; a bar would only flicker. */
    private static final long MIN_FOR_BAR = 20_000;

    @ParentCommand
    MigrationTool tool;

    @Option(names = "--agency", paramLabel = "CODE",
            description = {"Chỉ liên kết tài khoản của một cơ quan.", "Link only this agency's accounts."})
    String agency;

    @Option(names = "--dry-run",
            description = {"Tính và báo cáo, không ghi gì vào cơ sở dữ liệu.", "Decide and report, write nothing."})
    boolean dryRun;

    @Option(names = "--chunk-size", defaultValue = "1000", paramLabel = "N",
            description = {"Số tài khoản mỗi lô ghi (mặc định ${DEFAULT-VALUE}).", "Accounts per write batch."})
    int chunkSize;

    @Override
    public Integer call() {
        PrintWriter out = tool.out();
        try (PortalDatabase database = tool.openDatabase()) {
            LinkingEngine engine = new BridgeServices(database).linkingEngine();
            LinkingOptions options = (agency == null || agency.isBlank() ? LinkingOptions.all() : LinkingOptions.agency(agency.strip()))
                    .dryRun(dryRun).chunkSize(chunkSize);
            LinkingSummary summary;
            try (Bar bar = new Bar(out)) {
                summary = engine.run(options, bar);
            }
            out.print(summary.report());
            out.flush();
            return summary.errors() > 0 ? MigrationTool.ROWS_REJECTED : MigrationTool.OK;
        }
    }

    /** A progress bar by accounts, drawn only on a terminal and for long runs. */
    private static final class Bar implements ProgressListener, AutoCloseable {

        private final PrintWriter out;
        private ProgressBar bar;

        Bar(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void registerLoaded(int people, Duration took) {
            out.printf(Locale.ROOT, "register index: %,d people in %.1f s%n", people, took.toMillis() / 1000.0);
            out.flush();
        }

        @Override
        public void progress(long done, long total) {
            if (bar == null && System.console() != null && total >= MIN_FOR_BAR) {
                bar = new ProgressBarBuilder().setTaskName("link").setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
                        .setUnit(" accounts", 1).showSpeed().setUpdateIntervalMillis(500).build();
            }
            if (bar != null) {
                bar.stepTo(done);
            }
        }

        @Override
        public void close() {
            if (bar != null) {
                bar.close();
            }
        }
    }
}
