package vn.portal.bridge.domain.model.population;

import java.util.List;
import java.util.function.Consumer;

import vn.portal.bridge.domain.model.legacy.UpsertCounts;

/**
 * The local extract of the population register: filled by the importer, streamed whole by the linking
 * batch to build its in-memory blocking indexes. Each method is its own transaction.
 */
public interface PopulationRecordRepository {

    /**
     * Inserts new people and updates changed records, matched by personal ID, in one transaction; a record
     * whose content hash equals the stored one is not written.
     */
    UpsertCounts upsert(List<PopulationRecord> batch);

    /**
     * Streams every record in personal-ID order to {@code action} without keeping them (bounded memory).
     *
     * @return how many records were passed
     */
    long forEach(Consumer<? super PopulationRecord> action);

    /**
     * Passes every record to {@code action} in no particular order, in one read: the fastest way through the whole
     * extract (the database walks its table once instead of looking every row up through the personal-ID index).
     * Memory stays bounded, but one read transaction stays open meanwhile, so {@code action} must be quick and must
     * not use the database.
     *
     * @return how many records were passed
     */
    long scan(Consumer<? super PopulationRecord> action);

    long count();
}
