package vn.portal.bridge.application.imports;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import vn.portal.bridge.application.AuditLog;
import vn.portal.bridge.domain.model.audit.AuditEntry;
import vn.portal.bridge.domain.model.audit.AuditEventType;
import vn.portal.bridge.domain.model.audit.AuditOutcome;
import vn.portal.bridge.domain.model.shared.ConflictingUpdateException;

/**
 * Imports of uploaded files that outlive the upload's request: {@link #start} records the import (refusing a second
 * one of the same file while the first runs) and returns at once; {@link #run}, on a worker thread the caller provides
 * (the container's managed executor), imports the file and keeps the record up to date, so any node can show how far
 * it has got. The record is in the database, not in this object: the service holds no state of its own.
 *
 * <p>Every start, refusal, end and failure is audited; the end of a successful or refused file is the importer's own
 * {@code LEGACY_DATA_IMPORTED}, with the import's correlation id ({@link #correlationId}) like its start.
 */
public final class BackgroundImports {

    private static final Logger LOG = Logger.getLogger(BackgroundImports.class.getName());
    /** How long a RUNNING import may go without a heartbeat before it is taken for interrupted. */
    public static final Duration DEFAULT_STALE_AFTER = Duration.ofMinutes(2);
    /** Progress (and heartbeat) is written at most this often; the status page refreshes every 2 seconds. */
    static final Duration PROGRESS_EVERY = Duration.ofSeconds(1);

    private final ImportRunRepository runs;
    private final LegacyDataImporter importer;
    private final AuditLog auditLog;
    private final Clock clock;
    private final String node;
    private final Duration staleAfter;

    /**
     * @param node       this portal node's name (the Payara instance), stored with the imports it runs
     * @param staleAfter how long without a heartbeat makes a RUNNING import interrupted; much longer than
     *                   {@link #PROGRESS_EVERY} and than the slowest batch of rows
     */
    public BackgroundImports(ImportRunRepository runs, LegacyDataImporter importer, AuditLog auditLog, Clock clock, String node,
            Duration staleAfter) {
        this.runs = Objects.requireNonNull(runs, "runs");
        this.importer = Objects.requireNonNull(importer, "importer");
        this.auditLog = Objects.requireNonNull(auditLog, "auditLog");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (node == null || node.isBlank()) {
            throw new IllegalArgumentException("a node name is needed to tell whose imports were interrupted");
        }
        this.node = node.strip();
        this.staleAfter = Objects.requireNonNull(staleAfter, "staleAfter");
        if (staleAfter.compareTo(PROGRESS_EVERY.multipliedBy(10)) < 0) {
            throw new IllegalArgumentException("staleAfter " + staleAfter + " is too short next to progress every " + PROGRESS_EVERY);
        }
    }

    /** The audit correlation id of an import's events: its start, its end or failure, its interruption. */
    public static String correlationId(ImportRunId id) {
        return "import-" + id.value();
    }

