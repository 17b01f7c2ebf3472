package vn.portal.bridge.infrastructure.persistence.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
