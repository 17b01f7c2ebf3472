package vn.portal.bridge.infrastructure.persistence.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import vn.portal.bridge.domain.model.identity.Gender;
import vn.portal.bridge.domain.model.identity.PersonalId;
import vn.portal.bridge.domain.model.legacy.AccountSelection;
import vn.portal.bridge.domain.model.legacy.AccountStatus;
import vn.portal.bridge.domain.model.legacy.IdNumberKind;
import vn.portal.bridge.domain.model.legacy.InvalidLegacyAccountException;
import vn.portal.bridge.domain.model.legacy.LegacyAccount;
import vn.portal.bridge.domain.model.legacy.LegacyAccountRepository;
import vn.portal.bridge.domain.model.legacy.UnknownAgencyException;
import vn.portal.bridge.domain.model.legacy.UpsertCounts;
import vn.portal.bridge.domain.model.link.IdentityLink;
import vn.portal.bridge.domain.model.link.LinkMethod;
import vn.portal.bridge.domain.model.link.ReviewCause;
import vn.portal.bridge.domain.model.link.ReviewItem;

class JdbcLegacyAccountRepositoryTest {

    private final LinkingDatabase db = new LinkingDatabase();
    private final LegacyAccountRepository accounts = db.services.legacyAccounts();

    @AfterEach
    void close() {
        db.close();
    }

    private static List<LegacyAccount> accountsOf(String agency, int from, int to) {
        List<LegacyAccount> batch = new ArrayList<>();
        for (int n = from; n < to; n++) {
            batch.add(People.account(agency, n));
        }
        return batch;
    }

    @Test
    void storesEveryFieldRawAndNormalised() {
        LegacyAccount sent = LegacyAccount.builder("BHXH", "BH-0001")
                .username("thuy.nguyen")
                .fullName("  nguyễn   thị  thuý ")
                .birthDate(LocalDate.of(1990, 2, 28))
                .gender(Gender.FEMALE)
                .idNumber("001 190 000 021")
                .phone("0168.234.5678")
                .email("thuy@example.vn")
                .passwordHash("{sha1}c2FsdA$5baa61e4c9b93f3f0682250b6cf8331b7ee68fd8")
                .createdAt(Instant.parse("2012-06-01T01:02:03.123456789Z"))
                .lastLoginAt(Instant.parse("2024-04-30T23:59:59Z"))
                .status(AccountStatus.LOCKED)
                .source("accounts-bhxh.csv", 2)
                .build();

        assertThat(accounts.upsert(List.of(sent))).isEqualTo(new UpsertCounts(1, 0, 0));

        LegacyAccount stored = accounts.findByKey("BHXH", "BH-0001").orElseThrow();
        assertThat(stored.id()).isPresent();
        assertThat(stored.rawFullName()).contains("nguyễn   thị  thuý");
        assertThat(stored.fullName().orElseThrow().display()).isEqualTo("Nguyễn Thị Thúy");
        assertThat(stored.nameKey()).contains("nguyen thi thuy");
        assertThat(stored.birthDate()).contains(LocalDate.of(1990, 2, 28));
        assertThat(stored.gender()).contains(Gender.FEMALE);
        assertThat(stored.idNumberKind()).isEqualTo(IdNumberKind.PERSONAL_ID);
        assertThat(stored.idNumber().raw()).contains("001 190 000 021");
        assertThat(stored.idNumber().personalId()).contains(PersonalId.parse("001190000021"));
        assertThat(stored.rawPhone()).contains("0168.234.5678");
        assertThat(stored.phone().orElseThrow().value()).isEqualTo("0382345678");
        assertThat(stored.email()).contains("thuy@example.vn");
        assertThat(stored.passwordHash()).contains("{sha1}c2FsdA$5baa61e4c9b93f3f0682250b6cf8331b7ee68fd8");
        assertThat(stored.createdAt()).contains(Instant.parse("2012-06-01T01:02:03.123456Z"));
        assertThat(stored.lastLoginAt()).contains(Instant.parse("2024-04-30T23:59:59Z"));
        assertThat(stored.status()).isEqualTo(AccountStatus.LOCKED);
        assertThat(stored.importedAt()).contains(LinkingDatabase.NOW);
        assertThat(stored.sourceFile()).contains("accounts-bhxh.csv");
        assertThat(stored.sourceLine()).contains(2);
        assertThat(stored.contentHash()).isEqualTo(sent.contentHash());

        // The JDBC read path (used for streaming) rebuilds the same account as the JPA one.
        List<LegacyAccount> streamed = new ArrayList<>();
        accounts.forEach(AccountSelection.agency("BHXH"), streamed::add);
        assertThat(streamed).singleElement().satisfies(s -> {
            assertThat(s.id()).isEqualTo(stored.id());
            assertThat(s.fullName()).isEqualTo(stored.fullName());
            assertThat(s.idNumber()).isEqualTo(stored.idNumber());
            assertThat(s.phone()).isEqualTo(stored.phone());
            assertThat(s.createdAt()).isEqualTo(stored.createdAt());
            assertThat(s.contentHash()).isEqualTo(stored.contentHash());
        });
    }

