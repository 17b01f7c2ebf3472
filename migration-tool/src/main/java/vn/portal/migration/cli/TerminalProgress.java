package vn.portal.migration.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import vn.portal.bridge.application.imports.ImportProgress;

/**
 * A progress bar on the terminal for long imports, by megabytes of the file, with the row count beside it.
 * Drawn only when the tool talks to a terminal: redirected output (a log file, a CI job) stays clean.
 */
final class TerminalProgress implements ImportProgress, AutoCloseable {

    /** Files smaller than this import in a moment; a bar would only flicker. */
    private static final long MIN_BYTES = 4L << 20;
    private static final long MEGABYTE = 1L << 20;

    private final ProgressBar bar;
    private boolean closed;

    private TerminalProgress(ProgressBar bar) {
        this.bar = bar;
    }

    /** No bar at all. */
    static TerminalProgress none() {
        return new TerminalProgress(null);
    }

    /** A bar for {@code file} when standard output is a terminal and the file is big enough to need one. */
    static TerminalProgress forFile(MigrationTool tool, Path file) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            return none();
        }
        if (System.console() == null || size < MIN_BYTES) {
            return none();
        }
        return new TerminalProgress(new ProgressBarBuilder()
                .setTaskName(file.getFileName().toString())
                .setInitialMax(size)
                .setUnit(" MB", MEGABYTE)
                .setStyle(ProgressBarStyle.ASCII)
                .showSpeed()
                .setUpdateIntervalMillis(500)
                .build());
    }

    @Override
    public void onProgress(long rowsRead, long bytesRead, long totalBytes) {
        if (bar != null) {
            bar.stepTo(bytesRead);
            bar.setExtraMessage(rowsRead + " rows");
        }
    }

    @Override
    public void close() {
        if (bar != null && !closed) {
            closed = true;
            bar.close();
        }
    }
}
