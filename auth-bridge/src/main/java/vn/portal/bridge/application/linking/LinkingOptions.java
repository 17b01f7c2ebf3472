package vn.portal.bridge.application.linking;

import java.util.Optional;

/**
 * What one run of the engine covers and how it works.
 *
 * @param agencyCode      one agency, or null for every agency
 * @param fromIdInclusive lowest legacy account id (database id) of the run, 0 for no bound; a batch partition's
 *                        restart point is the checkpointed id plus one
 * @param toIdInclusive   highest id, {@link Long#MAX_VALUE} for no bound
 * @param dryRun          decide and count, write nothing (no link, review item, verdict or audit event)
 * @param chunkSize       accounts decided and written together: one transaction per kind of write and one
 *                        audit append per chunk
 */
public record LinkingOptions(String agencyCode, long fromIdInclusive, long toIdInclusive, boolean dryRun, int chunkSize) {

    public static final int DEFAULT_CHUNK_SIZE = 1000;
    public static final int MAX_CHUNK_SIZE = 20_000;

    public LinkingOptions {
        if (agencyCode != null && agencyCode.isBlank()) {
            throw new IllegalArgumentException("agency code must be null (every agency) or not blank");
        }
        if (fromIdInclusive < 0 || toIdInclusive < fromIdInclusive) {
            throw new IllegalArgumentException("account id range " + fromIdInclusive + ".." + toIdInclusive + " is empty or negative");
        }
        if (chunkSize < 1 || chunkSize > MAX_CHUNK_SIZE) {
            throw new IllegalArgumentException("chunk size must be 1.." + MAX_CHUNK_SIZE + " but is " + chunkSize);
        }
    }

    /** Every account of every agency, writing. */
    public static LinkingOptions all() {
        return new LinkingOptions(null, 0, Long.MAX_VALUE, false, DEFAULT_CHUNK_SIZE);
    }

    /** Every account of one agency, writing. */
    public static LinkingOptions agency(String agencyCode) {
        return new LinkingOptions(agencyCode, 0, Long.MAX_VALUE, false, DEFAULT_CHUNK_SIZE);
    }

    public LinkingOptions dryRun(boolean value) {
        return new LinkingOptions(agencyCode, fromIdInclusive, toIdInclusive, value, chunkSize);
    }

    public LinkingOptions chunkSize(int value) {
        return new LinkingOptions(agencyCode, fromIdInclusive, toIdInclusive, dryRun, value);
    }

    public LinkingOptions ids(long from, long to) {
        return new LinkingOptions(agencyCode, from, to, dryRun, chunkSize);
    }

    public Optional<String> agency() {
        return Optional.ofNullable(agencyCode);
    }
}