    @Test
    void reimportingTheSameRowsChangesNothing() throws Exception {
        accounts.upsert(accountsOf("BCA", 0, 50));
        String importedBefore = db.queryString("SELECT MAX(imported_at) FROM legacy_account");

        assertThat(accounts.upsert(accountsOf("BCA", 0, 50))).isEqualTo(new UpsertCounts(0, 0, 50));
        assertThat(db.queryLong("SELECT COUNT(*) FROM legacy_account")).isEqualTo(50);
        assertThat(db.queryString("SELECT MAX(imported_at) FROM legacy_account")).isEqualTo(importedBefore);
    }

    @Test
    void correctedRowIsUpdatedInPlaceAndLosesItsUnlinkableVerdict() {
        accounts.upsert(accountsOf("BCA", 0, 3));
        long id = accounts.findByKey("BCA", "TK1").orElseThrow().id().orElseThrow();
        accounts.markUnlinkable(Map.of(id, "NOT_IN_REGISTER"));
        LegacyAccount corrected = LegacyAccount.builder("BCA", "TK1").fullName("Lê Văn Tám").birthDate(LocalDate.of(1985, 2, 2))
                .idNumber("012345678").status(AccountStatus.CLOSED).source("accounts-bca-v2.csv", 3).build();

        UpsertCounts counts = accounts.upsert(List.of(People.account("BCA", 0), corrected, People.account("BCA", 2),
                People.account("BCA", 3)));

        assertThat(counts).isEqualTo(new UpsertCounts(1, 1, 2));
        LegacyAccount stored = accounts.findById(id).orElseThrow();
        assertThat(stored.fullName().orElseThrow().display()).isEqualTo("Lê Văn Tám");
        assertThat(stored.idNumberKind()).isEqualTo(IdNumberKind.OLD_ID_CARD);
        assertThat(stored.status()).isEqualTo(AccountStatus.CLOSED);
        assertThat(stored.sourceFile()).contains("accounts-bca-v2.csv");
        assertThat(stored.unlinkableReason()).isEmpty();
    }

    @Test
    void keyRepeatedInOneBatchCountsAsInsertThenUpdate() {
        LegacyAccount second = LegacyAccount.builder("BCA", "TK7").fullName("Phạm Thị Hồng").build();

        assertThat(accounts.upsert(List.of(People.account("BCA", 7), second))).isEqualTo(new UpsertCounts(1, 1, 0));
        assertThat(accounts.findByKey("BCA", "TK7").orElseThrow().rawFullName()).contains("Phạm Thị Hồng");
    }

    @Test
    void unknownAgencyRejectsTheWholeBatch() throws Exception {
        List<LegacyAccount> batch = new ArrayList<>(accountsOf("BCA", 0, 5));
        batch.add(People.account("SO-KHONG-CO", 9));

        assertThatThrownBy(() -> accounts.upsert(batch))
                .isInstanceOf(UnknownAgencyException.class)
                .hasMessageContaining("SO-KHONG-CO")
                .extracting(e -> ((UnknownAgencyException) e).agencyCode()).isEqualTo("SO-KHONG-CO");
        assertThat(db.queryLong("SELECT COUNT(*) FROM legacy_account")).isZero();
    }

    @Test
    void streamsPageAfterPageInIdOrderWithinAgencyAndRange() {
        int total = JdbcWork.PAGE_SIZE * 2 + 17;
        for (int from = 0; from < total; from += 1000) {
            accounts.upsert(accountsOf("BHXH", from, Math.min(total, from + 1000)));
        }
        accounts.upsert(accountsOf("BTP", 0, 10));

        List<Long> ids = new ArrayList<>();
        long passed = accounts.forEach(AccountSelection.agency("BHXH"), a -> ids.add(a.id().orElseThrow()));

        assertThat(passed).isEqualTo(total);
        assertThat(ids).hasSize(total).isSorted().doesNotHaveDuplicates();
        assertThat(accounts.count(AccountSelection.agency("BHXH"))).isEqualTo(total);
        assertThat(accounts.count(AccountSelection.all())).isEqualTo(total + 10);
        LegacyAccountRepository.IdRange range = accounts.idRange(AccountSelection.agency("BHXH")).orElseThrow();
        assertThat(range.lowest()).isEqualTo(ids.get(0));
        assertThat(range.highest()).isEqualTo(ids.get(ids.size() - 1));
        assertThat(range.count()).isEqualTo(total);

        long middle = ids.get(1000);
        List<Long> part = new ArrayList<>();
        accounts.forEach(AccountSelection.agency("BHXH").ids(range.lowest(), middle), a -> part.add(a.id().orElseThrow()));
        assertThat(part).isEqualTo(ids.subList(0, 1001));
        assertThat(accounts.idRange(AccountSelection.agency("BCA"))).isEmpty();
    }

