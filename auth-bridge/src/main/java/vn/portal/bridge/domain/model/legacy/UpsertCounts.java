package vn.portal.bridge.domain.model.legacy;

/**
 * What a bulk upsert did: rows inserted, rows whose content changed and were updated, rows already stored
 * with the same content and left alone. Importers add these up for their summary.
 */
public record UpsertCounts(long inserted, long updated, long unchanged) {

    public static final UpsertCounts NONE = new UpsertCounts(0, 0, 0);

    public UpsertCounts {
        if (inserted < 0 || updated < 0 || unchanged < 0) {
            throw new IllegalArgumentException("counts must not be negative: " + inserted + "/" + updated + "/" + unchanged);
        }
    }

    public UpsertCounts plus(UpsertCounts other) {
        return new UpsertCounts(inserted + other.inserted, updated + other.updated, unchanged + other.unchanged);
    }

    public long total() {
        return inserted + updated + unchanged;
    }
}
