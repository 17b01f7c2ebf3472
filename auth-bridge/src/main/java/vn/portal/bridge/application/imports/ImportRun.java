package vn.portal.bridge.application.imports;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One background import of an uploaded file, as stored in {@code import_run}: who started it and when, how far it
 * has got, and how it ended.
 *
 * @param encoding      the encoding chosen at upload ("auto", "tcvn3" ...) while running; once finished, the one used
 *                      and whether it was detected or forced ({@link ImportSummary#encodingStatement()})
 * @param node          the portal node running it
 * @param heartbeatAt   when that node last said it was still at work
 * @param finishedAt    when it ended; null while running
 * @param rowsRead      data rows read so far (the final count once finished)
 * @param counts        inserted, updated, unchanged, rejected once finished; null before
 * @param errors        the first rejected rows (at most {@link #MAX_LISTED_ERRORS}); empty before the end
 * @param failure       why it failed or was interrupted; null otherwise
 */
public record ImportRun(ImportRunId id, ImportKind kind, String fileName, String encoding, String startedBy,
        Instant startedAt, String node, Instant heartbeatAt, Instant finishedAt, ImportRunState state, long rowsRead,
        Counts counts, List<RowError> errors, String failure) {

    /** Rejected rows kept with a run and shown on its page; the rest are counted. */
    public static final int MAX_LISTED_ERRORS = 200;
    public static final int MAX_FILE_NAME = 200;
    public static final int MAX_ENCODING = 1000;
    public static final int MAX_FAILURE = 2000;

    /** What a finished import did to the rows of its file. */
    public record Counts(long inserted, long updated, long unchanged, long rejected) {
        public Counts {
            if (inserted < 0 || updated < 0 || unchanged < 0 || rejected < 0) {
                throw new IllegalArgumentException("negative count " + inserted + "/" + updated + "/" + unchanged + "/" + rejected);
            }
        }

        static Counts of(ImportSummary summary) {
            return new Counts(summary.inserted(), summary.updated(), summary.unchanged(), summary.rejected());
        }
    }

    /** The encoding of a finished import, read from {@link #encoding}; empty while running or when not recognised. */
    public Optional<EncodingStatement> encodingStatement() {
        return EncodingStatement.parse(encoding);
    }

    public ImportRun {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(heartbeatAt, "heartbeatAt");
        Objects.requireNonNull(state, "state");
        fileName = required(fileName, "fileName", MAX_FILE_NAME);
        encoding = required(encoding, "encoding", MAX_ENCODING);
        startedBy = required(startedBy, "startedBy", 200);
        node = required(node, "node", 200);
        errors = List.copyOf(errors);
        if (rowsRead < 0) {
            throw new IllegalArgumentException("rowsRead must not be negative but is " + rowsRead);
        }
        if (errors.size() > MAX_LISTED_ERRORS) {
            throw new IllegalArgumentException(errors.size() + " row errors; at most " + MAX_LISTED_ERRORS + " are kept");
        }
        if (state == ImportRunState.RUNNING && finishedAt != null) {
            throw new IllegalArgumentException("a running import has no end time");
        }
        if (state != ImportRunState.RUNNING && finishedAt == null) {
            throw new IllegalArgumentException("a " + state + " import needs its end time");
        }
        if (state == ImportRunState.FINISHED && counts == null) {
            throw new IllegalArgumentException("a finished import needs its counts");
        }
        if (failure != null && failure.length() > MAX_FAILURE) {
            failure = failure.substring(0, MAX_FAILURE);
        }
    }

    /** A run that has just started on {@code node}. */
    static ImportRun started(ImportRunId id, ImportKind kind, String fileName, EncodingChoice encoding, String startedBy,
            String node, Instant now) {
        return new ImportRun(id, kind, fileName, encoding.toString(), startedBy, now, node, now, null, ImportRunState.RUNNING,
                0, null, List.of(), null);
    }

    public boolean isRunning() {
        return state == ImportRunState.RUNNING;
    }

    /**
     * This run as it must be shown at {@code now}: a RUNNING run whose node has not reported for longer than
     * {@code staleAfter} is INTERRUPTED (its node stopped without saying so), whatever the row still says.
     */
    public ImportRun seenAt(Instant now, Duration staleAfter) {
        if (state != ImportRunState.RUNNING || !heartbeatAt.plus(staleAfter).isBefore(now)) {
            return this;
        }
        return interrupted(heartbeatAt, "no progress from node " + node + " since " + heartbeatAt);
    }

    ImportRun interrupted(Instant at, String why) {
        return new ImportRun(id, kind, fileName, encoding, startedBy, startedAt, node, heartbeatAt, at,
                ImportRunState.INTERRUPTED, rowsRead, counts, errors, why);
    }

    /** Rejected rows not in {@link #errors()}. */
    public long unlistedErrors() {
        return counts == null ? 0 : Math.max(0, counts.rejected() - errors.size());
    }

    /** The key that keeps two imports of one file apart: kind and file name. */
    public String runningKey() {
        return runningKey(kind, fileName);
    }

    static String runningKey(ImportKind kind, String fileName) {
        return kind.label() + "/" + fileName;
    }

    private static String required(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("an import run needs its " + field);
        }
        if (value.length() > max) {
            throw new IllegalArgumentException(field + " has " + value.length() + " characters; at most " + max + " fit");
        }
        return value;
    }
}
