package vn.portal.bridge.application.imports;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import vn.portal.bridge.domain.model.encoding.Detection;
import vn.portal.bridge.domain.model.encoding.LegacyEncoding;

/**
 * What one import did. Every data row of the file is counted exactly once: inserted, updated (content
 * changed), unchanged (already stored as is) or rejected. {@link #errors()} lists the first
 * {@link #MAX_LISTED_ERRORS} rejected rows; {@link #rejected()} counts them all.
 *
 * @param detection the detector's verdict and reasons when the encoding was detected; empty when forced
 */
public record ImportSummary(ImportKind kind, String file, LegacyEncoding encoding, Optional<Detection> detection,
        long inserted, long updated, long unchanged, long rejected, List<RowError> errors) {

    /** Row errors kept in memory and listed; a million bad rows must not exhaust the heap. */
    public static final int MAX_LISTED_ERRORS = 1000;

    public ImportSummary {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(encoding, "encoding");
        Objects.requireNonNull(detection, "detection");
        errors = List.copyOf(errors);
        if (inserted < 0 || updated < 0 || unchanged < 0 || rejected < errors.size()) {
            throw new IllegalArgumentException("inconsistent counts " + inserted + "/" + updated + "/" + unchanged + "/" + rejected);
        }
    }

    /** Data rows read from the file. */
    public long rows() {
        return inserted + updated + unchanged + rejected;
    }

    public boolean hasRejections() {
        return rejected > 0;
    }

    /** Rejected rows not listed in {@link #errors()}. */
    public long unlistedErrors() {
        return rejected - errors.size();
    }

    /** e.g. "TCVN3 (ABC) (detected, confidence 0.97: ...)" or "VNI-Windows (forced)". */
    public String encodingStatement() {
        return EncodingStatement.of(encoding, detection).text();
    }

    /** One line for logs and audit details. */
    @Override
    public String toString() {
        return kind.label() + " " + file + ": " + rows() + " rows, " + inserted + " inserted, " + updated + " updated, "
                + unchanged + " unchanged, " + rejected + " rejected; encoding " + encoding.cliName() + (detection.isPresent() ? " (detected)" : " (forced)");
    }
}
