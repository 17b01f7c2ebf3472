package vn.portal.bridge.domain.model.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.portal.bridge.domain.model.matching.Fixtures.account;
import static vn.portal.bridge.domain.model.matching.Fixtures.pid;

import java.text.Normalizer;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.portal.bridge.domain.model.identity.Gender;
import vn.portal.bridge.domain.model.identity.OldIdNumber;
import vn.portal.bridge.domain.model.identity.PhoneNumber;

class MatcherTest {

    private final Matcher matcher = Fixtures.matcher();

    private static Level level(Decision decision, ComparisonField field) {
        return decision.evidence().candidates().get(0).comparisons().stream()
                .filter(result -> result.field() == field).findFirst().orElseThrow().level();
    }

    @Test
    void linksValidPersonalIdFoundInRegisterWithAgreeingBirthDate() {
        Decision decision = matcher.decide(account("BHXH/1", "NGUYEN VAN AN", "1990-03-15")
                .personalId(pid(Fixtures.AN)).build());

        assertThat(decision.outcome()).isEqualTo(Outcome.AUTO_EXACT);
        assertThat(decision.linkedPersonalId()).contains(pid(Fixtures.AN));
        assertThat(decision.evidence().rule()).isEqualTo(DecisionRule.PERSONAL_ID_IN_REGISTER);
        assertThat(level(decision, ComparisonField.PERSONAL_ID)).isEqualTo(Level.EXACT);
        // "Nguyen Van" lost its diacritics; "An" never had any
        assertThat(level(decision, ComparisonField.FAMILY_AND_MIDDLE_NAME)).isEqualTo(Level.FOLDED_EQUAL);
        assertThat(level(decision, ComparisonField.GIVEN_NAME)).isEqualTo(Level.EXACT);
    }

    @Test
    void linksPersonalIdWithoutAnyNameOnTheAccount() {
        Decision decision = matcher.decide(account("BHXH/2", null, "1990-03-15").personalId(pid(Fixtures.AN)).build());

        assertThat(decision.outcome()).isEqualTo(Outcome.AUTO_EXACT);
    }

    @Test
    void decomposedNameWithTheOtherTonePlacementLinksExactly() {
        String nfd = Normalizer.normalize("Huỳnh Thị Thuý", Normalizer.Form.NFD);
        Decision decision = matcher.decide(account("DVC/3", nfd, "1979-12-03").personalId(pid(Fixtures.THUY)).build());

        assertThat(decision.outcome()).isEqualTo(Outcome.AUTO_EXACT);
        assertThat(level(decision, ComparisonField.GIVEN_NAME)).isEqualTo(Level.EXACT);
        assertThat(level(decision, ComparisonField.FAMILY_AND_MIDDLE_NAME)).isEqualTo(Level.EXACT);
    }

    @Test
    void personalIdOfTheTwinSisterGoesToReviewWithBothSisters() {
        // Hoa's account carries Hồng's number: same birth date, so only the name tells them apart.
        Decision decision = matcher.decide(account("BHXH/4", "Trần Thị Hoa", "1995-07-08")
                .personalId(pid(Fixtures.HONG)).phone(PhoneNumber.parse("0987654321")).build());

        assertThat(decision.outcome()).isEqualTo(Outcome.REVIEW);
        assertThat(decision.reviewReason()).contains(ReviewReason.CONTRADICTING_ID_NUMBER);
        assertThat(decision.reviewCandidates()).containsExactlyInAnyOrder(pid(Fixtures.HOA), pid(Fixtures.HONG));
        assertThat(decision.linkedPersonalId()).isEmpty();
    }

    @Test
    void personalIdOfTheTwinWithOtherDiacriticsGoesToReview() {
        // Tú's account with Tư's personal ID: "le van tu" either way, but Tú is in the register as written
        Decision decision = matcher.decide(account("BHXH/4d", "Lê Văn Tú", "1988-02-10")
                .personalId(pid(Fixtures.TU_HORN)).build());

        assertThat(decision.outcome()).isEqualTo(Outcome.REVIEW);
        assertThat(decision.reviewReason()).contains(ReviewReason.CONTRADICTING_ID_NUMBER);
        assertThat(decision.reviewCandidates()).containsExactlyInAnyOrder(pid(Fixtures.TU), pid(Fixtures.TU_HORN));
    }

    @Test
    void personalIdWithATypoInTheGivenNameIsStillAnExactLink() {
        Decision decision = matcher.decide(account("BHXH/4e", "Nguyễn Văn Am", "1990-03-15")
                .personalId(pid(Fixtures.AN)).build());

        assertThat(decision.outcome()).isEqualTo(Outcome.AUTO_EXACT);
        assertThat(decision.evidence().notes()).containsExactly(
                "the name differs slightly from the register (a typing slip); the personal ID and birth date decide");
        assertThat(level(decision, ComparisonField.GIVEN_NAME)).isEqualTo(Level.ONE_EDIT);
    }

