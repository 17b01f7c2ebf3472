package vn.portal.bridge.application.selflink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static vn.portal.bridge.application.selflink.SelfLinkingDatabase.AN;
import static vn.portal.bridge.application.selflink.SelfLinkingDatabase.NGOC;
import static vn.portal.bridge.application.selflink.SelfLinkingDatabase.accountOf;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import vn.portal.bridge.application.review.NoSuchReviewPageException;
import vn.portal.bridge.application.review.NotACandidateException;
import vn.portal.bridge.application.review.ReviewCase;
import vn.portal.bridge.application.review.ReviewQueuePage;
import vn.portal.bridge.application.review.UnknownReviewItemException;
import vn.portal.bridge.domain.model.audit.AuditEventType;
import vn.portal.bridge.domain.model.identity.Gender;
import vn.portal.bridge.domain.model.identity.PersonalId;
import vn.portal.bridge.domain.model.link.IdentityLink;
import vn.portal.bridge.domain.model.link.IllegalLinkTransitionException;
import vn.portal.bridge.domain.model.link.LinkMethod;
import vn.portal.bridge.domain.model.link.LinkState;
import vn.portal.bridge.domain.model.link.ReviewCause;
import vn.portal.bridge.domain.model.link.ReviewItem;
import vn.portal.bridge.domain.model.link.ReviewQueueFilter;
import vn.portal.bridge.domain.model.link.ReviewStatus;

class ReviewDeskTest {

    /** Evidence JSON as the matching package writes it for an account two people fit about equally well. */
    private static final String COMPETING = "{\"model\":\"m\",\"account\":\"BHXH/BH-9\",\"outcome\":\"REVIEW\","
            + "\"rule\":\"COMPETING_IDENTITIES_GUARD\",\"linked_personal_id\":null,\"review_reason\":\"COMPETING_IDENTITIES\","
            + "\"score\":12.1,\"thresholds\":{\"upper\":10.0,\"lower\":-2.0,\"competing_margin\":3.0},\"prior_weight\":-19.9,"
            + "\"candidates\":[{\"personal_id\":\"" + AN.value() + "\",\"score\":12.1,\"comparisons\":[]},"
            + "{\"personal_id\":\"" + NGOC.value() + "\",\"score\":11.0,\"comparisons\":[]}],\"notes\":[]}";

    private final SelfLinkingDatabase db = new SelfLinkingDatabase();

    @AfterEach
    void close() {
        db.close();
    }

    private long openCompetingItem() {
        long account = db.account(accountOf("BHXH", "BH-9", "Nguyễn Văn An", LocalDate.of(1985, 3, 12), Gender.MALE).build());
        return db.services.reviewItems().store(new ReviewItem(account, ReviewCause.COMPETING_IDENTITIES, COMPETING,
                "COMPETING_IDENTITIES", null, "linking-engine", db.clock.instant())).id().orElseThrow();
    }

    @Test
    void offersTheCandidatesOfTheEvidenceInOrder() {
        long item = openCompetingItem();

        ReviewCase reviewCase = db.reviewDesk.reviewCase(item);

        assertThat(reviewCase.candidates()).containsExactly(AN, NGOC);
        assertThat(reviewCase.disputed()).isEmpty();
        assertThat(db.reviewDesk.open(null, 0, 10)).extracting(c -> c.item().id().orElseThrow()).containsExactly(item);
        assertThat(db.reviewDesk.countOpen("BHXH")).isEqualTo(1);
    }

