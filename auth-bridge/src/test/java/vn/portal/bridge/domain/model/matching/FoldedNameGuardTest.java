package vn.portal.bridge.domain.model.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.portal.bridge.domain.model.matching.Fixtures.account;
import static vn.portal.bridge.domain.model.matching.Fixtures.person;
import static vn.portal.bridge.domain.model.matching.Fixtures.pid;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import vn.portal.bridge.domain.model.identity.Gender;
import vn.portal.bridge.domain.model.identity.OldIdNumber;
import vn.portal.bridge.domain.model.identity.PhoneNumber;

/**
 * The policy for names that agree only without diacritics: an account name with no diacritics at all can only
 * be compared folded, so it may link by score only when the register spells its given name one way or an id
 * number separates look-alikes; an account name whose diacritics differ from the register's is a different
 * name and never links by score or through an old ID card.
 */
class FoldedNameGuardTest {

    static final String THUY_HOOK = "001196004401";
    static final String THUY_ACUTE_ELSEWHERE = "038188004402";
    static final String MINH = "001085004403";
    static final String TU_GRAVE_ELSEWHERE = "079070004404";

    /**
     * The fixtures' register (twins Tú and Tư, Hoa and Hồng, Huỳnh Thị Thúy ...) plus Nguyễn Thị Thủy, whose twin
     * sister Thúy is not in it, and unrelated people who show that the register also spells "thuy" as Thúy.
     */
    static List<PersonRecord> register() {
        List<PersonRecord> people = new ArrayList<>(Fixtures.register());
        people.add(person(THUY_HOOK, "Nguyễn Thị Thủy", "1996-09-02", Gender.FEMALE, "0912000222", "012000222"));
        people.add(person(THUY_ACUTE_ELSEWHERE, "Lê Thị Thúy", "1988-01-20", Gender.FEMALE, "0913000333", null));
        people.add(person(MINH, "Nguyễn Văn Minh", "1985-06-30", Gender.MALE, "0914000444", null));
        return people;
    }

    private final Matcher matcher = new Matcher(RegisterIndex.of(register()), MatchingModel.loadDefault());

    private static Properties defaults() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MatchingModel.class.getResourceAsStream(MatchingModel.DEFAULT_RESOURCE)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void asciiNguyenThiThuyIsNotLinkedToNguyenThiThuyWithHookWhenTheRegisterAlsoKnowsThuyWithAcute() {
        // Thúy's account from an old system: everything agrees with her twin Thủy, who is the one registered
        Decision decision = matcher.decide(account("BHXH/T1", "Nguyen Thi Thuy", "1996-09-02")
                .gender(Gender.FEMALE).phone(PhoneNumber.parse("0912 000 222")).build());

        assertThat(decision.outcome()).isEqualTo(Outcome.REVIEW);
        assertThat(decision.linkedPersonalId()).isEmpty();
        assertThat(decision.reviewReason()).contains(ReviewReason.FOLDED_NAME_AMBIGUOUS);
        assertThat(decision.evidence().rule()).isEqualTo(DecisionRule.FOLDED_NAME_GUARD);
        assertThat(decision.reviewCandidates()).containsExactly(pid(THUY_HOOK));
        // the weights alone would have linked her: this is the guard, not the thresholds
        assertThat(decision.score().getAsDouble()).isGreaterThanOrEqualTo(10.0);
        assertThat(decision.evidence().notes()).singleElement().asString()
                .startsWith("the account's name is written without diacritics, so the given name 'Thuy' agrees with ")
                .contains("'Thủy' only once folded", "among women the register spells 'thuy' as Thúy 2, Thủy 1",
                        "66.7% of them otherwise", "no id number agrees");
        String json = decision.evidence().toJson();
        assertThat(JsonSyntax.isValid(json)).as(json).isTrue();
        assertThat(json).contains("\"outcome\":\"REVIEW\"", "\"rule\":\"FOLDED_NAME_GUARD\"",
                "\"review_reason\":\"FOLDED_NAME_AMBIGUOUS\"", "only once folded");
        assertThat(decision.evidence().explain()).contains("Decided by guard: a name without diacritics that fits several "
                + "spellings.", "Review because the name agrees only without diacritics");
    }

