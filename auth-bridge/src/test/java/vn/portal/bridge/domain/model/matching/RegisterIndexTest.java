package vn.portal.bridge.domain.model.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.portal.bridge.domain.model.identity.Gender;
import vn.portal.bridge.domain.model.identity.OldIdNumber;
import vn.portal.bridge.domain.model.identity.PhoneNumber;

class RegisterIndexTest {

    private final RegisterIndex index = RegisterIndex.of(Fixtures.register());

    @Test
    void findsPeopleByEachBlockingKey() {
        assertThat(index.size()).isEqualTo(12);
        assertThat(index.byPersonalId(Fixtures.pid(Fixtures.AN))).map(p -> p.name().display()).contains("Nguyễn Văn An");
        assertThat(index.byOldIdNumber(OldIdNumber.parse("025111223"))).extracting(PersonRecord::personalId)
                .containsExactly(Fixtures.pid(Fixtures.TU_HORN));
        assertThat(index.byPhone(PhoneNumber.parse("0987654321"))).extracting(PersonRecord::personalId)
                .containsExactlyInAnyOrder(Fixtures.pid(Fixtures.HOA), Fixtures.pid(Fixtures.HONG));
        assertThat(index.byNameKeyAndBirthYear("nguyen van hung", 1990)).hasSize(2);
        assertThat(index.byNameKeyAndBirthYear("le van tu", 1988)).hasSize(2);
        assertThat(index.byNameKeyAndBirthYear("le van tu", 1989)).isEmpty();
    }

    @Test
    void largeBucketsKeepEveryone() {
        List<PersonRecord> family = new ArrayList<>();
        for (int i = 0; i < 37; i++) {
            family.add(Fixtures.person(String.format("001090%06d", i), "Nguyễn Văn Nam", "1990-01-01", Gender.MALE,
                    "0912000111", null));
        }
        RegisterIndex big = RegisterIndex.of(family);

        assertThat(big.byPhone(PhoneNumber.parse("0912000111"))).hasSize(37).doesNotHaveDuplicates();
        assertThat(big.byNameKeyAndBirthYear("nguyen van nam", 1990)).hasSize(37);
    }

    @Test
    void duplicatePersonalIdIsRefused() {
        List<PersonRecord> people = new ArrayList<>(Fixtures.register());
        people.add(Fixtures.person(Fixtures.AN, "Nguyễn Văn Ân", "1990-03-15", Gender.MALE, null, null));

        assertThatThrownBy(() -> RegisterIndex.of(people))
                .isInstanceOf(InvalidMatchRecordException.class)
                .hasMessage("personal ID 0010******45 occurs twice in the register extract");
    }

    @Test
    void countsCandidatePairsPerRuleAndNewPairsAcrossRules() {
        List<AccountRecord> accounts = List.of(
                // personal ID and name+year both find An: one pair, counted new only once
                Fixtures.account("A/1", "Nguyễn Văn An", "1990-03-15").personalId(Fixtures.pid(Fixtures.AN)).build(),
                // the twins' phone finds both sisters, the name block finds Hoa again
                Fixtures.account("A/2", "Tran Thi Hoa", "1995-07-08").phone(PhoneNumber.parse("0987654321")).build(),
                // nobody
                Fixtures.account("A/3", "Võ Thị Sáu", "1933-01-01").build(),
                // no key at all
                Fixtures.account("A/4", "Võ Thị Sáu", null).build());

        BlockingReport report = index.countCandidatePairs(accounts, MatchingModel.loadDefault().blockingRules(), 1000);

        assertThat(report.rules()).extracting(BlockingReport.RuleCount::rule).containsExactly(BlockingRule.PERSONAL_ID,
                BlockingRule.OLD_ID_NUMBER, BlockingRule.PHONE, BlockingRule.NAME_KEY_BIRTH_YEAR);
        assertThat(report.rules()).extracting(BlockingReport.RuleCount::pairs).containsExactly(1L, 0L, 2L, 2L);
        assertThat(report.rules()).extracting(BlockingReport.RuleCount::newPairs).containsExactly(1L, 0L, 2L, 0L);
        assertThat(report.distinctPairs()).isEqualTo(3);
        assertThat(report.accountsWithoutBlockingKey()).isEqualTo(1);
        assertThat(report.accountsWithoutCandidates()).isEqualTo(1);
        assertThat(report.render()).contains("name_key_birth_year").contains("distinct pairs");
    }

    @Test
    void oversizedBucketsAreSkippedAndCounted() {
        List<AccountRecord> accounts = List.of(
                Fixtures.account("A/2", "Tran Thi Hoa", "1995-07-08").phone(PhoneNumber.parse("0987654321")).build());

        BlockingReport report = index.countCandidatePairs(accounts, List.of(BlockingRule.PHONE), 1);

        assertThat(report.rules().get(0).skippedBuckets()).isEqualTo(1);
        assertThat(report.distinctPairs()).isZero();
    }
}
