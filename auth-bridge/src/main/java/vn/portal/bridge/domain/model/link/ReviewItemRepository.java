package vn.portal.bridge.domain.model.link;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import vn.portal.bridge.domain.model.identity.PersonalId;
import vn.portal.bridge.domain.model.shared.ConflictingUpdateException;

/**
 * The review queue. Each method is its own transaction; the decisions that touch a link and an item
 * together ({@link #openDispute}, {@link #resolveByLinking}, {@link #resolveByRejecting}) are atomic.
 */
public interface ReviewItemRepository {

    /**
     * Inserts a new item (or stores a state change).
     *
     * @throws ConflictingUpdateException if the account already has an OPEN item, or the item changed since read
     */
    ReviewItem store(ReviewItem item);

    /** Inserts OPEN items in JDBC batches; items for accounts that already have an OPEN item are skipped and reported. */
    BatchInsertResult openAll(List<ReviewItem> items);

    Optional<ReviewItem> findById(long id);

    Optional<ReviewItem> findOpenByAccount(long legacyAccountId);

    /** OPEN items, oldest first, optionally of one agency; {@code offset}/{@code limit} page through them. */
    default List<ReviewItem> findOpen(String agencyCodeOrNull, int offset, int limit) {
        return findMatching(ReviewQueueFilter.of(agencyCodeOrNull, null), offset, limit);
    }

    default long countOpen(String agencyCodeOrNull) {
        return countMatching(ReviewQueueFilter.of(agencyCodeOrNull, null));
    }

    /**
     * The OPEN items the filter selects, oldest first (ties by id, so pages never overlap or skip an item);
     * {@code offset}/{@code limit} page through them.
     *
     * @throws IllegalArgumentException if {@code offset} is negative or {@code limit} is not positive
     */
    List<ReviewItem> findMatching(ReviewQueueFilter filter, int offset, int limit);

    /** How many OPEN items the filter selects. */
    long countMatching(ReviewQueueFilter filter);

    /** How many OPEN items the filter selects per cause; causes without items are absent. */
    Map<ReviewCause, Long> countOpenByCause(ReviewQueueFilter filter);

    /** How many OPEN items the filter selects per agency of their legacy accounts; agencies without items are absent. */
    Map<String, Long> countOpenByAgency(ReviewQueueFilter filter);

    /** When the oldest OPEN item was opened (readiness: no item older than 14 days); empty when none is open. */
    Optional<Instant> oldestOpenedAt(String agencyCodeOrNull);

    /**
     * The citizen {@code requester} disputes their own current link: the link becomes DISPUTED and a
     * DISPUTED_LINK item is opened, atomically.
     *
     * @throws LinkOwnershipException if the link is not the requester's (also when it does not exist)
     * @throws IllegalLinkTransitionException if the link is not ACTIVE
     * @throws ConflictingUpdateException if the account already has an OPEN item
     */
    ReviewItem openDispute(long linkId, PersonalId requester, String note, String openedBy, Instant at);

    /**
     * The reviewer links the item's account to {@code personalId}. For a disputed link: the same person
     * confirms the link (dispute rejected); another person revokes it and creates a REVIEWED link. For other
     * causes a REVIEWED link is created. The item becomes RESOLVED_LINKED pointing at the link, atomically.
     *
     * @param evidenceJson the candidate's evidence as the reviewer saw it
     * @return the link now holding the account
     * @throws IllegalLinkTransitionException if the item is not OPEN
     * @throws ConflictingUpdateException if the account got another current link meanwhile
     */
    IdentityLink resolveByLinking(long itemId, PersonalId personalId, BigDecimal score, String evidenceJson, String reviewer,
            String reason, Instant at);

    /**
     * The reviewer links the account to nobody: a disputed link is revoked (dispute upheld); the item becomes
     * RESOLVED_REJECTED, atomically.
     *
     * @throws IllegalLinkTransitionException if the item is not OPEN
     */
    ReviewItem resolveByRejecting(long itemId, String reviewer, String reason, Instant at);
}