    /** Opens {@code count} items for new accounts of {@code agency}, one a minute from {@code firstMinute}, cycling the causes. */
    private List<Long> openItems(String agency, int count, int firstMinute, ReviewCause... causes) {
        List<Long> ids = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            long account = db.account(accountOf(agency, agency + "-" + n, "Nguyễn Văn An", LocalDate.of(1985, 3, 12), Gender.MALE).build());
            ids.add(db.services.reviewItems().store(new ReviewItem(account, causes[n % causes.length], COMPETING, null, null,
                    "linking-engine", db.clock.instant().plusSeconds(60L * (firstMinute + n)))).id().orElseThrow());
        }
        return ids;
    }

    @Test
    void pagesThroughTheWholeQueueOldestFirstWithTotalsAndCounts() {
        List<Long> hanoi = openItems("UBND-HN", 20, 0, ReviewCause.COMPETING_IDENTITIES, ReviewCause.SCORE_BETWEEN_THRESHOLDS);
        List<Long> insurance = openItems("BHXH", 10, 5, ReviewCause.CONTRADICTING_ID_NUMBER);

        ReviewQueuePage first = db.reviewDesk.page(ReviewQueueFilter.everything(), 1, 25);
        ReviewQueuePage second = db.reviewDesk.page(ReviewQueueFilter.everything(), 2, 25);

        assertThat(first.matching()).isEqualTo(30);
        assertThat(first.openInQueue()).isEqualTo(30);
        assertThat(first.pageCount()).isEqualTo(2);
        assertThat(first.cases()).hasSize(25);
        assertThat(first.hasPrevious()).isFalse();
        assertThat(first.hasNext()).isTrue();
        assertThat(second.cases()).hasSize(5);
        assertThat(second.firstPosition()).isEqualTo(26);
        assertThat(second.lastPosition()).isEqualTo(30);
        assertThat(second.hasNext()).isFalse();
        List<Long> order = new ArrayList<>();
        first.cases().forEach(c -> order.add(c.item().id().orElseThrow()));
        second.cases().forEach(c -> order.add(c.item().id().orElseThrow()));
        assertThat(order).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(concat(hanoi, insurance));
        assertThat(first.cases()).extracting(c -> c.item().openedAt()).isSorted();
        assertThat(first.cases().get(0).item().id()).contains(hanoi.get(0));
        assertThat(first.countsByCause()).containsOnly(entry(ReviewCause.COMPETING_IDENTITIES, 10L),
                entry(ReviewCause.SCORE_BETWEEN_THRESHOLDS, 10L), entry(ReviewCause.CONTRADICTING_ID_NUMBER, 10L),
                entry(ReviewCause.DISPUTED_LINK, 0L), entry(ReviewCause.AUTO_LINK_VETOED, 0L),
                entry(ReviewCause.FOLDED_NAME_AMBIGUOUS, 0L));
        assertThat(first.countsByAgency()).containsOnly(entry("UBND-HN", 20L), entry("BHXH", 10L));
    }

    @Test
    void aFilteredPageCountsWithinTheOtherFilter() {
        openItems("UBND-HN", 20, 0, ReviewCause.COMPETING_IDENTITIES, ReviewCause.SCORE_BETWEEN_THRESHOLDS);
        List<Long> insurance = openItems("BHXH", 10, 5, ReviewCause.COMPETING_IDENTITIES, ReviewCause.CONTRADICTING_ID_NUMBER);

        ReviewQueuePage page = db.reviewDesk.page(ReviewQueueFilter.of("BHXH", ReviewCause.COMPETING_IDENTITIES), 1, 25);

        assertThat(page.matching()).isEqualTo(5);
        assertThat(page.openInQueue()).isEqualTo(30);
        assertThat(page.pageCount()).isEqualTo(1);
        assertThat(page.cases()).extracting(c -> c.item().id().orElseThrow())
                .containsExactly(insurance.get(0), insurance.get(2), insurance.get(4), insurance.get(6), insurance.get(8));
        assertThat(page.cases()).allSatisfy(c -> assertThat(c.account().agencyCode()).isEqualTo("BHXH"));
        // Causes are counted within the chosen agency, agencies within the chosen cause.
        assertThat(page.countsByCause()).contains(entry(ReviewCause.COMPETING_IDENTITIES, 5L),
                entry(ReviewCause.CONTRADICTING_ID_NUMBER, 5L), entry(ReviewCause.SCORE_BETWEEN_THRESHOLDS, 0L));
        assertThat(page.countsByAgency()).containsOnly(entry("UBND-HN", 10L), entry("BHXH", 5L));

        db.reviewDesk.reject(insurance.get(0), "001190000021", "Không phải người nào trong danh sách", "corr-9");

        ReviewQueuePage after = db.reviewDesk.page(ReviewQueueFilter.of("BHXH", ReviewCause.COMPETING_IDENTITIES), 1, 25);
        assertThat(after.matching()).isEqualTo(4);
        assertThat(after.openInQueue()).isEqualTo(29);
        assertThat(after.cases()).extracting(c -> c.item().id().orElseThrow()).doesNotContain(insurance.get(0));
    }

    @Test
    void refusesPagesThatDoNotExist() {
        openItems("UBND-HN", 3, 0, ReviewCause.COMPETING_IDENTITIES);

        assertThatThrownBy(() -> db.reviewDesk.page(ReviewQueueFilter.everything(), 2, 25))
                .isInstanceOf(NoSuchReviewPageException.class)
                .hasMessage("page 2 of the review queue does not exist: the filter selects 1 page(s)")
                .satisfies(e -> assertThat(((NoSuchReviewPageException) e).pageCount()).isEqualTo(1));
        assertThatThrownBy(() -> db.reviewDesk.page(ReviewQueueFilter.everything(), 0, 25))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("pages are numbered from 1, not 0");
        assertThatThrownBy(() -> db.reviewDesk.page(ReviewQueueFilter.everything(), 1, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("a page holds 1 to 200 items, not 0");
        // An empty selection still has its first, empty page.
        ReviewQueuePage empty = db.reviewDesk.page(ReviewQueueFilter.of("BCA", null), 1, 25);
        assertThat(empty.cases()).isEmpty();
        assertThat(empty.pageCount()).isEqualTo(1);
        assertThat(empty.firstPosition()).isZero();
        assertThat(empty.openInQueue()).isEqualTo(3);
        assertThat(ReviewQueuePage.pageCount(50, 25)).isEqualTo(2);
        assertThat(ReviewQueuePage.pageCount(51, 25)).isEqualTo(3);
    }

    private static List<Long> concat(List<Long> a, List<Long> b) {
        List<Long> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    @Test
    void linkingToACandidateCreatesAReviewedLinkAndClosesTheItem() {
        long item = openCompetingItem();

        IdentityLink link = db.reviewDesk.linkToCandidate(item, NGOC, "001190000021", "Xác minh qua điện thoại", "corr-7");

        assertThat(link.method()).isEqualTo(LinkMethod.REVIEWED);
        assertThat(link.state()).isEqualTo(LinkState.ACTIVE);
        assertThat(link.personalId()).isEqualTo(NGOC);
        ReviewItem closed = db.services.reviewItems().findById(item).orElseThrow();
        assertThat(closed.status()).isEqualTo(ReviewStatus.RESOLVED_LINKED);
        assertThat(closed.reason()).contains("Xác minh qua điện thoại");
        assertThat(db.services.auditLog().recent(AuditEventType.REVIEW_RESOLVED, 1)).singleElement().satisfies(e -> {
            assertThat(e.reason()).contains("RESOLVED_LINKED");
            assertThat(e.actor()).contains("001190000021");
            assertThat(e.correlationId()).contains("corr-7");
        });
        assertThatThrownBy(() -> db.reviewDesk.reject(item, "001190000021", "lần nữa", null))
                .isInstanceOf(IllegalLinkTransitionException.class);
    }

    @Test
    void refusesAPersonTheItemDoesNotOfferAndUnknownItems() {
        long item = openCompetingItem();
        PersonalId stranger = PersonalId.parse("001190000021");

        assertThatThrownBy(() -> db.reviewDesk.linkToCandidate(item, stranger, "001190000021", "thử", null))
                .isInstanceOf(NotACandidateException.class);
        assertThat(db.services.reviewItems().findById(item).orElseThrow().isOpen()).isTrue();
        assertThat(db.services.auditLog().recent(AuditEventType.REVIEW_RESOLVED, 1)).singleElement()
                .satisfies(e -> assertThat(e.reason()).contains("NOT_A_CANDIDATE"));
        assertThatThrownBy(() -> db.reviewDesk.reviewCase(999_999L)).isInstanceOf(UnknownReviewItemException.class);
    }
}