    /**
     * Records a new RUNNING import of {@code fileName} started by {@code actor}; the caller then hands it to
     * {@link #run} on a worker thread. A RUNNING import of the same kind and file whose node has gone silent is
     * declared interrupted first, so a dead node does not block the file for ever.
     *
     * @throws ImportAlreadyRunningException if the same kind and file name is being imported (audited)
     */
    public ImportRun start(ImportKind kind, String fileName, EncodingChoice encoding, String actor) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(encoding, "encoding");
        if (actor == null || actor.isBlank()) {
            throw new IllegalArgumentException("an import needs an actor for the audit log");
        }
        ImportRun run = ImportRun.started(ImportRunId.random(), kind, fileName, encoding, actor, node, clock.instant());
        try {
            runs.addRunning(run);
        } catch (ConflictingUpdateException taken) {
            Optional<ImportRun> holder = runs.findRunning(kind, run.fileName());
            if (holder.isPresent() && holder.get().seenAt(clock.instant(), staleAfter).isRunning()) {
                throw refused(run, holder.get());
            }
            holder.ifPresent(this::interruptSilent);
            try {
                runs.addRunning(run);
            } catch (ConflictingUpdateException takenAgain) {
                // Another node started the same file between our two attempts.
                throw refused(run, runs.findRunning(kind, run.fileName()).orElse(run));
            }
        }
        auditLog.record(new AuditEntry(AuditEventType.LEGACY_IMPORT_STARTED, AuditOutcome.SUCCESS, actor, target(kind), null,
                correlationId(run.id()), "file=" + run.fileName() + "; encoding=" + encoding + "; node=" + node));
        LOG.info(() -> "Import " + run.id() + " of " + kind.label() + " file " + run.fileName() + " started by " + actor + " on " + node);
        return run;
    }

    private ImportAlreadyRunningException refused(ImportRun wanted, ImportRun running) {
        ImportAlreadyRunningException refusal = new ImportAlreadyRunningException(running);
        auditLog.record(new AuditEntry(AuditEventType.LEGACY_IMPORT_REFUSED, AuditOutcome.FAILURE, wanted.startedBy(),
                target(wanted.kind()), "ALREADY_RUNNING", correlationId(running.id()), clip(refusal.getMessage())));
        LOG.warning(() -> "Refused an import by " + wanted.startedBy() + ": " + refusal.getMessage());
        return refusal;
    }

    /**
     * Imports {@code source} for the RUNNING {@code run} (from {@link #start}) and records how it ended. Meant for a
     * worker thread: it never throws, whatever happens to the import, because nobody would see the exception there.
     *
     * @return the run as it ended
     */
    public ImportRun run(ImportRun run, ImportSource source, EncodingChoice encoding) {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(encoding, "encoding");
        Heartbeat heartbeat = new Heartbeat(run.id());
        try {
            runs.progress(run.id(), 0, clock.instant());
            ImportSummary summary = importer.importFile(run.kind(), source, encoding, heartbeat, run.startedBy(),
                    correlationId(run.id()));
            List<RowError> shown = summary.errors().stream().limit(ImportRun.MAX_LISTED_ERRORS).toList();
            runs.finish(run.id(), clip(summary.encodingStatement(), ImportRun.MAX_ENCODING), summary.rows(),
                    ImportRun.Counts.of(summary), shown, clock.instant());
        } catch (ImportFileException refused) {
            // The importer has audited the refusal (LEGACY_DATA_IMPORTED / FILE_REJECTED); nothing was written.
            failQuietly(run, refused.getMessage(), heartbeat.rows);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Import " + run.id() + " of " + run.fileName() + " broke off", e);
            String why = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            failQuietly(run, why, heartbeat.rows);
            auditQuietly(new AuditEntry(AuditEventType.LEGACY_IMPORT_FAILED, AuditOutcome.FAILURE, run.startedBy(),
                    target(run.kind()), "UNEXPECTED_ERROR", correlationId(run.id()), clip("file=" + run.fileName() + "; " + why)));
        }
        return runs.find(run.id()).orElse(run);
    }

    /**
     * Records that {@code run} could not even be handed to a worker (the executor refused it), so it does not stay
     * RUNNING until its heartbeat goes stale.
     */
    public void notScheduled(ImportRun run, String why) {
        Objects.requireNonNull(run, "run");
        runs.fail(run.id(), clip("not started: " + why, ImportRun.MAX_FAILURE), 0, clock.instant());
        auditLog.record(new AuditEntry(AuditEventType.LEGACY_IMPORT_FAILED, AuditOutcome.FAILURE, run.startedBy(),
                target(run.kind()), "NOT_SCHEDULED", correlationId(run.id()), clip("file=" + run.fileName() + "; " + why)));
    }

    /** The import with this id, as it must be shown now (a silent RUNNING one as INTERRUPTED). */
    public Optional<ImportRun> find(ImportRunId id) {
        Instant now = clock.instant();
        return runs.find(Objects.requireNonNull(id, "id")).map(run -> run.seenAt(now, staleAfter));
    }

    /** The newest {@code limit} imports, newest first, as they must be shown now. */
    public List<ImportRun> recent(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1 but is " + limit);
        }
        Instant now = clock.instant();
        return runs.latest(limit).stream().map(run -> run.seenAt(now, staleAfter)).toList();
    }

    /**
     * Called when this node starts: its own RUNNING imports died with its previous life, and any other node's
     * silent ones are gone too. Both become INTERRUPTED (audited), which also frees their files for a new upload.
     *
     * @return how many imports this call interrupted
     */
    public int interruptAbandoned() {
        Instant now = clock.instant();
        int interrupted = 0;
        for (ImportRun run : runs.running()) {
            if (run.node().equals(node)) {
                if (interrupt(run, null, "NODE_RESTARTED", "node " + node + " restarted while importing")) {
                    interrupted++;
                }
            } else if (!run.seenAt(now, staleAfter).isRunning() && interruptSilent(run)) {
                interrupted++;
            }
        }
        return interrupted;
    }

    private boolean interruptSilent(ImportRun run) {
        return interrupt(run, clock.instant().minus(staleAfter), "NO_HEARTBEAT",
                "no progress from node " + run.node() + " since " + run.heartbeatAt());
    }

    private boolean interrupt(ImportRun run, Instant heartbeatBefore, String reason, String why) {
        if (!runs.interrupt(run.id(), heartbeatBefore, why, clock.instant())) {
            return false;
        }
        LOG.warning(() -> "Import " + run.id() + " of " + run.fileName() + " marked interrupted: " + why);
        auditLog.record(new AuditEntry(AuditEventType.LEGACY_IMPORT_INTERRUPTED, AuditOutcome.FAILURE, "system",
                target(run.kind()), reason, correlationId(run.id()), clip("file=" + run.fileName() + "; rows_read="
                        + run.rowsRead() + "; " + why)));
        return true;
    }

    private void failQuietly(ImportRun run, String why, long rowsRead) {
        try {
            runs.fail(run.id(), clip(why, ImportRun.MAX_FAILURE), rowsRead, clock.instant());
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Could not record the failure of import " + run.id() + " (" + why + ")", e);
        }
    }

    private void auditQuietly(AuditEntry entry) {
        try {
            auditLog.record(entry);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Could not audit " + entry.type() + " of " + entry.correlationId(), e);
        }
    }

    private static String target(ImportKind kind) {
        return "import/" + kind.label();
    }

    private static String clip(String text) {
        return clip(text, AuditEntry.MAX_DETAILS);
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    /** The importer's progress, written to the run's row at most every {@link #PROGRESS_EVERY}; never throws. */
    private final class Heartbeat implements ImportProgress {

        private final ImportRunId id;
        private Instant lastWritten = Instant.MIN;
        private long rows;

        Heartbeat(ImportRunId id) {
            this.id = id;
        }

        @Override
        public void onProgress(long rowsRead, long bytesRead, long totalBytes) {
            rows = rowsRead;
            Instant now = clock.instant();
            if (lastWritten != Instant.MIN && now.isBefore(lastWritten.plus(PROGRESS_EVERY))) {
                return;
            }
            lastWritten = now;
            try {
                if (!runs.progress(id, rowsRead, now)) {
                    LOG.warning(() -> "Import " + id + " was declared interrupted while still running; it goes on");
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not record the progress of import " + id, e);
            }
        }
    }
}
