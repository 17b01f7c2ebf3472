package vn.portal.web.interfaces.review;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import vn.portal.bridge.domain.model.link.ReviewCause;
import vn.portal.bridge.domain.model.link.ReviewQueueFilter;

/**
 * The bookmarkable address of one page of the review queue: {@code /admin/review?agency=UBND-HN&cause=COMPETING_IDENTITIES&page=3}.
 * Every part is optional (no agency, no cause: the whole queue; no page: the first). The page and the decision forms
 * both read it with {@link #parse}, so a reviewer who decides an item comes back to the page they were working on.
 *
 * @param filter the agency and cause chosen
 * @param page   1-based page number
 */
public record ReviewQueueAddress(ReviewQueueFilter filter, int page) {

    public static final String PATH = "/admin/review";
    public static final String PAGE = "page";
    public static final String AGENCY = "agency";
    public static final String CAUSE = "cause";

    /** Nine digits: the queue never has a billion pages, and the number always fits an int. */
    private static final int MAX_PAGE_DIGITS = 9;
    /** Echoed values are cut to this many characters: the message names the value, it does not replay any input. */
    private static final int MAX_ECHO = 40;

    public ReviewQueueAddress {
        if (filter == null) {
            throw new IllegalArgumentException("a review queue address needs a filter (ReviewQueueFilter.everything() for none)");
        }
        if (page < 1) {
            throw new IllegalArgumentException("pages are numbered from 1, not " + page);
        }
    }

    /**
     * A parameter the address cannot use, as a message for the reviewer.
     *
     * @param key       resource-bundle key of the message
     * @param arguments {0}, {1} ... of the message, e.g. the value as given (shortened)
     */
    public record Problem(String key, List<String> arguments) {

        public Problem {
            arguments = List.copyOf(arguments);
        }

        public Problem(String key, String... arguments) {
            this(key, List.of(arguments));
        }

        /** Argument {@code i}, or "" (for EL, which cannot index a missing element). */
        public String argument(int i) {
            return i < arguments.size() ? arguments.get(i) : "";
        }
    }

    /**
     * The address as far as it is valid, and what was not: an invalid part is left out of {@code address}
     * (an unknown agency means every agency there), and {@code problems} says why, so the caller decides whether
     * a partly valid address may be shown (the page does not; a decision's way back does).
     */
    public record Parsed(ReviewQueueAddress address, List<Problem> problems) {

        public Parsed {
            problems = List.copyOf(problems);
        }

        public boolean valid() {
            return problems.isEmpty();
        }
    }

    /**
     * Reads the three parameters as a browser sends them; an empty value (the filter form's "all" choice) counts as
     * absent.
     *
     * @param knownAgencies the codes of the agencies that exist
     */
    public static Parsed parse(String page, String agency, String cause, Set<String> knownAgencies) {
        List<Problem> problems = new ArrayList<>();
        int number = 1;
        if (page != null && !page.isEmpty()) {
            if (page.length() <= MAX_PAGE_DIGITS && page.chars().allMatch(c -> c >= '0' && c <= '9') && Integer.parseInt(page) >= 1) {
                number = Integer.parseInt(page);
            } else {
                problems.add(new Problem("review.filter.badpage", echo(page)));
            }
        }
        String agencyCode = null;
        if (agency != null && !agency.isEmpty()) {
            if (knownAgencies.contains(agency)) {
                agencyCode = agency;
            } else {
                problems.add(new Problem("review.filter.unknownagency", echo(agency)));
            }
        }
        ReviewCause reviewCause = null;
        if (cause != null && !cause.isEmpty()) {
            reviewCause = causeNamed(cause);
            if (reviewCause == null) {
                problems.add(new Problem("review.filter.unknowncause", echo(cause)));
            }
        }
        return new Parsed(new ReviewQueueAddress(ReviewQueueFilter.of(agencyCode, reviewCause), number), problems);
    }

    private static ReviewCause causeNamed(String name) {
        for (ReviewCause cause : ReviewCause.values()) {
            if (cause.name().equals(name)) {
                return cause;
            }
        }
        return null;
    }

    private static String echo(String value) {
        return value.length() <= MAX_ECHO ? value : value.substring(0, MAX_ECHO) + "…";
    }

    public ReviewQueueAddress withPage(int number) {
        return new ReviewQueueAddress(filter, number);
    }

    public ReviewQueueAddress withFilter(ReviewQueueFilter other) {
        return new ReviewQueueAddress(other, 1);
    }

    /** The path and query, without the context path: {@code /admin/review?agency=BHXH&page=2}; page 1 is left out. */
    public String path() {
        List<String> parts = new ArrayList<>();
        filter.agency().ifPresent(code -> parts.add(AGENCY + "=" + URLEncoder.encode(code, StandardCharsets.UTF_8)));
        filter.reviewCause().ifPresent(cause -> parts.add(CAUSE + "=" + cause.name()));
        if (page > 1) {
            parts.add(PAGE + "=" + page);
        }
        return parts.isEmpty() ? PATH : PATH + "?" + String.join("&", parts);
    }
}
