package vn.portal.bridge.infrastructure.persistence.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.portal.bridge.domain.model.identity.PersonalId;
import vn.portal.bridge.domain.model.legacy.LegacyAccount;
import vn.portal.bridge.domain.model.link.BatchInsertResult;
import vn.portal.bridge.domain.model.link.IdentityLink;
import vn.portal.bridge.domain.model.link.IdentityLinkRepository;
import vn.portal.bridge.domain.model.link.IllegalLinkTransitionException;
import vn.portal.bridge.domain.model.link.LinkMethod;
import vn.portal.bridge.domain.model.link.LinkOwnershipException;
import vn.portal.bridge.domain.model.link.LinkState;
import vn.portal.bridge.domain.model.link.ReviewCause;
import vn.portal.bridge.domain.model.link.ReviewItem;
import vn.portal.bridge.domain.model.link.ReviewItemRepository;
import vn.portal.bridge.domain.model.link.ReviewQueueFilter;
import vn.portal.bridge.domain.model.link.ReviewStatus;
import vn.portal.bridge.domain.model.shared.ConflictingUpdateException;

class JpaReviewItemRepositoryTest {

    private static final Instant AT = LinkingDatabase.NOW;
    private static final String CANDIDATES = "[{\"personal_id\":\"0010******01\",\"total\":12.5},{\"personal_id\":\"0010******02\",\"total\":11.9}]";

    private final LinkingDatabase db = new LinkingDatabase();
    private final ReviewItemRepository reviews = db.services.reviewItems();
    private final IdentityLinkRepository links = db.services.identityLinks();
    private final List<Long> accountIds = new ArrayList<>();