    @Test
    void theSameAsciiAccountLinksWhenAnIdNumberSeparatesTheTwins() {
        Decision withOldCard = matcher.decide(account("BHXH/T2", "NGUYEN THI THUY", "1996-09-02")
                .gender(Gender.FEMALE).phone(PhoneNumber.parse("0912000222"))
                .oldIdNumber(OldIdNumber.parse("012000222")).build());
        assertThat(withOldCard.outcome()).isEqualTo(Outcome.AUTO_REGISTER);
        assertThat(withOldCard.linkedPersonalId()).contains(pid(THUY_HOOK));

        // one digit mistyped still names her, and a twin's number would differ in several random digits
        Decision withMistypedId = matcher.decide(account("BHXH/T3", "Nguyen Thi Thuy", "1996-09-02")
                .gender(Gender.FEMALE).phone(PhoneNumber.parse("0912000222")).personalId(pid("001196004407")).build());
        assertThat(withMistypedId.outcome()).isEqualTo(Outcome.AUTO_SCORED);
        assertThat(withMistypedId.linkedPersonalId()).contains(pid(THUY_HOOK));
    }

    @Test
    void asciiNameWhoseGivenNameTheRegisterSpellsOneWayStillLinksByScore() {
        // "Minh" has no other spelling in the register: folded agreement is full agreement
        Decision decision = matcher.decide(account("BHXH/M1", "Nguyen Van Minh", "1985-06-30")
                .gender(Gender.MALE).phone(PhoneNumber.parse("0914000444")).build());

        assertThat(decision.outcome()).isEqualTo(Outcome.AUTO_SCORED);
        assertThat(decision.linkedPersonalId()).contains(pid(MINH));
        assertThat(decision.evidence().notes()).isEmpty();
    }

    @Test
    void asciiLeVanTuWithTuHornsPhoneGoesToReviewNotToEitherTwin() {
        // Tú and Tư are both registered with their own phones; "Tu" fits both, the phone only one of them
        Decision decision = matcher.decide(account("BTP/U1", "Le Van Tu", "1988-02-10")
                .gender(Gender.MALE).phone(PhoneNumber.parse("0905111333")).build());

        assertThat(decision.outcome()).isEqualTo(Outcome.REVIEW);
        assertThat(decision.reviewReason()).contains(ReviewReason.FOLDED_NAME_AMBIGUOUS);
        assertThat(decision.evidence().candidates().get(0).personalId()).isEqualTo(pid(Fixtures.TU_HORN));
        assertThat(decision.evidence().notes()).singleElement().asString()
                .contains("among men the register spells 'tu' as Tú 1, Tư 1", "50.0% of them otherwise");
    }

    @Test
    void asciiTuIsReviewedEvenWhenHisTwinIsAbsentBecauseTheRegisterKnowsTheOtherSpelling() {
        // Tú's twin Tư is missing from this extract; another Tư elsewhere shows the name is spelt both ways
        List<PersonRecord> people = new ArrayList<>(Fixtures.register().stream()
                .filter(p -> !p.personalId().value().equals(Fixtures.TU_HORN)).toList());
        people.add(person(TU_GRAVE_ELSEWHERE, "Trần Văn Tư", "1970-04-30", Gender.MALE, null, null));
        Matcher withoutTuHorn = new Matcher(RegisterIndex.of(people), MatchingModel.loadDefault());

        Decision decision = withoutTuHorn.decide(account("BTP/U2", "Le Van Tu", "1988-02-10")
                .gender(Gender.MALE).phone(PhoneNumber.parse("0905111222")).build());

        assertThat(decision.outcome()).isEqualTo(Outcome.REVIEW);
        assertThat(decision.reviewReason()).contains(ReviewReason.FOLDED_NAME_AMBIGUOUS);
        assertThat(decision.reviewCandidates()).containsExactly(pid(Fixtures.TU));
    }

