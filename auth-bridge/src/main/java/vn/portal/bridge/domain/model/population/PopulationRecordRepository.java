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

    long count();
}
