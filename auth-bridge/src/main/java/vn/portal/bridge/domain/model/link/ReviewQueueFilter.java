package vn.portal.bridge.domain.model.link;

import java.util.Optional;

/**
 * Which part of the OPEN review queue a reviewer works on: one agency's accounts, one review cause, both, or
 * the whole queue. Either part may be absent; an agency code present is a plausible code (the caller checks
 * that the agency exists), so a query never runs on a code no agency could have.
 *
 * @param agencyCode the legacy accounts' agency, or null for every agency
 * @param cause      the items' cause, or null for every cause
 */
public record ReviewQueueFilter(String agencyCode, ReviewCause cause) {

    /** As the agency table's code column, VARCHAR2(32). */
    public static final int MAX_AGENCY_CODE = 32;

    private static final ReviewQueueFilter EVERYTHING = new ReviewQueueFilter(null, null);

    public ReviewQueueFilter {
        if (agencyCode != null && (agencyCode.isBlank() || agencyCode.length() > MAX_AGENCY_CODE || !agencyCode.strip().equals(agencyCode))) {
            throw new IllegalArgumentException("an agency code has 1 to " + MAX_AGENCY_CODE
                    + " characters without surrounding spaces, not \"" + agencyCode + "\"");
        }
    }

    /** The whole queue. */
    public static ReviewQueueFilter everything() {
        return EVERYTHING;
    }

    public static ReviewQueueFilter of(String agencyCodeOrNull, ReviewCause causeOrNull) {
        return agencyCodeOrNull == null && causeOrNull == null ? EVERYTHING : new ReviewQueueFilter(agencyCodeOrNull, causeOrNull);
    }

    public Optional<String> agency() {
        return Optional.ofNullable(agencyCode);
    }

    public Optional<ReviewCause> reviewCause() {
        return Optional.ofNullable(cause);
    }

    /** The same agency, any cause: what the per-cause counts of a page are taken over. */
    public ReviewQueueFilter anyCause() {
        return of(agencyCode, null);
    }

    /** The same cause, any agency: what the per-agency counts of a page are taken over. */
    public ReviewQueueFilter anyAgency() {
        return of(null, cause);
    }

    public boolean isEverything() {
        return agencyCode == null && cause == null;
    }
}
