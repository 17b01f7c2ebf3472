package vn.portal.bridge.application.review;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.portal.bridge.application.AuditLog;
import vn.portal.bridge.domain.model.audit.AuditEntry;
import vn.portal.bridge.domain.model.audit.AuditEventType;
import vn.portal.bridge.domain.model.identity.PersonalId;
import vn.portal.bridge.domain.model.legacy.LegacyAccount;
import vn.portal.bridge.domain.model.legacy.LegacyAccountRepository;
import vn.portal.bridge.domain.model.link.IdentityLink;
import vn.portal.bridge.domain.model.link.IdentityLinkRepository;
import vn.portal.bridge.domain.model.link.ReviewCause;
import vn.portal.bridge.domain.model.link.ReviewItem;
import vn.portal.bridge.domain.model.link.ReviewItemRepository;
import vn.portal.bridge.domain.model.link.ReviewQueueFilter;

/** The review queue as an administrator works it. */
public class ReviewDesk {

    /**
     * A candidate entry of the evidence JSON written by the matching package (Evidence.toJson: an object
     * with a "candidates" array whose objects start with "personal_id"). "linked_personal_id" does not match:
     * it is preceded by an underscore, not by '{' or ','.
     */
    private static final Pattern CANDIDATE = Pattern.compile("[{,]\\s*\"personal_id\"\\s*:\\s*\"(\\d{12})\"");

    private final ReviewItemRepository reviews;
    private final IdentityLinkRepository links;
    private final LegacyAccountRepository accounts;
    private final AuditLog audit;
    private final Clock clock;

