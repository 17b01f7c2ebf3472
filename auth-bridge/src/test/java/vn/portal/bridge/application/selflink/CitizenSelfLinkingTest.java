package vn.portal.bridge.application.selflink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.portal.bridge.application.selflink.SelfLinkingDatabase.AN;
import static vn.portal.bridge.application.selflink.SelfLinkingDatabase.AN_PASSWORD;
import static vn.portal.bridge.application.selflink.SelfLinkingDatabase.NGOC;
import static vn.portal.bridge.application.selflink.SelfLinkingDatabase.accountOf;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.portal.bridge.application.review.NotACandidateException;
import vn.portal.bridge.application.review.ReviewCase;
import vn.portal.bridge.domain.model.audit.AuditEvent;
import vn.portal.bridge.domain.model.audit.AuditEventType;
import vn.portal.bridge.domain.model.credential.ClaimLockedException;
import vn.portal.bridge.domain.model.identity.Gender;
import vn.portal.bridge.domain.model.link.IdentityLink;
import vn.portal.bridge.domain.model.link.IllegalLinkTransitionException;
import vn.portal.bridge.domain.model.link.LinkMethod;
import vn.portal.bridge.domain.model.link.LinkState;
import vn.portal.bridge.domain.model.link.ReviewCause;
import vn.portal.bridge.domain.model.link.ReviewItem;
import vn.portal.bridge.infrastructure.persistence.PortalDatabase;

class CitizenSelfLinkingTest {

    private final SelfLinkingDatabase db = new SelfLinkingDatabase();
    private final CitizenSelfLinking selfLinking = db.selfLinking;
    /** An's old social-insurance account: name without diacritics, no id number, same birth date and phone. */
    private long anInsurance;
    /** Ngọc's old Hà Nội account, holding her personal ID. */
    private long ngocHanoi;
    /** An's old Hà Nội account, linked automatically by his personal ID. */
    private long anHanoi;

