package vn.portal.bridge.application.imports;

import java.util.Objects;

/**
 * A second import of the same kind and file name was asked for while one is running: two imports of one agency file
 * at once would race on the same rows and double the load, so the second is refused.
 */
public final class ImportAlreadyRunningException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient ImportRun running;

    public ImportAlreadyRunningException(ImportRun running) {
        super(Objects.requireNonNull(running, "running").kind().label() + " file " + running.fileName()
                + " is already being imported (import " + running.id() + ", started by " + running.startedBy() + " at "
                + running.startedAt() + ")");
        this.running = running;
    }

    /** The import that is running. */
    public ImportRun running() {
        return running;
    }
}
