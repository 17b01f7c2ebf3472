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
    default long forEach(Consumer<? super PopulationRecord> action) {
        return forEach(null, null, action);
    }

    /**
     * As {@link #forEach(Consumer)}, for the records whose personal ID is above {@code afterExclusive} (null: from
     * the first) and at most {@code upToInclusive} (null: to the last), so the slices {@link #splitPoints} cuts can
     * be read on several threads at once.
     */
    long forEach(String afterExclusive, String upToInclusive, Consumer<? super PopulationRecord> action);

    /**
     * Up to {@code parts - 1} personal IDs, ascending, that cut the extract into slices of about equal size (the
     * first slice ends at the first point, inclusive); empty for {@code parts} 1 or an extract too small to cut.
     */
    List<String> splitPoints(int parts);

    long count();
}
