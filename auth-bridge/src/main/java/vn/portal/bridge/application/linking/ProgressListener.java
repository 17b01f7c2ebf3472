package vn.portal.bridge.application.linking;

/** Told after every chunk how far a run is, e.g. to draw a progress bar. Called on the run's thread. */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = (done, total) -> { };

    /**
     * @param done  accounts decided so far
     * @param total undecided accounts the run found at its start (later runs' work may make {@code done} stop short)
     */
    void progress(long done, long total);
}