    @Test
    void tuWrittenWithDiacriticsLinksToTuAndNeverToTuHorn() {
        Decision tu = matcher.decide(account("BTP/U3", "Lê Văn Tú", "1988-02-10")
                .gender(Gender.MALE).phone(PhoneNumber.parse("0905111222")).build());
        assertThat(tu.outcome()).isEqualTo(Outcome.AUTO_SCORED);
        assertThat(tu.linkedPersonalId()).contains(pid(Fixtures.TU));

        // Tú's account that carries Tư's phone: the diacritics differ, which is a disagreement, not a typo
        Decision crossed = matcher.decide(account("BTP/U4", "Lê Văn Tú", "1988-02-10")
                .gender(Gender.MALE).phone(PhoneNumber.parse("0905111333")).build());
        assertThat(crossed.outcome()).isEqualTo(Outcome.REVIEW);
        assertThat(crossed.reviewReason()).contains(ReviewReason.AUTO_LINK_VETOED);
        assertThat(crossed.linkedPersonalId()).isEmpty();
    }

    @Test
    void oldCardOfTheTwinWithOtherDiacriticsIsNotAnAgreeingNameWhenTheOwnerIsAbsent() {
        // Huỳnh Thị Thủy's account carries the old card of Huỳnh Thị Thúy (same birth date); Thủy is not registered
        Decision decision = matcher.decide(account("THUE/T4", "Huỳnh Thị Thủy", "1979-12-03")
                .gender(Gender.FEMALE).oldIdNumber(OldIdNumber.parse("361000333")).build());

        assertThat(decision.outcome()).isEqualTo(Outcome.REVIEW);
        assertThat(decision.reviewReason()).contains(ReviewReason.AUTO_LINK_VETOED);
        assertThat(decision.reviewCandidates()).containsExactly(pid(Fixtures.THUY));
        assertThat(decision.evidence().notes()).anyMatch(note -> note.contains(
                "whose name differs from the account's only in diacritics; diacritics that differ do not count as an agreeing name"));
        assertThat(decision.evidence().notes()).anyMatch(note -> note.contains("given name is at level DIACRITICS_DIFFER"));
    }

    @Test
    void asciiKhoiIsNeverLinkedToKhoaTheTwinInTheRegister() {
        // Khôi and Khoa fold to different keys: one letter apart, which the model vetoes for automatic links
        Matcher onlyKhoa = new Matcher(RegisterIndex.of(List.of(
                person("001210000002", "Hoàng Minh Khoa", "2010-06-01", Gender.MALE, "0977000111", null),
                person("001210000003", "Vũ Đức Khôi", "2011-03-03", Gender.MALE, null, null))),
                MatchingModel.loadDefault());

        Decision decision = onlyKhoa.decide(account("GD/K1", "Hoang Minh Khoi", "2010-06-01")
                .gender(Gender.MALE).phone(PhoneNumber.parse("0977000111")).build());

        assertThat(decision.outcome()).isEqualTo(Outcome.REVIEW);
        assertThat(decision.reviewReason()).contains(ReviewReason.AUTO_LINK_VETOED);
        assertThat(decision.evidence().notes()).anyMatch(note -> note.contains("given name is at level ONE_EDIT"));
    }

    @Test
    void registerNameWithoutDiacriticsCannotConfirmAnAccountThatHasThem() {
        Matcher asciiRegister = new Matcher(RegisterIndex.of(List.of(
                person("001196004501", "Nguyen Thi Thuy", "1996-09-02", Gender.FEMALE, "0912000555", null),
                person("001196004502", "Phạm Thị Thủy", "1990-02-02", Gender.FEMALE, null, null))),
                MatchingModel.loadDefault());

        Decision decision = asciiRegister.decide(account("BHXH/T5", "Nguyễn Thị Thúy", "1996-09-02")
                .gender(Gender.FEMALE).phone(PhoneNumber.parse("0912000555")).build());

        assertThat(decision.outcome()).isEqualTo(Outcome.REVIEW);
        assertThat(decision.reviewReason()).contains(ReviewReason.FOLDED_NAME_AMBIGUOUS);
        assertThat(decision.evidence().notes()).singleElement().asString()
                .startsWith("the register's name is written without diacritics");
    }

