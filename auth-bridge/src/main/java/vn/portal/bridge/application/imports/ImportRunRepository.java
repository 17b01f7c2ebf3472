package vn.portal.bridge.application.imports;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The background imports, shared by every node of the portal through the database. Each method is its own
 * transaction. Rows are returned as stored; {@link ImportRun#seenAt} says how a silent RUNNING row is to be shown.
 */
public interface ImportRunRepository {

    /**
     * Stores a RUNNING run and claims its file: the claim is atomic across nodes.
     *
     * @throws vn.portal.bridge.domain.model.shared.ConflictingUpdateException if a run of the same kind and file name
     *         is RUNNING (stored as such, whether or not its node is alive)
     */
    void addRunning(ImportRun run);

    Optional<ImportRun> find(ImportRunId id);

    /** The stored RUNNING run of this kind and file name, if any. */
    Optional<ImportRun> findRunning(ImportKind kind, String fileName);

    /** Every run stored as RUNNING, oldest first. */
    List<ImportRun> running();

    /** The newest {@code limit} runs, newest first. */
    List<ImportRun> latest(int limit);

    /**
     * Records progress of a RUNNING run and renews its heartbeat.
     *
     * @return false when the run is no longer RUNNING (it was declared interrupted meanwhile)
     */
    boolean progress(ImportRunId id, long rowsRead, Instant heartbeat);

    /** Ends a run as FINISHED with its final figures and releases its file. */
    void finish(ImportRunId id, String encoding, long rowsRead, ImportRun.Counts counts, List<RowError> errors, Instant at);

    /** Ends a run as FAILED with the reason and releases its file. */
    void fail(ImportRunId id, String failure, long rowsRead, Instant at);

    /**
     * Ends a RUNNING run as INTERRUPTED and releases its file, unless its heartbeat is at or after
     * {@code heartbeatBefore} (it is alive after all).
     *
     * @param heartbeatBefore null to interrupt it whatever its heartbeat
     * @return whether this call interrupted it (false when it had ended, or was alive, or another node was first)
     */
    boolean interrupt(ImportRunId id, Instant heartbeatBefore, String why, Instant at);
}