    @Test
    void personalIdWhoseRegisterNameIsSomeoneElseGoesToReview() {
        // Hoa's account, Hồng's number, and Hoa herself missing from this register: the name contradicts
        Matcher withoutHoa = new Matcher(RegisterIndex.of(Fixtures.register().stream()
                .filter(p -> !p.personalId().value().equals(Fixtures.HOA)).toList()), MatchingModel.loadDefault());

        Decision decision = withoutHoa.decide(account("BHXH/4b", "Trần Thị Mai", "1995-07-08")
                .personalId(pid(Fixtures.HONG)).build());

        assertThat(decision.outcome()).isEqualTo(Outcome.REVIEW);
        assertThat(decision.reviewReason()).contains(ReviewReason.CONTRADICTING_ID_NUMBER);
        assertThat(decision.reviewCandidates()).containsExactly(pid(Fixtures.HONG));
    }

    @Test
    void personalIdWithTheMiddleNameLeftOutIsStillAnExactLink() {
        Decision decision = matcher.decide(account("BHXH/4c", "Phạm Hương", "1992-11-05")
                .personalId(pid(Fixtures.HUONG)).build());

        assertThat(decision.outcome()).isEqualTo(Outcome.AUTO_EXACT);
        assertThat(decision.evidence().notes()).anyMatch(note -> note.contains("the personal ID and birth date decide"));
    }

    @Test
    void personalIdWhoseBirthYearDisagreesIsNotAnExactLink() {
        Decision decision = matcher.decide(account("BHXH/5", "Nguyễn Văn An", "1991-03-15")
                .personalId(pid(Fixtures.AN)).build());

        assertThat(decision.outcome()).isEqualTo(Outcome.REVIEW);
        assertThat(level(decision, ComparisonField.BIRTH_DATE)).isEqualTo(Level.DISAGREE);
    }

    @Test
    void linksOldNineDigitIdThroughPopulationRegister() {
        Decision decision = matcher.decide(account("THUE/6", "Nguyen Van An", "1990-03-15")
                .oldIdNumber(OldIdNumber.parse("012 345 678")).build());

        assertThat(decision.outcome()).isEqualTo(Outcome.AUTO_REGISTER);
        assertThat(decision.linkedPersonalId()).contains(pid(Fixtures.AN));
        assertThat(decision.evidence().candidates().get(0).idNumberTarget()).isTrue();
    }

    @Test
    void oldIdOfTheTwinWhoseNameDiffersOnlyInDiacriticsGoesToReview() {
        // Tú's account with Tư's old card number: the folded keys agree, the diacritics do not.
        Decision decision = matcher.decide(account("THUE/7", "Lê Văn Tú", "1988-02-10")
                .oldIdNumber(OldIdNumber.parse("025111223")).build());

        assertThat(decision.outcome()).isEqualTo(Outcome.REVIEW);
        assertThat(decision.reviewReason()).contains(ReviewReason.CONTRADICTING_ID_NUMBER);
        assertThat(decision.reviewCandidates()).containsExactlyInAnyOrder(pid(Fixtures.TU), pid(Fixtures.TU_HORN));
    }

    @Test
    void oldIdSettlesAnAsciiNameSharedByTwins() {
        // "Le Van Tu" fits both twins; the card number names one of them.
        Decision decision = matcher.decide(account("THUE/8", "Le Van Tu", "1988-02-10")
                .oldIdNumber(OldIdNumber.parse("025111223")).build());

        assertThat(decision.outcome()).isEqualTo(Outcome.AUTO_REGISTER);
        assertThat(decision.linkedPersonalId()).contains(pid(Fixtures.TU_HORN));
    }

    @Test
    void scoredLinkSurvivesAsciiNameSwappedDayAndMonthAndPre2018PhoneNumber() {
        Decision decision = matcher.decide(account("DVC/9", "Pham Thi Thu Huong", "1992-05-11")
                .phone(PhoneNumber.parse("01666 123 456")).build());

        assertThat(decision.outcome()).isEqualTo(Outcome.AUTO_SCORED);
        assertThat(decision.linkedPersonalId()).contains(pid(Fixtures.HUONG));
        assertThat(level(decision, ComparisonField.BIRTH_DATE)).isEqualTo(Level.DAY_MONTH_SWAPPED);
        assertThat(level(decision, ComparisonField.PHONE)).isEqualTo(Level.EXACT);
        assertThat(level(decision, ComparisonField.GIVEN_NAME)).isEqualTo(Level.FOLDED_EQUAL);
        assertThat(decision.score().getAsDouble()).isGreaterThanOrEqualTo(10.0);
    }