    @BeforeEach
    void accounts() {
        anInsurance = db.account(accountOf("BHXH", "BH-0042", "NGUYEN VAN AN", LocalDate.of(1985, 3, 12), Gender.MALE)
                .phone("0912.345.678").passwordHash(pbkdf2(AN_PASSWORD, "muối-biển", 1000)).build());
        ngocHanoi = db.account(accountOf("UBND-HN", "HN-7", "Trần Thị Bích Ngọc", LocalDate.of(2001, 11, 5), Gender.FEMALE)
                .idNumber(NGOC.value()).passwordHash("{md5}5f4dcc3b5aa765d61d8327deb882cf99").build());
        anHanoi = db.account(accountOf("UBND-HN", "HN-8", "Nguyễn Văn An", LocalDate.of(1985, 3, 12), Gender.MALE)
                .idNumber(AN.value()).build());
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void suggestsOnlyTheCitizensOwnUnlinkedAccounts() {
        assertThat(selfLinking.suggestions(AN)).extracting(SuggestedAccount::legacyAccountId).contains(anInsurance)
                .doesNotContain(ngocHanoi);
        assertThat(selfLinking.suggestions(NGOC)).extracting(SuggestedAccount::legacyAccountId).containsExactly(ngocHanoi);
        SuggestedAccount insurance = selfLinking.suggestions(AN).stream().filter(s -> s.legacyAccountId() == anInsurance)
                .findFirst().orElseThrow();
        assertThat(insurance.agencyName()).isEqualTo("Bảo hiểm xã hội Việt Nam");
        assertThat(insurance.claimable()).isTrue();
    }

    @Test
    void claimWithTheOldPasswordLinksTheAccountByCitizenProof() {
        MyLinkedAccount linked = selfLinking.claim(AN, anInsurance, AN_PASSWORD, "corr-1");

        assertThat(linked.method()).isEqualTo(LinkMethod.CITIZEN_PROOF);
        assertThat(linked.state()).isEqualTo(LinkState.ACTIVE);
        assertThat(linked.agencyName()).isEqualTo("Bảo hiểm xã hội Việt Nam");
        assertThat(selfLinking.linkedAccounts(AN)).extracting(MyLinkedAccount::legacyAccountId).contains(anInsurance);
        assertThat(selfLinking.suggestions(AN)).extracting(SuggestedAccount::legacyAccountId).doesNotContain(anInsurance);
        IdentityLink stored = db.services.identityLinks().findCurrentByAccount(anInsurance).orElseThrow();
        assertThat(stored.personalId()).isEqualTo(AN);
        assertThat(stored.createdBy()).isEqualTo("citizen:" + AN.masked());
        AuditEvent event = db.services.auditLog().recent(AuditEventType.LEGACY_CLAIM_SUCCEEDED, 1).get(0);
        assertThat(event.actor()).contains(AN.value());
        assertThat(event.target()).contains("legacy_account/" + anInsurance);
        assertThat(event.correlationId()).contains("corr-1");
    }

    @Test
    void theSameVietnamesePasswordTypedInDecomposedFormAlsoProves() {
        String nfd = java.text.Normalizer.normalize(AN_PASSWORD, java.text.Normalizer.Form.NFD);
        assertThat(selfLinking.claim(AN, anInsurance, nfd, null).method()).isEqualTo(LinkMethod.CITIZEN_PROOF);
    }

    @Test
    void fiveWrongPasswordsLockTheClaimForFifteenMinutes() {
        for (int attempt = 1; attempt <= 5; attempt++) {
            int left = 5 - attempt;
            assertThatThrownBy(() -> selfLinking.claim(AN, anInsurance, "mat khau sai", null))
                    .isInstanceOfSatisfying(WrongLegacyPasswordException.class, e -> assertThat(e.attemptsLeft()).isEqualTo(left));
        }
        // Locked: even the right password is not looked at.
        assertThatThrownBy(() -> selfLinking.claim(AN, anInsurance, AN_PASSWORD, null))
                .isInstanceOfSatisfying(ClaimLockedException.class,
                        e -> assertThat(e.lockedUntil()).isEqualTo(db.clock.instant().plus(Duration.ofMinutes(15))));
        assertThat(db.services.identityLinks().findCurrentByAccount(anInsurance)).isEmpty();
        assertThat(db.services.auditLog().recent(AuditEventType.LEGACY_CLAIM_LOCKED, 5)).hasSize(1);
        assertThat(db.services.auditLog().recent(AuditEventType.LEGACY_CLAIM_FAILED, 10)).extracting(e -> e.reason().orElse(""))
                .containsExactly("LOCKED", "WRONG_PASSWORD", "WRONG_PASSWORD", "WRONG_PASSWORD", "WRONG_PASSWORD", "WRONG_PASSWORD");

        assertThat(selfLinking.suggestions(AN)).filteredOn(s -> s.legacyAccountId() == anInsurance).singleElement()
                .satisfies(s -> assertThat(s.claimLockedUntil()).isEqualTo(db.clock.instant().plus(Duration.ofMinutes(15))));
        assertThat(selfLinking.suggestions(NGOC)).singleElement().satisfies(s -> assertThat(s.claimLockedUntil()).isNull());

        db.clock.advance(Duration.ofMinutes(14));
        assertThatThrownBy(() -> selfLinking.claim(AN, anInsurance, AN_PASSWORD, null)).isInstanceOf(ClaimLockedException.class);

        db.clock.advance(Duration.ofMinutes(1));
        assertThat(selfLinking.suggestions(AN)).filteredOn(s -> s.legacyAccountId() == anInsurance).singleElement()
                .satisfies(s -> assertThat(s.claimLockedUntil()).isNull());
        assertThat(selfLinking.claim(AN, anInsurance, AN_PASSWORD, null).method()).isEqualTo(LinkMethod.CITIZEN_PROOF);
    }

    @Test
    void theLockHoldsOnAnotherPortalNode() {
        try (PortalDatabase second = db.openSecondNode()) {
            CitizenSelfLinking otherNode = db.selfLinking(second);
            for (int attempt = 1; attempt <= 5; attempt++) {
                CitizenSelfLinking node = attempt % 2 == 0 ? otherNode : selfLinking;
                assertThatThrownBy(() -> node.claim(AN, anInsurance, "123456", null)).isInstanceOf(WrongLegacyPasswordException.class);
            }
            assertThatThrownBy(() -> otherNode.claim(AN, anInsurance, AN_PASSWORD, null)).isInstanceOf(ClaimLockedException.class);
        }
    }

    @Test
    void aSuccessfulProofForgetsEarlierFailures() {
        for (int attempt = 1; attempt <= 4; attempt++) {
            assertThatThrownBy(() -> selfLinking.claim(AN, anInsurance, "sai", null)).isInstanceOf(WrongLegacyPasswordException.class);
        }
        selfLinking.claim(AN, anInsurance, AN_PASSWORD, null);
        assertThat(db.services.auditLog().recent(AuditEventType.LEGACY_CLAIM_LOCKED, 5)).isEmpty();
    }

    @Test
    void aChangedAccountIdNeitherRevealsNorTouchesAnotherCitizensAccount() {
        // An names Ngọc's account (with its right password) and an id that does not exist: same refusal.
        assertThatThrownBy(() -> selfLinking.claim(AN, ngocHanoi, "password", null))
                .isInstanceOf(NotYourAccountException.class).hasMessage("legacy account " + ngocHanoi + " is not visible to the requesting citizen");
        assertThatThrownBy(() -> selfLinking.claim(AN, 987654321L, "password", null))
                .isInstanceOf(NotYourAccountException.class).hasMessage("legacy account 987654321 is not visible to the requesting citizen");
        assertThat(db.services.identityLinks().findCurrentByAccount(ngocHanoi)).isEmpty();
        assertThat(db.services.auditLog().recent(AuditEventType.SELF_LINK_DENIED, 5)).hasSize(2)
                .allSatisfy(e -> assertThat(e.reason()).contains("NOT_OWNER"));
        // No attempt was charged against Ngọc's account.
        assertThat(db.services.auditLog().recent(AuditEventType.LEGACY_CLAIM_FAILED, 5)).isEmpty();
    }

    @Test
    void anAccountWithoutUsableHashCannotBeClaimed() {
        long noHash = db.account(accountOf("BTP", "TP-1", "Nguyễn Văn An", LocalDate.of(1985, 3, 12), Gender.MALE)
                .phone("0912345678").build());
        assertThat(selfLinking.suggestions(AN)).filteredOn(s -> s.legacyAccountId() == noHash)
                .singleElement().satisfies(s -> assertThat(s.claimable()).isFalse());
        assertThatThrownBy(() -> selfLinking.claim(AN, noHash, AN_PASSWORD, null))
                .isInstanceOfSatisfying(ClaimNotPossibleException.class,
                        e -> assertThat(e.reason()).isEqualTo(ClaimNotPossibleException.Reason.NO_PASSWORD_HASH));
    }

    @Test
    void disputingAnAutomaticLinkQueuesItForReviewAndARejectionRevokesIt() {
        IdentityLink auto = linkAutomatically(AN, anHanoi);
        long linkId = auto.id().orElseThrow();
        assertThat(selfLinking.linkedAccounts(AN)).singleElement().satisfies(a -> {
            assertThat(a.method()).isEqualTo(LinkMethod.AUTO_EXACT);
            assertThat(a.disputable()).isTrue();
        });

        ReviewItem item = selfLinking.dispute(AN, linkId, "Tôi chưa bao giờ đăng ký tài khoản này.", "corr-d");

        assertThat(item.cause()).isEqualTo(ReviewCause.DISPUTED_LINK);
        assertThat(item.note()).contains("Tôi chưa bao giờ đăng ký tài khoản này.");
        assertThat(db.services.identityLinks().findById(linkId).orElseThrow().state()).isEqualTo(LinkState.DISPUTED);
        assertThat(db.services.auditLog().recent(AuditEventType.LINK_DISPUTED, 1)).singleElement()
                .satisfies(e -> assertThat(e.target()).contains("identity_link/" + linkId));
        assertThatThrownBy(() -> selfLinking.dispute(AN, linkId, "lần nữa", null)).isInstanceOf(IllegalLinkTransitionException.class);

        List<ReviewCase> queue = db.reviewDesk.open(null, 0, 10);
        assertThat(queue).singleElement().satisfies(c -> {
            assertThat(c.candidates()).containsExactly(AN);
            assertThat(c.disputed()).isPresent();
        });
        assertThatThrownBy(() -> db.reviewDesk.linkToCandidate(item.id().orElseThrow(), NGOC, "admin:001190000021", "thử", null))
                .isInstanceOf(NotACandidateException.class);
        db.reviewDesk.reject(item.id().orElseThrow(), "admin:001190000021", "Công dân xác nhận không phải tài khoản của mình", "corr-r");

        assertThat(db.services.identityLinks().findById(linkId).orElseThrow().state()).isEqualTo(LinkState.REVOKED);
        assertThat(selfLinking.linkedAccounts(AN)).isEmpty();
        assertThat(db.services.auditLog().recent(AuditEventType.REVIEW_RESOLVED, 1)).singleElement()
                .satisfies(e -> assertThat(e.reason()).contains("RESOLVED_REJECTED"));
        // A person decided the account is not An's: it is neither suggested nor claimable by him again.
        assertThat(selfLinking.suggestions(AN)).extracting(SuggestedAccount::legacyAccountId).doesNotContain(anHanoi);
        assertThatThrownBy(() -> selfLinking.claim(AN, anHanoi, "password", null)).isInstanceOf(NotYourAccountException.class);
    }

    @Test
    void aCitizenCannotDisputeSomebodyElsesLink() {
        long linkId = linkAutomatically(AN, anHanoi).id().orElseThrow();

        assertThatThrownBy(() -> selfLinking.dispute(NGOC, linkId, "không phải của tôi", null))
                .isInstanceOf(NotYourAccountException.class).hasMessage("link " + linkId + " is not visible to the requesting citizen");
        assertThatThrownBy(() -> selfLinking.dispute(NGOC, 424242L, "không phải của tôi", null))
                .isInstanceOf(NotYourAccountException.class).hasMessage("link 424242 is not visible to the requesting citizen");
        assertThat(db.services.identityLinks().findById(linkId).orElseThrow().state()).isEqualTo(LinkState.ACTIVE);
        assertThat(db.services.reviewItems().countOpen(null)).isZero();
        assertThat(db.services.auditLog().recent(AuditEventType.SELF_LINK_DENIED, 5)).hasSize(2);
    }

    @Test
    void aDisputeNeedsAReason() {
        long linkId = linkAutomatically(AN, anHanoi).id().orElseThrow();
        assertThatThrownBy(() -> selfLinking.dispute(AN, linkId, "  ", null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a dispute needs the citizen's reason");
        assertThatThrownBy(() -> selfLinking.dispute(AN, linkId, "x".repeat(1001), null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1001 characters");
    }

    private IdentityLink linkAutomatically(vn.portal.bridge.domain.model.identity.PersonalId person, long account) {
        return db.services.identityLinks().store(new IdentityLink(person, account, LinkMethod.AUTO_EXACT, null,
                "{\"rule\":\"PERSONAL_ID_EXACT\"}", "linking-engine", db.clock.instant()));
    }

    private static String pbkdf2(String password, String salt, int iterations) {
        try {
            byte[] saltBytes = salt.getBytes(StandardCharsets.UTF_8);
            byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(password.toCharArray(), saltBytes, iterations, 256)).getEncoded();
            return "{pbkdf2-sha256}" + iterations + "$" + Base64.getEncoder().encodeToString(saltBytes) + "$"
                    + Base64.getEncoder().encodeToString(hash);
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
