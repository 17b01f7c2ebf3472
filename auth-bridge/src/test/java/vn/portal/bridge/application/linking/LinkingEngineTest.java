package vn.portal.bridge.application.linking;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.text.Normalizer;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.portal.bridge.domain.model.audit.AuditEvent;
import vn.portal.bridge.domain.model.audit.AuditEventType;
import vn.portal.bridge.domain.model.citizen.CitizenIdentity;
import vn.portal.bridge.domain.model.identity.AssuranceLevel;
import vn.portal.bridge.domain.model.identity.Gender;
import vn.portal.bridge.domain.model.identity.PersonalId;
import vn.portal.bridge.domain.model.link.IdentityLink;
import vn.portal.bridge.domain.model.link.LinkMethod;
import vn.portal.bridge.domain.model.link.LinkState;
import vn.portal.bridge.domain.model.link.ReviewCause;
import vn.portal.bridge.domain.model.link.ReviewItem;
import vn.portal.bridge.domain.model.matching.MatchingModel;
import vn.portal.bridge.domain.model.matching.Outcome;
import vn.portal.bridge.domain.model.matching.RegisterIndex;
import vn.portal.bridge.domain.model.matching.ReviewReason;
import vn.portal.bridge.domain.model.matching.Thresholds;
import vn.portal.bridge.domain.model.matching.UnlinkableReason;
import vn.portal.bridge.domain.model.name.VietnameseName;
import vn.portal.bridge.domain.model.population.PopulationRecord;
import vn.portal.bridge.infrastructure.persistence.jpa.JpaCitizenIdentityRepository;

class LinkingEngineTest {

    private final LinkingFixture db = new LinkingFixture();
    private final LinkingEngine engine = db.services.linkingEngine();