    @Test
    void twinSistersSharingThePhoneAreEachLinkedToThemselves() {
        Decision hong = matcher.decide(account("BHXH/10", "Tran Thi Hong", "1995-07-08")
                .gender(Gender.FEMALE).phone(PhoneNumber.parse("+84 987 654 321")).build());
        Decision hoa = matcher.decide(account("BHXH/11", "Trần Thị Hoa", "1995-07-08")
                .gender(Gender.FEMALE).phone(PhoneNumber.parse("0987.654.321")).build());

        assertThat(hong.outcome()).isEqualTo(Outcome.AUTO_SCORED);
        assertThat(hong.linkedPersonalId()).contains(pid(Fixtures.HONG));
        assertThat(hoa.outcome()).isEqualTo(Outcome.AUTO_SCORED);
        assertThat(hoa.linkedPersonalId()).contains(pid(Fixtures.HOA));
        assertThat(hoa.evidence().candidates()).extracting(CandidateEvidence::personalId)
                .containsExactly(pid(Fixtures.HOA), pid(Fixtures.HONG));
    }

    @Test
    void twinAbsentFromTheRegisterIsNeverLinkedToTheSibling() {
        Matcher onlyKhoa = new Matcher(RegisterIndex.of(List.of(
                Fixtures.person("001210000002", "Hoàng Minh Khoa", "2010-06-01", Gender.MALE, "0977000111", null))),
                MatchingModel.loadDefault());

        Decision decision = onlyKhoa.decide(account("GD/12", "Hoàng Minh Khôi", "2010-06-01")
                .gender(Gender.MALE).phone(PhoneNumber.parse("0977000111")).build());

        assertThat(decision.outcome().isAutomaticLink()).isFalse();
        assertThat(decision.outcome()).isEqualTo(Outcome.REVIEW);
        assertThat(decision.reviewReason()).contains(ReviewReason.AUTO_LINK_VETOED);
        assertThat(decision.evidence().notes()).anyMatch(note -> note.contains("given name is at level ONE_EDIT"));
    }

    @Test
    void namesakeBornInTheSameYearIsNoMatch() {
        Decision decision = matcher.decide(account("BHXH/13", "Nguyễn Văn Hùng", "1990-08-03")
                .gender(Gender.MALE).phone(PhoneNumber.parse("0904000999")).build());

        assertThat(decision.outcome()).isEqualTo(Outcome.NO_MATCH);
        assertThat(decision.evidence().candidates()).hasSize(2);
        assertThat(decision.evidence().band()).isEqualTo(ScoreBand.BELOW_LOWER);
    }

    @Test
    void namesakesBornTheSameDayAreReviewedNeverLinked() {
        AccountRecord lan = account("BHXH/14", "Phạm Thị Lan", "1985-04-04").gender(Gender.FEMALE).build();

        Decision decision = matcher.decide(lan);

        assertThat(decision.outcome()).isEqualTo(Outcome.REVIEW);
        assertThat(decision.reviewReason()).contains(ReviewReason.BETWEEN_THRESHOLDS);
        assertThat(decision.reviewCandidates()).containsExactlyInAnyOrder(pid(Fixtures.LAN_NAMDINH), pid(Fixtures.LAN_THANHHOA));

        Matcher eager = new Matcher(matcher.index(), MatchingModel.loadDefault().withThresholds(new Thresholds(5.0, -2.0, 5.0)));
        Decision competing = eager.decide(lan);
        assertThat(competing.outcome()).isEqualTo(Outcome.REVIEW);
        assertThat(competing.reviewReason()).contains(ReviewReason.COMPETING_IDENTITIES);
    }

    @Test
    void mistypedPersonalIdStillLinksByScoreWithTheOneEditLevel() {
        Decision decision = matcher.decide(account("DVC/15", "Đặng Quốc Bảo", "2001-01-09")
                .personalId(pid("048201000787")).build());

        assertThat(decision.outcome()).isEqualTo(Outcome.AUTO_SCORED);
        assertThat(decision.linkedPersonalId()).contains(pid(Fixtures.BAO));
        assertThat(level(decision, ComparisonField.PERSONAL_ID)).isEqualTo(Level.ONE_EDIT);
    }

    @Test
    void invalidTwelveDigitNumberIsStillComparedForTypos() {
        // province code 049 does not exist: the number is invalid, yet one digit away from Bảo's
        Decision decision = matcher.decide(account("DVC/16", "Dang Quoc Bao", "2001-01-09")
                .invalidIdNumber("049 201 000 777").build());

        assertThat(decision.outcome()).isEqualTo(Outcome.AUTO_SCORED);
        assertThat(level(decision, ComparisonField.PERSONAL_ID)).isEqualTo(Level.ONE_EDIT);
    }

