package vn.portal.bridge.application.review;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import vn.portal.bridge.domain.model.link.ReviewCause;
import vn.portal.bridge.domain.model.link.ReviewQueueFilter;

/**
 * One page of the OPEN review queue under a filter, oldest first, with what a reviewer navigates by: how many items
 * the filter selects and how many the queue holds in all, the page count, and the counts per cause (within the
 * filter's agency) and per agency (within the filter's cause) that the filter choices show.
 *
 * @param number         1-based page number, at most {@link #pageCount()}
 * @param matching       OPEN items the filter selects
 * @param openInQueue    OPEN items in the whole queue
 * @param countsByCause  every cause, in declaration order, with its OPEN items within the filter's agency (0 included)
 * @param countsByAgency agencies with OPEN items within the filter's cause, by code
 */
public record ReviewQueuePage(ReviewQueueFilter filter, int number, int size, long matching, long openInQueue, List<ReviewCase> cases,
        Map<ReviewCause, Long> countsByCause, Map<String, Long> countsByAgency) {

    /** The largest page size a caller may ask for: a page carries every item's evidence and candidates. */
    public static final int MAX_SIZE = 200;

    public ReviewQueuePage {
        Objects.requireNonNull(filter, "filter");
        cases = List.copyOf(cases);
        countsByCause = Map.copyOf(countsByCause);
        countsByAgency = Map.copyOf(countsByAgency);
    }

    /** Pages needed for {@code items} items, at least 1: an empty queue still has its (empty) first page. */
    public static int pageCount(long items, int size) {
        requireSize(size);
        if (items < 0) {
            throw new IllegalArgumentException("an item count cannot be negative: " + items);
        }
        return (int) Math.max(1, (items + size - 1) / size);
    }

    static void requireSize(int size) {
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("a page holds 1 to " + MAX_SIZE + " items, not " + size);
        }
    }

    public int pageCount() {
        return pageCount(matching, size);
    }

    public boolean hasPrevious() {
        return number > 1;
    }

    public boolean hasNext() {
        return number < pageCount();
    }

    /** 1-based position of the page's first item in the filtered queue; 0 on an empty page. */
    public long firstPosition() {
        return cases.isEmpty() ? 0 : (long) (number - 1) * size + 1;
    }

    /** 1-based position of the page's last item; 0 on an empty page. */
    public long lastPosition() {
        return cases.isEmpty() ? 0 : (long) (number - 1) * size + cases.size();
    }
}
