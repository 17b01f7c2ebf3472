package vn.portal.bridge.application.linking;

import java.time.Duration;

/**
 * Told after every chunk is written how far a run is, e.g. to draw a progress bar. Called by the run's writer
 * thread, one call at a time; everything it did is visible to the caller once the run returns.
 */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = (done, total) -> { };

    /**
     * @param done  accounts decided so far
     * @param total undecided accounts the run found at its start (later runs' work may make {@code done} stop short)
     */
    void progress(long done, long total);

    /** Told once, before the first chunk, when a run that loads the register itself has loaded it. */
    default void registerLoaded(int people, Duration took) {
        // most listeners only draw progress
    }
}