    @Test
    void personalIdNamingSomeoneElseThanTheBestMatchGoesToReview() {
        // Bảo's account with An's personal ID: the number says An, everything else says Bảo.
        Decision decision = matcher.decide(account("DVC/17", "Đặng Quốc Bảo", "2001-01-09")
                .personalId(pid(Fixtures.AN)).phone(PhoneNumber.parse("0339998877")).build());

        assertThat(decision.outcome()).isEqualTo(Outcome.REVIEW);
        assertThat(decision.reviewReason()).contains(ReviewReason.CONTRADICTING_ID_NUMBER);
        assertThat(decision.reviewCandidates()).contains(pid(Fixtures.BAO), pid(Fixtures.AN));
    }

    @Test
    void givenNameWithOtherDiacriticsIsReviewedEvenWithAHighScore() {
        // Thủy is not Thúy; everything else agrees
        Decision decision = matcher.decide(account("DVC/18", "Huỳnh Thị Thủy", "1979-12-03")
                .gender(Gender.FEMALE).phone(PhoneNumber.parse("0939000333")).build());

        assertThat(decision.outcome()).isEqualTo(Outcome.REVIEW);
        assertThat(decision.reviewReason()).contains(ReviewReason.AUTO_LINK_VETOED);
        assertThat(decision.score().getAsDouble()).isGreaterThanOrEqualTo(10.0);
    }

    @Test
    void foreignerWithPassportIsUnlinkable() {
        Decision decision = matcher.decide(account("XNC/19", "John Smith", "1980-01-01")
                .passportNumber("B1234567").build());

        assertThat(decision.outcome()).isEqualTo(Outcome.UNLINKABLE);
        assertThat(decision.unlinkableReason()).contains(UnlinkableReason.FOREIGN_PASSPORT);
    }

    @Test
    void testAccountsAreUnlinkableByNameOrEmail() {
        assertThat(matcher.decide(account("T/1", "Tài khoản thử", "2000-01-01").build()).unlinkableReason())
                .contains(UnlinkableReason.TEST_ACCOUNT);
        assertThat(matcher.decide(account("T/2", "Nguyễn Văn Test", null).build()).unlinkableReason())
                .contains(UnlinkableReason.TEST_ACCOUNT);
        Decision byEmail = matcher.decide(account("T/3", "Người Lạ", "2000-01-01").email("Test01@Example.com").build());
        assertThat(byEmail.outcome()).isEqualTo(Outcome.UNLINKABLE);
        assertThat(byEmail.unlinkableReason()).contains(UnlinkableReason.TEST_ACCOUNT);
        // "testament" is not "test"
        assertThat(matcher.decide(account("T/4", "Người Lạ", "2000-01-01").email("testament@gmail.com").build())
                .unlinkableReason()).contains(UnlinkableReason.NOT_IN_REGISTER);
    }

    @Test
    void accountWithoutUsableFieldsIsUnlinkable() {
        assertThat(matcher.decide(account("X/1", "Nguyễn Văn An", null).build()).unlinkableReason())
                .contains(UnlinkableReason.NO_USABLE_FIELDS);
        assertThat(matcher.decide(AccountRecord.builder("X/2").build()).unlinkableReason())
                .contains(UnlinkableReason.NO_USABLE_FIELDS);
    }

    @Test
    void personAbsentFromTheRegisterIsUnlinkable() {
        Decision decision = matcher.decide(account("X/3", "Võ Thị Sáu", "1933-01-01").gender(Gender.FEMALE).build());

        assertThat(decision.outcome()).isEqualTo(Outcome.UNLINKABLE);
        assertThat(decision.unlinkableReason()).contains(UnlinkableReason.NOT_IN_REGISTER);
        assertThat(decision.evidence().band()).isEqualTo(ScoreBand.NOT_SCORED);
    }

    @Test
    void missingMiddleNameIsToleratedWhenPhoneAndBirthDateAgree() {
        Decision decision = matcher.decide(account("DVC/20", "Phạm Hương", "1992-11-05")
                .gender(Gender.FEMALE).phone(PhoneNumber.parse("0366123456")).build());

        // "Phạm Hương" is not in the name block, but the phone finds her
        assertThat(decision.evidence().candidates().get(0).personalId()).isEqualTo(pid(Fixtures.HUONG));
        assertThat(decision.outcome()).isEqualTo(Outcome.AUTO_SCORED);
        assertThat(level(decision, ComparisonField.FAMILY_AND_MIDDLE_NAME)).isEqualTo(Level.MIDDLE_NAME_MISSING);
    }
}
