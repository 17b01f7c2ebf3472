package vn.portal.bridge.application.imports;

/**
 * Told how far an import has got, after each batch and once at the end: a terminal progress bar, an upload
 * page's status. Called on the importing thread; must be quick and must not throw.
 */
@FunctionalInterface
public interface ImportProgress {

    /** Ignores progress. */
    ImportProgress NONE = (rows, bytes, totalBytes) -> { };

    /**
     * @param rowsRead   data rows read so far (accepted or rejected)
     * @param bytesRead  bytes of the file consumed so far
     * @param totalBytes size of the file, or -1 when unknown
     */
    void onProgress(long rowsRead, long bytesRead, long totalBytes);
}