    @Test
    void undecidedSelectionLeavesOutLinkedQueuedAndUnlinkableAccounts() {
        accounts.upsert(accountsOf("BCA", 0, 5));
        long linked = idOf("TK0");
        long queued = idOf("TK1");
        long unlinkable = idOf("TK2");
        db.services.identityLinks().store(new IdentityLink(PersonalId.parse(People.personalId(0)), linked, LinkMethod.AUTO_EXACT,
                null, "{\"rule\":\"personal-id\"}", "linking-engine", LinkingDatabase.NOW));
        db.services.reviewItems().store(new ReviewItem(queued, ReviewCause.SCORE_BETWEEN_THRESHOLDS, "[]", null, null,
                "linking-engine", LinkingDatabase.NOW));
        assertThat(accounts.markUnlinkable(Map.of(unlinkable, "NOT_IN_REGISTER"))).isEqualTo(1);

        List<String> undecided = new ArrayList<>();
        accounts.forEach(AccountSelection.agency("BCA").undecided(), a -> undecided.add(a.accountId()));

        assertThat(undecided).containsExactly("TK3", "TK4");
        assertThat(accounts.count(AccountSelection.all().undecided())).isEqualTo(2);
        assertThat(accounts.findById(unlinkable).orElseThrow().unlinkableReason()).contains("NOT_IN_REGISTER");

        assertThat(accounts.clearUnlinkable(List.of(unlinkable, linked))).isEqualTo(1);
        assertThat(accounts.count(AccountSelection.all().undecided())).isEqualTo(3);
    }

    @Test
    void revokedLinksAndRejectedReviewsStayDecidedSoARerunDoesNotRedoThem() {
        accounts.upsert(accountsOf("BCA", 0, 3));
        IdentityLink link = db.services.identityLinks().store(new IdentityLink(PersonalId.parse(People.personalId(0)), idOf("TK0"),
                LinkMethod.AUTO_EXACT, null, "{}", "linking-engine", LinkingDatabase.NOW));
        link.revoke("reviewer:a", "không phải chủ tài khoản", LinkingDatabase.NOW);
        db.services.identityLinks().store(link);
        ReviewItem item = db.services.reviewItems().store(new ReviewItem(idOf("TK1"), ReviewCause.AUTO_LINK_VETOED, "[]", null,
                null, "linking-engine", LinkingDatabase.NOW));
        db.services.reviewItems().resolveByRejecting(item.id().orElseThrow(), "reviewer:a", "không ai trong danh sách",
                LinkingDatabase.NOW);

        List<String> undecided = new ArrayList<>();
        accounts.forEach(AccountSelection.all().undecided(), a -> undecided.add(a.accountId()));

        assertThat(undecided).containsExactly("TK2");
    }

    @Test
    void refusesUnlinkableReasonsThatAreNotCodes() {
        accounts.upsert(accountsOf("BCA", 0, 1));
        long id = idOf("TK0");

        assertThatThrownBy(() -> accounts.markUnlinkable(Map.of(id, "không có trong CSDL")))
                .isInstanceOf(InvalidLegacyAccountException.class)
                .hasMessageContaining("upper-case code");
        assertThat(accounts.findById(id).orElseThrow().unlinkableReason()).isEmpty();
    }

    @Test
    void findsAccountsByIdNumberAndByNameKeyAndBirthYear() {
        accounts.upsert(accountsOf("BCA", 0, 20));
        accounts.upsert(accountsOf("BHXH", 5, 6));

        assertThat(accounts.findByIdNumber(People.personalId(5))).extracting(LegacyAccount::agencyCode)
                .containsExactly("BCA", "BHXH");
        assertThat(accounts.findByNameKeyAndBirthYear("nguyen van an", 1985)).extracting(LegacyAccount::accountId)
                .containsExactly("TK0");
        assertThat(accounts.findByNameKeyAndBirthYear("nguyen van an", 1986)).isEmpty();
    }

    private long idOf(String accountId) {
        return accounts.findByKey("BCA", accountId).orElseThrow().id().orElseThrow();
    }
}
