package vn.portal.bridge.application.selflink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.portal.bridge.application.selflink.SelfLinkingDatabase.AN;
import static vn.portal.bridge.application.selflink.SelfLinkingDatabase.NGOC;
import static vn.portal.bridge.application.selflink.SelfLinkingDatabase.accountOf;

import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import vn.portal.bridge.application.review.NotACandidateException;
import vn.portal.bridge.application.review.ReviewCase;
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