    @BeforeEach
    void register() {
        db.loadRegister();
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static PersonalId pid(String digits) {
        return PersonalId.parse(digits);
    }

    private IdentityLink currentLink(long accountId) {
        return db.services.identityLinks().findCurrentByAccount(accountId).orElseThrow();
    }

    private ReviewItem openItem(long accountId) {
        return db.services.reviewItems().findOpenByAccount(accountId).orElseThrow();
    }

    @Test
    void theMatcherIndexesEveryoneInTheRegisterFromOneScan() {
        long before = db.services.populationRecords().count();
        int added = 6_000; // several fetch pages
        List<PopulationRecord> batch = new ArrayList<>();
        for (int n = 0; n < added; n++) {
            batch.add(SyntheticPeople.person(n));
            if (batch.size() == 1000) {
                db.services.populationRecords().upsert(batch);
                batch.clear();
            }
        }

        RegisterIndex index = engine.loadMatcher().index();

        assertThat(index.size()).isEqualTo(before + added);
        assertThat(index.byPersonalId(SyntheticPeople.person(0).personalId())).isPresent();
        assertThat(index.byPersonalId(SyntheticPeople.person(added - 1).personalId())).isPresent();
    }

    @Test
    void aRunThatLoadsTheRegisterReportsTheLoadFirstThenProgressUpToTheAccountsItCounted() throws SQLException {
        db.store(
                db.account("BHXH", "000123", "NGUYEN VAN AN", "1990-03-15", Gender.MALE, LinkingFixture.AN, "0912 345 678").build(),
                db.account("BHXH", "000125", "Khách nước ngoài", "1980-01-01", null, "B1234567", null).build());
        List<String> told = new ArrayList<>();

        LinkingSummary summary = engine.run(LinkingOptions.agency("BHXH"), new ProgressListener() {
            @Override
            public void progress(long done, long total) {
                told.add("progress " + done + "/" + total);
            }

            @Override
            public void registerLoaded(int people, Duration took) {
                told.add("register " + people);
            }
        });

        assertThat(told).containsExactly("register " + db.services.populationRecords().count(), "progress 2/2");
        assertThat(summary.accountsSeen()).isEqualTo(2);
    }

    @Test
    void linksPersonalIdFoundInRegisterExactlyWithEvidenceAndAudit() throws SQLException {
        String decomposed = Normalizer.normalize("Huỳnh Thị Thuý", Normalizer.Form.NFD);
        List<Long> ids = db.store(
                db.account("BHXH", "000123", "NGUYEN VAN AN", "1990-03-15", Gender.MALE, LinkingFixture.AN, "0912 345 678").build(),
                db.account("BHXH", "000124", decomposed, "1979-12-03", Gender.FEMALE, "092 179 000 333", null).build());

        LinkingSummary summary = engine.run(LinkingOptions.agency("BHXH"));

        assertThat(summary.accountsSeen()).isEqualTo(2);
        assertThat(summary.autoLinked(LinkMethod.AUTO_EXACT)).isEqualTo(2);
        assertThat(summary.errors()).isZero();
        IdentityLink an = currentLink(ids.get(0));
        assertThat(an.personalId()).isEqualTo(pid(LinkingFixture.AN));
        assertThat(an.method()).isEqualTo(LinkMethod.AUTO_EXACT);
        assertThat(an.state()).isEqualTo(LinkState.ACTIVE);
        assertThat(an.createdBy()).isEqualTo(LinkingEngine.ACTOR);
        assertThat(an.score()).isPresent();
        assertThat(an.evidence()).hasValueSatisfying(json -> assertThat(json)
                .contains("\"outcome\":\"AUTO_EXACT\"", "\"rule\":\"PERSONAL_ID_IN_REGISTER\"", LinkingFixture.AN, "BHXH/000123"));
        assertThat(currentLink(ids.get(1)).personalId()).isEqualTo(pid(LinkingFixture.THUY));

        List<AuditEvent> created = db.services.auditLog().recent(AuditEventType.LINK_CREATED, 10);
        assertThat(created).hasSize(2);
        assertThat(created).allSatisfy(event -> {
            assertThat(event.actor()).contains(LinkingEngine.ACTOR);
            assertThat(event.reason()).contains("AUTO_EXACT");
        });
        assertThat(created).extracting(e -> e.target().orElseThrow())
                .containsExactlyInAnyOrder("legacy_account/" + ids.get(0), "legacy_account/" + ids.get(1));
        AuditEvent batch = db.services.auditLog().recent(AuditEventType.LINK_BATCH, 1).get(0);
        String linksDigest = LinkingEngine.decisionDigest(List.of(currentLink(ids.get(0)), currentLink(ids.get(1))));
        assertThat(batch.details()).hasValueSatisfying(details -> assertThat(details)
                .contains("accounts=2", "links_sha256=" + linksDigest));
        assertThat(db.services.auditLog().verify().isIntact()).isTrue();
    }

    @Test
    void linksOldNineDigitIdThroughPopulationRegister() {
        List<Long> ids = db.store(db.account("BTP", "LLTP-77", "Nguyen Van An", "1990-03-15", Gender.MALE, "012 345 678", null).build());

        LinkingSummary summary = engine.run(LinkingOptions.agency("BTP"));

        assertThat(summary.autoLinked(LinkMethod.AUTO_REGISTER)).isEqualTo(1);
        IdentityLink link = currentLink(ids.get(0));
        assertThat(link.personalId()).isEqualTo(pid(LinkingFixture.AN));
        assertThat(link.method()).isEqualTo(LinkMethod.AUTO_REGISTER);
        assertThat(link.evidence()).hasValueSatisfying(json -> assertThat(json).contains("OLD_ID_THROUGH_REGISTER"));
    }

    @Test
    void oldIdSettlesAnAsciiNameSharedByTwins() {
        List<Long> ids = db.store(db.account("BTP", "LLTP-78", "Le Van Tu", "1988-02-10", Gender.MALE, "025111223", null).build());

        engine.run(LinkingOptions.agency("BTP"));

        assertThat(currentLink(ids.get(0)).personalId()).isEqualTo(pid(LinkingFixture.TU_HORN));
    }

    @Test
    void scoredLinkForAnAccountWithoutIdNumber() {
        List<Long> ids = db.store(db.account("UBND-HN", "dvc-9", "Pham Thi Thu Huong", "1992-05-11",
                Gender.FEMALE, null, "01666 123 456").build());

        LinkingSummary summary = engine.run(LinkingOptions.agency("UBND-HN"));

        assertThat(summary.autoLinked(LinkMethod.AUTO_SCORED)).isEqualTo(1);
        IdentityLink link = currentLink(ids.get(0));
        assertThat(link.personalId()).isEqualTo(pid(LinkingFixture.HUONG));
        assertThat(link.score()).hasValueSatisfying(score -> assertThat(score).isGreaterThan(BigDecimal.TEN));
        assertThat(link.evidence()).hasValueSatisfying(json -> assertThat(json).contains("DAY_MONTH_SWAPPED"));
    }

    @Test
    void namesakesBornTheSameDayGoToReviewWithBothCandidates() {
        List<Long> ids = db.store(db.account("BHXH", "lan-1985", "Phạm Thị Lan", "1985-04-04", Gender.FEMALE, null, null).build());

        LinkingSummary summary = engine.run(LinkingOptions.agency("BHXH"));

        assertThat(summary.sentToReview()).containsEntry(ReviewReason.BETWEEN_THRESHOLDS, 1L);
        assertThat(summary.autoLinkedTotal()).isZero();
        assertThat(db.services.identityLinks().findCurrentByAccount(ids.get(0))).isEmpty();
        ReviewItem item = openItem(ids.get(0));
        assertThat(item.cause()).isEqualTo(ReviewCause.SCORE_BETWEEN_THRESHOLDS);
        assertThat(item.openedBy()).isEqualTo(LinkingEngine.ACTOR);
        assertThat(item.candidates()).hasValueSatisfying(json -> assertThat(json)
                .contains(LinkingFixture.LAN_NAMDINH, LinkingFixture.LAN_THANHHOA, "\"review_reason\":\"BETWEEN_THRESHOLDS\""));
        AuditEvent opened = db.services.auditLog().recent(AuditEventType.LINK_REVIEW_OPENED, 1).get(0);
        assertThat(opened.target()).contains("legacy_account/" + ids.get(0));
        assertThat(opened.details()).hasValueSatisfying(d -> assertThat(d).contains(LinkingFixture.LAN_NAMDINH, LinkingFixture.LAN_THANHHOA));
    }

    @Test
    void competingIdentitiesAreNeverLinkedAutomatically() {
        // Thresholds low enough that either namesake alone would be linked: they compete, so a person decides.
        LinkingEngine eager = db.engineWith(MatchingModel.loadDefault().withThresholds(new Thresholds(5.0, -2.0, 5.0)));
        List<Long> ids = db.store(db.account("BHXH", "lan-1985", "Phạm Thị Lan", "1985-04-04", Gender.FEMALE, null, null).build());

        LinkingSummary summary = eager.run(LinkingOptions.agency("BHXH"));

        assertThat(summary.sentToReview()).containsEntry(ReviewReason.COMPETING_IDENTITIES, 1L);
        assertThat(openItem(ids.get(0)).cause()).isEqualTo(ReviewCause.COMPETING_IDENTITIES);
        assertThat(db.services.identityLinks().findCurrentByAccount(ids.get(0))).isEmpty();
    }

    @Test
    void idNumberPointingAtSomeoneElseGoesToReview() {
        // Bảo's account carries An's personal ID: the number says An, name, birth date and phone say Bảo.
        List<Long> ids = db.store(
                db.account("BHXH", "bao-01", "Đặng Quốc Bảo", "2001-01-09", Gender.MALE, LinkingFixture.AN, "0339998877").build(),
                // Hoa's account with her twin sister Hồng's personal ID
                db.account("BHXH", "hoa-95", "Trần Thị Hoa", "1995-07-08", Gender.FEMALE, LinkingFixture.HONG, "0987654321").build());

        LinkingSummary summary = engine.run(LinkingOptions.agency("BHXH"));

        assertThat(summary.sentToReview()).containsEntry(ReviewReason.CONTRADICTING_ID_NUMBER, 2L);
        assertThat(summary.autoLinkedTotal()).isZero();
        ReviewItem bao = openItem(ids.get(0));
        assertThat(bao.cause()).isEqualTo(ReviewCause.CONTRADICTING_ID_NUMBER);
        assertThat(bao.candidates()).hasValueSatisfying(json -> assertThat(json).contains(LinkingFixture.AN, LinkingFixture.BAO));
        assertThat(openItem(ids.get(1)).candidates()).hasValueSatisfying(json ->
                assertThat(json).contains(LinkingFixture.HOA, LinkingFixture.HONG));
    }

    @Test
    void givenNameWithOtherDiacriticsIsVetoedToReviewDespiteAHighScore() {
        // Thủy is not Thúy: everything else agrees, yet the model never links that automatically.
        List<Long> ids = db.store(db.account("BHXH", "thuy-79", "Huỳnh Thị Thủy", "1979-12-03", Gender.FEMALE, null, "0939000333").build());

        LinkingSummary summary = engine.run(LinkingOptions.agency("BHXH"));

        assertThat(summary.sentToReview()).containsEntry(ReviewReason.AUTO_LINK_VETOED, 1L);
        ReviewItem item = openItem(ids.get(0));
        assertThat(item.cause()).isEqualTo(ReviewCause.AUTO_LINK_VETOED);
        assertThat(item.candidates()).hasValueSatisfying(json -> assertThat(json).contains(LinkingFixture.THUY));
    }

    @Test
    void asciiNameThatFitsBothTwinsGoesToReviewWithTheFoldedNameCause() {
        // "Le Van Tu" is Tú or Tư; Tư's phone alone does not tell an account of Tú's that borrowed it
        List<Long> ids = db.store(db.account("BTP", "tu-88", "Le Van Tu", "1988-02-10", Gender.MALE, null, "0905111333").build());

        LinkingSummary summary = engine.run(LinkingOptions.agency("BTP"));

        assertThat(summary.sentToReview()).containsEntry(ReviewReason.FOLDED_NAME_AMBIGUOUS, 1L);
        assertThat(db.services.identityLinks().findCurrentByAccount(ids.get(0))).isEmpty();
        ReviewItem item = openItem(ids.get(0));
        assertThat(item.cause()).isEqualTo(ReviewCause.FOLDED_NAME_AMBIGUOUS);
        assertThat(item.candidates()).hasValueSatisfying(json -> assertThat(json).contains(LinkingFixture.TU_HORN,
                "\"review_reason\":\"FOLDED_NAME_AMBIGUOUS\"", "only once folded"));
    }

    @Test
    void foreignersWithPassportsAndTestAccountsEndUnlinkableWithAReason() throws SQLException {
        List<Long> ids = db.store(
                db.account("UBND-HCM", "fr-001", "Martin Dubois", "1978-06-21", Gender.MALE, "C4567890", null).build(),
                db.account("UBND-HCM", "kr-002", "Kim Min Jun", "1990-02-14", Gender.MALE, "M12345678", "0901234999").build(),
                db.account("UBND-HCM", "test-01", "Tài khoản Test", "2000-01-01", null, null, null).build());

        LinkingSummary summary = engine.run(LinkingOptions.agency("UBND-HCM"));

        assertThat(summary.unlinkable(UnlinkableReason.FOREIGN_PASSPORT)).isEqualTo(2);
        assertThat(summary.unlinkable(UnlinkableReason.TEST_ACCOUNT)).isEqualTo(1);
        assertThat(summary.errors()).isZero();
        assertThat(db.services.legacyAccounts().findById(ids.get(0)).orElseThrow().unlinkableReason()).contains("FOREIGN_PASSPORT");
        assertThat(db.services.legacyAccounts().findById(ids.get(2)).orElseThrow().unlinkableReason()).contains("TEST_ACCOUNT");
        assertThat(db.queryLong("SELECT COUNT(*) FROM identity_link")).isZero();
        assertThat(db.queryLong("SELECT COUNT(*) FROM review_item")).isZero();
        AuditEvent batch = db.services.auditLog().recent(AuditEventType.LINK_BATCH, 1).get(0);
        assertThat(batch.details()).hasValueSatisfying(d -> assertThat(d).contains("FOREIGN_PASSPORT=2", "TEST_ACCOUNT=1"));
    }

    @Test
    void namesakeBelowTheLowerThresholdIsNoMatchAndStaysUndecided() {
        List<Long> ids = db.store(db.account("BHXH", "hung-90", "Nguyễn Văn Hùng", "1990-08-03", Gender.MALE, null, "0904000999").build());

        LinkingSummary first = engine.run(LinkingOptions.agency("BHXH"));
        LinkingSummary second = engine.run(LinkingOptions.agency("BHXH"));

        assertThat(first.noMatch()).isEqualTo(1);
        assertThat(second.noMatch()).isEqualTo(1);
        assertThat(db.services.identityLinks().findCurrentByAccount(ids.get(0))).isEmpty();
        assertThat(db.services.reviewItems().findOpenByAccount(ids.get(0))).isEmpty();
        assertThat(db.services.legacyAccounts().findById(ids.get(0)).orElseThrow().unlinkableReason()).isEmpty();
    }

    @Test
    void reRunningChangesNothing() throws SQLException {
        db.store(
                db.account("BHXH", "a1", "Nguyễn Văn An", "1990-03-15", Gender.MALE, LinkingFixture.AN, null).build(),
                db.account("BHXH", "a2", "Phạm Thị Lan", "1985-04-04", Gender.FEMALE, null, null).build(),
                db.account("BHXH", "a3", "Martin Dubois", "1978-06-21", Gender.MALE, "C4567890", null).build());
        engine.run(LinkingOptions.agency("BHXH"));
        long links = db.queryLong("SELECT COUNT(*) FROM identity_link");
        long items = db.queryLong("SELECT COUNT(*) FROM review_item");
        long events = db.queryLong("SELECT COUNT(*) FROM audit_event WHERE event_type <> 'LINK_BATCH'");

        LinkingSummary again = engine.run(LinkingOptions.agency("BHXH"));

        assertThat(again.accountsSeen()).isZero();
        assertThat(db.queryLong("SELECT COUNT(*) FROM identity_link")).isEqualTo(links).isEqualTo(1);
        assertThat(db.queryLong("SELECT COUNT(*) FROM review_item")).isEqualTo(items).isEqualTo(1);
        assertThat(db.queryLong("SELECT COUNT(*) FROM audit_event WHERE event_type <> 'LINK_BATCH'")).isEqualTo(events);
    }

    @Test
    void disputedOrRevokedLinkIsNeverRecreatedAutomatically() throws SQLException {
        List<Long> ids = db.store(
                db.account("BHXH", "an-1", "Nguyễn Văn An", "1990-03-15", Gender.MALE, LinkingFixture.AN, null).build(),
                db.account("BHXH", "bao-1", "Đặng Quốc Bảo", "2001-01-09", Gender.MALE, LinkingFixture.BAO, null).build());
        engine.run(LinkingOptions.agency("BHXH"));
        IdentityLink an = currentLink(ids.get(0));
        IdentityLink bao = currentLink(ids.get(1));
        // An disputes: the link is DISPUTED, still holding the account. Bảo disputes and the reviewer upholds it: REVOKED.
        db.services.reviewItems().openDispute(an.id().orElseThrow(), pid(LinkingFixture.AN), "Tôi không dùng tài khoản này",
                "citizen:" + pid(LinkingFixture.AN).masked(), LinkingFixture.NOW);
        ReviewItem baoDispute = db.services.reviewItems().openDispute(bao.id().orElseThrow(), pid(LinkingFixture.BAO), null,
                "citizen:" + pid(LinkingFixture.BAO).masked(), LinkingFixture.NOW);
        db.services.reviewItems().resolveByRejecting(baoDispute.id().orElseThrow(), "reviewer:0011******21",
                "chủ tài khoản xác nhận không phải của mình", LinkingFixture.NOW);

        LinkingSummary again = engine.run(LinkingOptions.agency("BHXH"));

        assertThat(again.accountsSeen()).isZero();
        assertThat(again.autoLinkedTotal()).isZero();
        assertThat(currentLink(ids.get(0)).state()).isEqualTo(LinkState.DISPUTED);
        assertThat(db.services.identityLinks().findCurrentByAccount(ids.get(1))).isEmpty();
        assertThat(db.queryLong("SELECT COUNT(*) FROM identity_link WHERE legacy_account_id = ?", ids.get(1))).isEqualTo(1);
    }

    @Test
    void dryRunComputesTheSummaryAndWritesNothing() throws SQLException {
        db.store(
                db.account("BHXH", "a1", "Nguyễn Văn An", "1990-03-15", Gender.MALE, LinkingFixture.AN, null).build(),
                db.account("BHXH", "a2", "Phạm Thị Lan", "1985-04-04", Gender.FEMALE, null, null).build(),
                db.account("BHXH", "a3", "Martin Dubois", "1978-06-21", Gender.MALE, "C4567890", null).build(),
                db.account("BHXH", "a4", "Nguyễn Văn Hùng", "1990-08-03", Gender.MALE, null, "0904000999").build());
        long events = db.queryLong("SELECT COUNT(*) FROM audit_event");

        LinkingSummary dry = engine.run(LinkingOptions.agency("BHXH").dryRun(true));

        assertThat(dry.dryRun()).isTrue();
        assertThat(dry.accountsSeen()).isEqualTo(4);
        assertThat(dry.autoLinked(LinkMethod.AUTO_EXACT)).isEqualTo(1);
        assertThat(dry.sentToReviewTotal()).isEqualTo(1);
        assertThat(dry.unlinkable(UnlinkableReason.FOREIGN_PASSPORT)).isEqualTo(1);
        assertThat(dry.noMatch()).isEqualTo(1);
        assertThat(dry.report()).contains("dry run", "AUTO_EXACT", "FOREIGN_PASSPORT");
        assertThat(db.queryLong("SELECT COUNT(*) FROM identity_link")).isZero();
        assertThat(db.queryLong("SELECT COUNT(*) FROM review_item")).isZero();
        assertThat(db.queryLong("SELECT COUNT(*) FROM legacy_account WHERE unlinkable_reason IS NOT NULL")).isZero();
        assertThat(db.queryLong("SELECT COUNT(*) FROM audit_event")).isEqualTo(events);

        LinkingSummary real = engine.run(LinkingOptions.agency("BHXH"));
        assertThat(real.autoLinked()).isEqualTo(dry.autoLinked());
        assertThat(real.sentToReview()).isEqualTo(dry.sentToReview());
        assertThat(real.unlinkable()).isEqualTo(dry.unlinkable());
    }

    @Test
    void runCoversOnlyTheChosenAgency() {
        List<Long> ids = db.store(
                db.account("BHXH", "a1", "Nguyễn Văn An", "1990-03-15", Gender.MALE, LinkingFixture.AN, null).build(),
                db.account("BTP", "a1", "Nguyễn Văn An", "1990-03-15", Gender.MALE, LinkingFixture.AN, null).build());

        LinkingSummary summary = engine.run(LinkingOptions.agency("BTP"));

        assertThat(summary.accountsSeen()).isEqualTo(1);
        assertThat(db.services.identityLinks().findCurrentByAccount(ids.get(0))).isEmpty();
        assertThat(db.services.identityLinks().findCurrentByAccount(ids.get(1))).isPresent();
    }

    @Test
    void suggestsTheCitizensUnlinkedAccountsOnly() {
        List<Long> ids = db.store(
                // An's old CMND and an ASCII name: would be AUTO_REGISTER, not yet linked
                db.account("BTP", "an-old", "Nguyen Van An", "1990-03-15", Gender.MALE, "012345678", null).build(),
                // An's account already linked (to An): nothing left to claim
                db.account("BHXH", "an-linked", "Nguyễn Văn An", "1990-03-15", Gender.MALE, LinkingFixture.AN, null).build(),
                // Hồng's account sharing the twins' phone: the matcher gives it to Hồng, never suggested to Hoa
                db.account("UBND-HN", "hong", "Tran Thi Hong", "1995-07-08", Gender.FEMALE, null, "0987654321").build(),
                // Bảo's account holding An's personal ID: a reviewer must decide; An may see it among the candidates
                db.account("UBND-HCM", "bao-typo", "Đặng Quốc Bảo", "2001-01-09", Gender.MALE, LinkingFixture.AN, "0339998877").build());
        engine.run(LinkingOptions.agency("BHXH"));

        List<LinkSuggestion> forAn = engine.suggestionsFor(pid(LinkingFixture.AN));

        assertThat(forAn).extracting(LinkSuggestion::legacyAccountId).containsExactlyInAnyOrder(ids.get(0), ids.get(3));
        LinkSuggestion old = forAn.stream().filter(s -> s.legacyAccountId() == ids.get(0)).findFirst().orElseThrow();
        assertThat(old.outcome()).isEqualTo(Outcome.AUTO_REGISTER);
        assertThat(old.agencyCode()).isEqualTo("BTP");
        assertThat(old.accountId()).isEqualTo("an-old");
        assertThat(old.explanation()).isNotBlank();
        assertThat(forAn.stream().filter(s -> s.legacyAccountId() == ids.get(3)).findFirst().orElseThrow().outcome())
                .isEqualTo(Outcome.REVIEW);
        assertThat(engine.suggestionsFor(pid(LinkingFixture.HOA))).isEmpty();
        assertThat(engine.suggestionsFor(pid(LinkingFixture.HONG))).extracting(LinkSuggestion::legacyAccountId).containsExactly(ids.get(2));
        assertThat(engine.suggestion(pid(LinkingFixture.HOA), ids.get(2))).isEmpty();
        assertThat(engine.suggestion(pid(LinkingFixture.HONG), ids.get(2))).isPresent();
    }

    @Test
    void accountLinkedToSomeoneElseIsNeverSuggested() {
        List<Long> ids = db.store(db.account("BTP", "an-old", "Nguyen Van An", "1990-03-15", Gender.MALE, "012345678", null).build());
        db.services.identityLinks().store(new IdentityLink(pid(LinkingFixture.HUNG_HANOI), ids.get(0), LinkMethod.REVIEWED, null,
                null, "reviewer:0011******21", LinkingFixture.NOW));

        assertThat(engine.suggestionsFor(pid(LinkingFixture.AN))).isEmpty();
        assertThat(engine.suggestion(pid(LinkingFixture.AN), ids.get(0))).isEmpty();
    }

    @Test
    void signedInCitizenMissingFromTheRegisterExtractIsSuggestedTheAccountWithTheirPersonalId() {
        // Ngô Thị Mai signed in with VNeID; the register extract was taken before she was added to it.
        PersonalId mai = pid("001199004321");
        new JpaCitizenIdentityRepository(db.database.entityManagerFactory()).store(new CitizenIdentity(mai,
                VietnameseName.of("Ngô Thị Mai"), LocalDate.parse("1999-09-02"), Gender.FEMALE, AssuranceLevel.LEVEL_2,
                "vneid-sub-mai", LinkingFixture.NOW));
        List<Long> ids = db.store(
                db.account("UBND-HN", "mai-99", "Ngo Thi Mai", "1999-09-02", Gender.FEMALE, "001199004321", null).build(),
                db.account("UBND-HN", "mai-other", "Ngô Thị Mai", "1999-12-31", Gender.FEMALE, null, null).build());

        List<LinkSuggestion> suggestions = engine.suggestionsFor(mai);

        assertThat(suggestions).extracting(LinkSuggestion::legacyAccountId).containsExactly(ids.get(0));
        assertThat(suggestions.get(0).outcome()).isEqualTo(Outcome.AUTO_EXACT);
    }

    @Test
    void citizenAbsentFromTheRegisterGetsNoSuggestions() {
        db.store(db.account("BTP", "x", "Nguyễn Văn An", "1990-03-15", Gender.MALE, null, null).build());

        assertThat(engine.suggestionsFor(pid("001090099999"))).isEmpty();
    }

    @Test
    void exportsCurrentLinksAsCsv() throws Exception {
        db.store(
                db.account("BHXH", "000123", "Nguyễn Văn An", "1990-03-15", Gender.MALE, LinkingFixture.AN, null).build(),
                db.account("BTP", "Lê, \"Tư\"", "Le Van Tu", "1988-02-10", Gender.MALE, "025111223", null).build(),
                db.account("UBND-HN", "dvc-9", "Pham Thi Thu Huong", "1992-05-11", Gender.FEMALE, null, "01666 123 456").build());
        engine.run(LinkingOptions.all());

        StringWriter all = new StringWriter();
        long written = engine.exportLinks(all, LinkExportFilter.everything());
        StringWriter btp = new StringWriter();
        engine.exportLinks(btp, LinkExportFilter.everything().agency("BTP"));

        assertThat(written).isEqualTo(3);
        String[] lines = all.toString().split("\r\n");
        assertThat(lines[0]).isEqualTo("agency_code,account_id,personal_id,method,score,state");
        assertThat(lines).hasSize(4);
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("BHXH,000123," + LinkingFixture.AN + ",AUTO_EXACT,")
                .endsWith(",ACTIVE"));
        assertThat(lines).anySatisfy(line -> assertThat(line).matches("UBND-HN,dvc-9," + LinkingFixture.HUONG
                + ",AUTO_SCORED,-?\\d+\\.\\d{4},ACTIVE"));
        assertThat(btp.toString()).isEqualTo("agency_code,account_id,personal_id,method,score,state\r\n"
                + "BTP,\"Lê, \"\"Tư\"\"\"," + LinkingFixture.TU_HORN + ",AUTO_REGISTER,"
                + currentScore("BTP", "Lê, \"Tư\"") + ",ACTIVE\r\n");
    }

    private String currentScore(String agency, String accountId) {
        long id = db.services.legacyAccounts().findByKey(agency, accountId).orElseThrow().id().orElseThrow();
        return currentLink(id).score().map(BigDecimal::toPlainString).orElse("");
    }
}
