package vn.portal.bridge.infrastructure.batch;

import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Deque;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import vn.portal.bridge.application.linking.LinkingEngine;
import vn.portal.bridge.domain.model.legacy.LegacyAccount;

/**
 * Reads a partition's undecided accounts in id order, a bounded window at a time. The checkpoint is the id
 * of the last account handed to the chunk: after a restart the partition resumes right after it, and
 * accounts decided before the failure are skipped anyway because they are no longer undecided.
 */
@Dependent
@Named("linkAccountReader")
public class LinkAccountReader extends AbstractItemReader {

    /** Ids per read window; ids come from a sequence in blocks of 50, so a window holds up to this many accounts. */
    private static final long ID_WINDOW = 5_000;

    @Inject
    LinkingEngine engine;

    @Inject
    @BatchProperty(name = "agency")
    String agency;

    @Inject
    @BatchProperty(name = "fromId")
    String fromId;

    @Inject
    @BatchProperty(name = "toId")
    String toId;

    private final Deque<LegacyAccount> buffer = new ArrayDeque<>();
    private long lastHandedOut;
    private long lastFetched;
    private long upTo;
    private boolean exhausted;

    @Override
    public void open(Serializable checkpoint) {
        long from = JobSettings.nonNegativeLong(fromId, "fromId");
        upTo = JobSettings.nonNegativeLong(toId, "toId");
        lastHandedOut = checkpoint instanceof Long last ? last : from - 1;
        lastFetched = lastHandedOut;
        exhausted = upTo == 0;
    }

    @Override
    public Object readItem() {
        if (buffer.isEmpty() && !exhausted) {
            var page = engine.undecidedAfter(agency, lastFetched, upTo, ID_WINDOW);
            if (page.isEmpty()) {
                exhausted = true;
            } else {
                buffer.addAll(page);
                lastFetched = page.get(page.size() - 1).id().orElseThrow();
            }
        }
        LegacyAccount next = buffer.poll();
        if (next != null) {
            lastHandedOut = next.id().orElseThrow();
        }
        return next;
    }

    @Override
    public Serializable checkpointInfo() {
        return lastHandedOut;
    }
}
