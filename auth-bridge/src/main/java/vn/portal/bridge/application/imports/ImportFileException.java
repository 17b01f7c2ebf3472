package vn.portal.bridge.application.imports;

import java.util.Objects;

/**
 * The file as a whole cannot be imported (missing, empty, not CSV text, wrong header, not text in the chosen
 * encoding). Raised before anything is written, so the database is unchanged; the message says what is
 * wrong in one sentence.
 */
public final class ImportFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String file;

    public ImportFileException(String file, String message) {
        super(Objects.requireNonNull(file, "file") + ": " + message);
        this.file = file;
    }

    public ImportFileException(String file, String message, Throwable cause) {
        super(Objects.requireNonNull(file, "file") + ": " + message, cause);
        this.file = file;
    }

    public String file() {
        return file;
    }
}