    @BeforeEach
    void importAccounts() {
        List<LegacyAccount> batch = new ArrayList<>();
        for (int n = 0; n < 5; n++) {
            batch.add(People.account(n < 3 ? "UBND-HN" : "UBND-HCM", n));
        }
        db.services.legacyAccounts().upsert(batch);
        for (LegacyAccount account : batch) {
            accountIds.add(db.services.legacyAccounts().findByKey(account.agencyCode(), account.accountId()).orElseThrow().id().orElseThrow());
        }
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static PersonalId person(int n) {
        return PersonalId.parse(People.personalId(n));
    }

    private ReviewItem ambiguous(int account, Instant at) {
        return new ReviewItem(accountIds.get(account), ReviewCause.COMPETING_IDENTITIES, CANDIDATES, null, null, "linking-engine", at);
    }

    private IdentityLink autoLink(int account, int personN) {
        return links.store(new IdentityLink(person(personN), accountIds.get(account), LinkMethod.AUTO_SCORED, new BigDecimal("21.5"),
                "{\"total\":21.5}", "linking-engine", AT));
    }

    @Test
    void opensItemsInBulkOncePerAccount() {
        reviews.store(ambiguous(0, AT));

        BatchInsertResult result = reviews.openAll(List.of(ambiguous(0, AT), ambiguous(1, AT.plusSeconds(5)),
                ambiguous(1, AT.plusSeconds(6)), ambiguous(3, AT.plusSeconds(7))));

        assertThat(result.inserted()).isEqualTo(2);
        assertThat(result.skippedAccountIds()).containsExactly(accountIds.get(0), accountIds.get(1));
        assertThat(reviews.countOpen(null)).isEqualTo(3);
        assertThat(reviews.countOpen("UBND-HCM")).isEqualTo(1);
        ReviewItem read = reviews.findOpenByAccount(accountIds.get(1)).orElseThrow();
        assertThat(read.candidates()).contains(CANDIDATES);
        assertThat(read.cause()).isEqualTo(ReviewCause.COMPETING_IDENTITIES);
        assertThat(read.openedAt()).isEqualTo(AT.plusSeconds(5));
        assertThatThrownBy(() -> reviews.store(ambiguous(3, AT))).isInstanceOf(ConflictingUpdateException.class);
    }

    @Test
    void pagesOpenItemsOldestFirstPerAgency() {
        reviews.openAll(List.of(ambiguous(2, AT.plusSeconds(30)), ambiguous(0, AT.plusSeconds(10)),
                ambiguous(1, AT.plusSeconds(20)), ambiguous(4, AT)));

        assertThat(reviews.findOpen("UBND-HN", 0, 2)).extracting(ReviewItem::legacyAccountId)
                .containsExactly(accountIds.get(0), accountIds.get(1));
        assertThat(reviews.findOpen("UBND-HN", 2, 2)).extracting(ReviewItem::legacyAccountId).containsExactly(accountIds.get(2));
        assertThat(reviews.findOpen(null, 0, 10)).hasSize(4).first().extracting(ReviewItem::legacyAccountId).isEqualTo(accountIds.get(4));
        assertThat(reviews.oldestOpenedAt("UBND-HN")).contains(AT.plusSeconds(10));
        assertThat(reviews.oldestOpenedAt(null)).contains(AT);
        assertThat(reviews.oldestOpenedAt("BCA")).isEmpty();
    }

    private ReviewItem item(int account, ReviewCause cause, Instant at) {
        return new ReviewItem(accountIds.get(account), cause, CANDIDATES, null, null, "linking-engine", at);
    }

    @Test
    void filtersTheOpenQueueByCauseAndAgencyOldestFirst() {
        // Accounts 0-2 belong to UBND-HN, 3-4 to UBND-HCM.
        reviews.openAll(List.of(item(0, ReviewCause.COMPETING_IDENTITIES, AT.plusSeconds(30)),
                item(1, ReviewCause.SCORE_BETWEEN_THRESHOLDS, AT.plusSeconds(10)),
                item(2, ReviewCause.COMPETING_IDENTITIES, AT.plusSeconds(20)),
                item(3, ReviewCause.COMPETING_IDENTITIES, AT),
                item(4, ReviewCause.AUTO_LINK_VETOED, AT.plusSeconds(40))));

        assertThat(reviews.findMatching(ReviewQueueFilter.of(null, ReviewCause.COMPETING_IDENTITIES), 0, 10))
                .extracting(ReviewItem::legacyAccountId).containsExactly(accountIds.get(3), accountIds.get(2), accountIds.get(0));
        assertThat(reviews.findMatching(ReviewQueueFilter.of("UBND-HN", ReviewCause.COMPETING_IDENTITIES), 0, 10))
                .extracting(ReviewItem::legacyAccountId).containsExactly(accountIds.get(2), accountIds.get(0));
        assertThat(reviews.findMatching(ReviewQueueFilter.of("UBND-HN", ReviewCause.COMPETING_IDENTITIES), 1, 10))
                .extracting(ReviewItem::legacyAccountId).containsExactly(accountIds.get(0));
        assertThat(reviews.findMatching(ReviewQueueFilter.of("UBND-HCM", null), 0, 10))
                .extracting(ReviewItem::cause).containsExactly(ReviewCause.COMPETING_IDENTITIES, ReviewCause.AUTO_LINK_VETOED);
        assertThat(reviews.findMatching(ReviewQueueFilter.of("BCA", null), 0, 10)).isEmpty();
        assertThat(reviews.countMatching(ReviewQueueFilter.of("UBND-HN", ReviewCause.COMPETING_IDENTITIES))).isEqualTo(2);
        assertThat(reviews.countMatching(ReviewQueueFilter.of(null, ReviewCause.CONTRADICTING_ID_NUMBER))).isZero();
        assertThat(reviews.countOpenByCause(ReviewQueueFilter.everything())).containsOnly(
                entry(ReviewCause.COMPETING_IDENTITIES, 3L), entry(ReviewCause.SCORE_BETWEEN_THRESHOLDS, 1L),
                entry(ReviewCause.AUTO_LINK_VETOED, 1L));
        assertThat(reviews.countOpenByCause(ReviewQueueFilter.of("UBND-HCM", null))).containsOnly(
                entry(ReviewCause.COMPETING_IDENTITIES, 1L), entry(ReviewCause.AUTO_LINK_VETOED, 1L));
        assertThat(reviews.countOpenByAgency(ReviewQueueFilter.everything())).containsOnly(entry("UBND-HN", 3L), entry("UBND-HCM", 2L));
        assertThat(reviews.countOpenByAgency(ReviewQueueFilter.of(null, ReviewCause.COMPETING_IDENTITIES)))
                .containsOnly(entry("UBND-HN", 2L), entry("UBND-HCM", 1L));

        // A decided item leaves every count and page.
        long decided = reviews.findOpenByAccount(accountIds.get(2)).orElseThrow().id().orElseThrow();
        reviews.resolveByRejecting(decided, "reviewer:0011******21", "không ai trong số ứng viên", AT.plusSeconds(60));

        assertThat(reviews.findMatching(ReviewQueueFilter.of("UBND-HN", ReviewCause.COMPETING_IDENTITIES), 0, 10))
                .extracting(ReviewItem::legacyAccountId).containsExactly(accountIds.get(0));
        assertThat(reviews.countOpenByAgency(ReviewQueueFilter.of(null, ReviewCause.COMPETING_IDENTITIES)))
                .containsOnly(entry("UBND-HN", 1L), entry("UBND-HCM", 1L));
        assertThat(reviews.countOpenByCause(ReviewQueueFilter.of("UBND-HN", null)))
                .containsOnly(entry(ReviewCause.COMPETING_IDENTITIES, 1L), entry(ReviewCause.SCORE_BETWEEN_THRESHOLDS, 1L));
    }

    @Test
    void pagesNeitherRepeatNorSkipItemsOpenedAtTheSameInstant() {
        // One engine run opens many items with one timestamp: the id breaks the tie, so page boundaries are stable.
        reviews.openAll(List.of(ambiguous(4, AT), ambiguous(0, AT), ambiguous(3, AT), ambiguous(1, AT), ambiguous(2, AT)));
        List<ReviewItem> all = reviews.findMatching(ReviewQueueFilter.everything(), 0, 10);

        List<Long> paged = new ArrayList<>();
        for (int offset = 0; offset < 6; offset += 2) {
            reviews.findMatching(ReviewQueueFilter.everything(), offset, 2).forEach(i -> paged.add(i.id().orElseThrow()));
        }

        assertThat(paged).hasSize(5).doesNotHaveDuplicates().isSorted()
                .containsExactlyElementsOf(all.stream().map(i -> i.id().orElseThrow()).toList());
        assertThat(reviews.findMatching(ReviewQueueFilter.everything(), 5, 2)).isEmpty();
        assertThatThrownBy(() -> reviews.findMatching(ReviewQueueFilter.everything(), -1, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("offset must be >= 0 and limit >= 1, got -1 and 2");
    }

    @Test
    void pageQueriesReadTheQueueIndexes() throws Exception {
        reviews.openAll(List.of(ambiguous(0, AT), item(1, ReviewCause.AUTO_LINK_VETOED, AT), ambiguous(3, AT)));

        assertThat(plan(ReviewQueueFilter.everything())).contains("REVIEW_ITEM_OPEN_ORDER_IX: STATUS = ");
        assertThat(plan(ReviewQueueFilter.of(null, ReviewCause.AUTO_LINK_VETOED)))
                .contains("REVIEW_ITEM_OPEN_CAUSE_IX: STATUS = ").contains("AND CAUSE = ");
        assertThat(plan(ReviewQueueFilter.of("UBND-HN", null))).contains("OFFSET").contains("FETCH NEXT");
    }

    private String plan(ReviewQueueFilter filter) throws Exception {
        List<Object> parameters = new ArrayList<>();
        String sql = JpaReviewItemRepository.openPageSql(filter, parameters).replaceAll("\\?\\d+", "?");
        parameters.add(0);
        parameters.add(25);
        try (var connection = db.database.dataSource().getConnection(); var explain = connection.prepareStatement("EXPLAIN " + sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                explain.setObject(i + 1, parameters.get(i));
            }
            try (var plan = explain.executeQuery()) {
                plan.next();
                return plan.getString(1);
            }
        }
    }

    @Test
    void aFilterRefusesAgencyCodesNoAgencyCanHave() {
        assertThatThrownBy(() -> ReviewQueueFilter.of(" ", null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an agency code has 1 to 32 characters without surrounding spaces, not \" \"");
        assertThatThrownBy(() -> ReviewQueueFilter.of("X".repeat(33), null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReviewQueueFilter.of(" BCA", null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(ReviewQueueFilter.of(null, null).isEverything()).isTrue();
        assertThat(ReviewQueueFilter.of("BCA", ReviewCause.DISPUTED_LINK).anyCause()).isEqualTo(ReviewQueueFilter.of("BCA", null));
        assertThat(ReviewQueueFilter.of("BCA", ReviewCause.DISPUTED_LINK).anyAgency())
                .isEqualTo(ReviewQueueFilter.of(null, ReviewCause.DISPUTED_LINK));
    }

    @Test
    void reviewerLinksAnAmbiguousAccount() {
        ReviewItem item = reviews.store(ambiguous(0, AT));

        IdentityLink link = reviews.resolveByLinking(item.id().orElseThrow(), person(0), new BigDecimal("12.5"), "{\"total\":12.5}",
                "reviewer:0011******21", "khớp số điện thoại và ngày sinh", AT.plusSeconds(3600));

        assertThat(link.method()).isEqualTo(LinkMethod.REVIEWED);
        assertThat(links.findCurrentByAccount(accountIds.get(0))).contains(link);
        ReviewItem resolved = reviews.findById(item.id().orElseThrow()).orElseThrow();
        assertThat(resolved.status()).isEqualTo(ReviewStatus.RESOLVED_LINKED);
        assertThat(resolved.resolvedLinkId()).isEqualTo(link.id());
        assertThat(resolved.reviewer()).contains("reviewer:0011******21");
        assertThat(resolved.reason()).contains("khớp số điện thoại và ngày sinh");
        assertThat(reviews.findOpenByAccount(accountIds.get(0))).isEmpty();
        assertThatThrownBy(() -> reviews.resolveByRejecting(item.id().orElseThrow(), "reviewer:other", "again", AT))
                .isInstanceOf(IllegalLinkTransitionException.class).hasMessageContaining("already RESOLVED_LINKED");
        // A new question about the same account may be opened once the first is resolved.
        assertThat(reviews.store(ambiguous(0, AT.plusSeconds(7200))).isOpen()).isTrue();
    }

    @Test
    void citizenDisputesOwnLinkAndTheUpheldDisputeRevokesIt() {
        IdentityLink link = autoLink(1, 1);

        ReviewItem dispute = reviews.openDispute(link.id().orElseThrow(), person(1), "Tài khoản này không phải của tôi",
                "citizen:0010******01", AT.plusSeconds(60));

        assertThat(dispute.cause()).isEqualTo(ReviewCause.DISPUTED_LINK);
        assertThat(dispute.note()).contains("Tài khoản này không phải của tôi");
        assertThat(links.findById(link.id().orElseThrow()).orElseThrow().state()).isEqualTo(LinkState.DISPUTED);
        // While disputed the link still holds the account: nobody else can be linked meanwhile.
        assertThat(links.insertAll(List.of(new IdentityLink(person(2), accountIds.get(1), LinkMethod.AUTO_EXACT, null, "{}",
                "linking-engine", AT))).skippedAccountIds()).containsExactly(accountIds.get(1));

        reviews.resolveByRejecting(dispute.id().orElseThrow(), "reviewer:0011******21", "chủ tài khoản xác nhận không phải",
                AT.plusSeconds(120));

        IdentityLink revoked = links.findById(link.id().orElseThrow()).orElseThrow();
        assertThat(revoked.state()).isEqualTo(LinkState.REVOKED);
        assertThat(revoked.endedBy()).contains("reviewer:0011******21");
        assertThat(links.findCurrentByAccount(accountIds.get(1))).isEmpty();
        assertThat(reviews.findById(dispute.id().orElseThrow()).orElseThrow().status()).isEqualTo(ReviewStatus.RESOLVED_REJECTED);
    }

    @Test
    void rejectedDisputeConfirmsTheLinkAndAnotherPersonReplacesIt() {
        IdentityLink first = autoLink(0, 0);
        ReviewItem dispute = reviews.openDispute(first.id().orElseThrow(), person(0), null, "citizen:0010******00", AT);

        IdentityLink kept = reviews.resolveByLinking(dispute.id().orElseThrow(), person(0), null, null, "reviewer:a",
                "đối chiếu hồ sơ gốc: đúng chủ", AT.plusSeconds(10));
        assertThat(kept.id()).isEqualTo(first.id());
        assertThat(kept.state()).isEqualTo(LinkState.ACTIVE);

        ReviewItem again = reviews.openDispute(first.id().orElseThrow(), person(0), "vẫn không phải", "citizen:0010******00",
                AT.plusSeconds(20));
        IdentityLink moved = reviews.resolveByLinking(again.id().orElseThrow(), person(3), null, "{\"reviewer\":\"checked\"}",
                "reviewer:b", "thuộc về người khác", AT.plusSeconds(30));

        assertThat(moved.personalId()).isEqualTo(person(3));
        assertThat(moved.method()).isEqualTo(LinkMethod.REVIEWED);
        assertThat(links.findById(first.id().orElseThrow()).orElseThrow().state()).isEqualTo(LinkState.REVOKED);
        assertThat(links.findCurrentByAccount(accountIds.get(0))).contains(moved);
    }

    @Test
    void citizenCannotDisputeSomebodyElsesLink() {
        IdentityLink link = autoLink(2, 2);

        assertThatThrownBy(() -> reviews.openDispute(link.id().orElseThrow(), person(3), "thử", "citizen:0010******03", AT))
                .isInstanceOf(LinkOwnershipException.class)
                .hasMessage("link " + link.id().orElseThrow() + " does not belong to the requesting citizen");
        assertThatThrownBy(() -> reviews.openDispute(987654L, person(3), "thử", "citizen:0010******03", AT))
                .isInstanceOf(LinkOwnershipException.class);
        assertThat(links.findById(link.id().orElseThrow()).orElseThrow().state()).isEqualTo(LinkState.ACTIVE);
        assertThat(reviews.countOpen(null)).isZero();
    }

    @Test
    void itemsCarryTheirCandidatesExceptDisputes() {
        assertThatThrownBy(() -> new ReviewItem(accountIds.get(0), ReviewCause.SCORE_BETWEEN_THRESHOLDS, null, null, null, "linking-engine", AT))
                .hasMessage("a SCORE_BETWEEN_THRESHOLDS review item must carry its candidates and evidence");
        assertThatThrownBy(() -> new ReviewItem(accountIds.get(0), ReviewCause.DISPUTED_LINK, null, null, null, "citizen", AT))
                .hasMessageContaining("disputed link id is required");
    }
}