    public ReviewDesk(ReviewItemRepository reviews, IdentityLinkRepository links, LegacyAccountRepository accounts, AuditLog audit,
            Clock clock) {
        this.reviews = Objects.requireNonNull(reviews, "reviews");
        this.links = Objects.requireNonNull(links, "links");
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public long countOpen(String agencyCodeOrNull) {
        return reviews.countOpen(agencyCodeOrNull);
    }

    /** OPEN items, oldest first, with their accounts and candidates. */
    public List<ReviewCase> open(String agencyCodeOrNull, int offset, int limit) {
        List<ReviewCase> cases = new ArrayList<>();
        for (ReviewItem item : reviews.findOpen(agencyCodeOrNull, offset, limit)) {
            cases.add(toCase(item));
        }
        return cases;
    }

    /** How many OPEN items the filter selects. */
    public long countMatching(ReviewQueueFilter filter) {
        return reviews.countMatching(filter);
    }

    /**
     * Page {@code number} (1-based) of the OPEN items the filter selects, oldest first, with the counts a reviewer
     * chooses filters by.
     *
     * @throws NoSuchReviewPageException if {@code number} is beyond the last page (an empty queue has page 1)
     * @throws IllegalArgumentException if {@code number} is below 1 or {@code size} outside 1..{@value ReviewQueuePage#MAX_SIZE}
     */
    public ReviewQueuePage page(ReviewQueueFilter filter, int number, int size) {
        Objects.requireNonNull(filter, "filter");
        ReviewQueuePage.requireSize(size);
        if (number < 1) {
            throw new IllegalArgumentException("pages are numbered from 1, not " + number);
        }
        long matching = reviews.countMatching(filter);
        int pages = ReviewQueuePage.pageCount(matching, size);
        if (number > pages) {
            throw new NoSuchReviewPageException(number, pages);
        }
        List<ReviewCase> cases = new ArrayList<>();
        if (matching > 0) {
            for (ReviewItem item : reviews.findMatching(filter, (number - 1) * size, size)) {
                cases.add(toCase(item));
            }
        }
        Map<ReviewCause, Long> byCause = new EnumMap<>(ReviewCause.class);
        Map<ReviewCause, Long> found = reviews.countOpenByCause(filter.anyCause());
        for (ReviewCause cause : ReviewCause.values()) {
            byCause.put(cause, found.getOrDefault(cause, 0L));
        }
        long openInQueue = filter.isEverything() ? matching : reviews.countMatching(ReviewQueueFilter.everything());
        return new ReviewQueuePage(filter, number, size, matching, openInQueue, cases, byCause,
                reviews.countOpenByAgency(filter.anyAgency()));
    }

    /**
     * One item (open or not) with its account and candidates.
     *
     * @throws UnknownReviewItemException if there is no such item
     */
    public ReviewCase reviewCase(long itemId) {
        return toCase(reviews.findById(itemId).orElseThrow(() -> new UnknownReviewItemException(itemId)));
    }

    /**
     * Links the item's account to {@code candidate}, who must be one of the item's candidates (or, for a
     * dispute, the person of the disputed link: that confirms the link).
     *
     * @throws UnknownReviewItemException if there is no such item
     * @throws NotACandidateException if the person is not offered by the item
     */
    public IdentityLink linkToCandidate(long itemId, PersonalId candidate, String reviewer, String reason, String correlationId) {
        Objects.requireNonNull(candidate, "candidate");
        ReviewCase reviewCase = reviewCase(itemId);
        if (!reviewCase.candidates().contains(candidate)) {
            audit.record(AuditEntry.failure(AuditEventType.REVIEW_RESOLVED, "NOT_A_CANDIDATE").withActor(reviewer)
                    .withTarget("review_item/" + itemId).withCorrelationId(correlationId));
            throw new NotACandidateException(itemId);
        }
        IdentityLink link = reviews.resolveByLinking(itemId, candidate, null, reviewCase.item().candidates().orElse(null), reviewer,
                reason, clock.instant());
        audit.record(AuditEntry.success(AuditEventType.REVIEW_RESOLVED).withReason("RESOLVED_LINKED").withActor(reviewer)
                .withTarget("review_item/" + itemId).withCorrelationId(correlationId)
                .withDetails("legacy account " + reviewCase.account().id().orElseThrow() + " linked to " + candidate.masked()
                        + " by link " + link.id().orElseThrow() + "; reason: " + reason));
        return link;
    }

    /**
     * Links the account to nobody (a disputed link is revoked: the dispute is upheld).
     *
     * @throws UnknownReviewItemException if there is no such item
     */
    public ReviewItem reject(long itemId, String reviewer, String reason, String correlationId) {
        ReviewItem before = reviews.findById(itemId).orElseThrow(() -> new UnknownReviewItemException(itemId));
        ReviewItem after = reviews.resolveByRejecting(itemId, reviewer, reason, clock.instant());
        audit.record(AuditEntry.success(AuditEventType.REVIEW_RESOLVED).withReason("RESOLVED_REJECTED").withActor(reviewer)
                .withTarget("review_item/" + itemId).withCorrelationId(correlationId)
                .withDetails("legacy account " + before.legacyAccountId() + " linked to nobody"
                        + before.disputedLinkId().map(id -> "; disputed link " + id + " revoked").orElse("") + "; reason: " + reason));
        return after;
    }

    private ReviewCase toCase(ReviewItem item) {
        LegacyAccount account = accounts.findById(item.legacyAccountId())
                .orElseThrow(() -> new IllegalStateException("review item " + item.id().orElse(null) + " names a missing account"));
        IdentityLink disputed = item.disputedLinkId().flatMap(links::findById).orElse(null);
        Set<PersonalId> candidates = new LinkedHashSet<>();
        if (disputed != null) {
            candidates.add(disputed.personalId());
        }
        item.candidates().ifPresent(json -> candidates.addAll(candidatesIn(json)));
        return new ReviewCase(item, account, disputed, new ArrayList<>(candidates));
    }

    /** The candidates' personal IDs in an evidence JSON, in order. */
    static List<PersonalId> candidatesIn(String evidenceJson) {
        List<PersonalId> found = new ArrayList<>();
        Matcher matcher = CANDIDATE.matcher(evidenceJson);
        while (matcher.find()) {
            try {
                found.add(PersonalId.parse(matcher.group(1)));
            } catch (RuntimeException e) {
                // Not a valid personal ID: it cannot be offered as a link target.
            }
        }
        return found;
    }
}
