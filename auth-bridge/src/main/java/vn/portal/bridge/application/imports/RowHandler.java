package vn.portal.bridge.application.imports;

import java.util.List;

import vn.portal.bridge.domain.model.legacy.UpsertCounts;

/**
 * Turns rows of one kind of file into domain objects and stores them in batches.
 *
 * @param <T> the domain object of one row
 */
interface RowHandler<T> {

    /**
     * Builds the object of one row.
     *
     * @throws RowRejectedException naming the column when a value is wrong
     */
    T map(CsvRow row);

    /** Upserts a batch in one transaction. */
    UpsertCounts store(List<T> batch);

    /**
     * The column a domain exception from {@link #map} or {@link #store} refers to, or null for the whole row.
     * Handlers translate the typed exceptions of their value objects here.
     */
    default String columnOf(RuntimeException failure) {
        return null;
    }
}