    @Test
    void aBarOfZeroSendsEveryFoldedOnlyAgreementWithoutIdNumberToReview() throws IOException {
        Properties properties = defaults();
        properties.setProperty("auto-scored.folded-name.min-other-spelling-share", "0");
        Matcher strict = new Matcher(RegisterIndex.of(register()), MatchingModel.fromProperties(properties));

        Decision minh = strict.decide(account("BHXH/M2", "Nguyen Van Minh", "1985-06-30")
                .gender(Gender.MALE).phone(PhoneNumber.parse("0914000444")).build());
        assertThat(minh.outcome()).isEqualTo(Outcome.REVIEW);
        assertThat(minh.reviewReason()).contains(ReviewReason.FOLDED_NAME_AMBIGUOUS);

        // written with its diacritics, the same account links
        Decision withDiacritics = strict.decide(account("BHXH/M3", "Nguyễn Văn Minh", "1985-06-30")
                .gender(Gender.MALE).phone(PhoneNumber.parse("0914000444")).build());
        assertThat(withDiacritics.outcome()).isEqualTo(Outcome.AUTO_SCORED);
    }

    @Test
    void onlySpellingsOfTheAccountsGenderLeaveAnAsciiGivenNameOpen() {
        // Dung is a woman's name, Dũng a man's: "Nguyen Thi Dung", a woman, can only be Dung
        List<PersonRecord> people = new ArrayList<>(register());
        people.add(person("001195004601", "Nguyễn Thị Dung", "1995-05-05", Gender.FEMALE, "0915000555", null));
        people.add(person("001095004602", "Trần Văn Dũng", "1995-06-06", Gender.MALE, null, null));
        Matcher withDung = new Matcher(RegisterIndex.of(people), MatchingModel.loadDefault());

        Decision woman = withDung.decide(account("BHXH/D1", "Nguyen Thi Dung", "1995-05-05")
                .gender(Gender.FEMALE).phone(PhoneNumber.parse("0915000555")).build());
        assertThat(woman.outcome()).isEqualTo(Outcome.AUTO_SCORED);
        assertThat(woman.linkedPersonalId()).contains(pid("001195004601"));

        // without a gender the account could be a Dũng's as far as the register can tell
        Decision unknown = withDung.decide(account("BHXH/D2", "Nguyen Thi Dung", "1995-05-05")
                .phone(PhoneNumber.parse("0915000555")).build());
        assertThat(unknown.outcome()).isEqualTo(Outcome.REVIEW);
        assertThat(unknown.reviewReason()).contains(ReviewReason.FOLDED_NAME_AMBIGUOUS);
        assertThat(unknown.evidence().notes()).singleElement().asString()
                .contains("the register spells 'dung' as Dung 1, Dũng 1");
    }

    @Test
    void registerCountsHowEachFoldedGivenNameIsSpelt() {
        RegisterIndex index = RegisterIndex.of(register());

        GivenNameSpellings thuy = index.givenNameSpellings("thuy").orElseThrow();
        assertThat(thuy.spellings()).containsExactly("Thúy", "Thủy");
        assertThat(thuy.total()).isEqualTo(3);
        assertThat(thuy.count("Thủy")).isEqualTo(1);
        assertThat(thuy.otherSpellingShare("Thủy")).isEqualTo(2.0 / 3.0);
        assertThat(thuy.otherSpellingShare("Thúy")).isEqualTo(1.0 / 3.0);
        assertThat(thuy.otherSpellingShare("Thủy", Gender.FEMALE)).isEqualTo(2.0 / 3.0);
        assertThat(thuy.otherSpellingShare("Thủy", Gender.MALE)).isZero();
        assertThat(thuy.count("Thúy", Gender.FEMALE)).isEqualTo(2);
        assertThat(index.givenNameSpellings("minh").orElseThrow().otherSpellingShare("Minh")).isZero();
        assertThat(index.givenNameSpellings("khoi")).isEmpty();
    }
}
