package vn.portal.bridge.application.linking;

import java.util.Objects;

/**
 * A slice of the linking work: one agency's accounts with ids in a range. The batch job runs one partition
 * per slice, on as many threads (or cluster members) as it has; slices never overlap.
 */
public record LinkPartition(String agencyCode, long fromIdInclusive, long toIdInclusive) {

    public LinkPartition {
        Objects.requireNonNull(agencyCode, "agencyCode");
        if (fromIdInclusive < 0 || toIdInclusive < fromIdInclusive) {
            throw new IllegalArgumentException("partition id range " + fromIdInclusive + ".." + toIdInclusive + " is empty");
        }
    }
}
