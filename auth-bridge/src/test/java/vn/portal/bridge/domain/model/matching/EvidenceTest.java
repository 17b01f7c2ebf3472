package vn.portal.bridge.domain.model.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.portal.bridge.domain.model.matching.Fixtures.account;

import org.junit.jupiter.api.Test;

import vn.portal.bridge.domain.model.identity.Gender;
import vn.portal.bridge.domain.model.identity.PhoneNumber;

class EvidenceTest {

    private final Matcher matcher = Fixtures.matcher();

    private Decision huong() {
        return matcher.decide(account("DVC/9", "Pham Thi Thu Huong", "1992-05-11")
                .gender(Gender.FEMALE).phone(PhoneNumber.parse("01666123456")).build());
    }

    @Test
    void jsonCarriesOutcomeScoreThresholdsAndEveryComparison() {
        Decision decision = huong();
        String json = decision.evidence().toJson();

        assertThat(JsonSyntax.isValid(json)).as(json).isTrue();
        assertThat(json).startsWith("{\"model\":\"vn-legacy-accounts/")
                .contains("\"account\":\"DVC/9\"")
                .contains("\"outcome\":\"AUTO_SCORED\"")
                .contains("\"rule\":\"SCORE_THRESHOLDS\"")
                .contains("\"linked_personal_id\":\"" + Fixtures.HUONG + "\"")
                .contains("\"band\":\"AT_OR_ABOVE_UPPER\"")
                .contains("\"thresholds\":{\"upper\":10,\"lower\":-2,\"competing_margin\":5}")
                .contains("\"found_by\":[\"phone\",\"name_key_birth_year\"]")
                .contains("{\"comparison\":\"birth_date\",\"level\":\"DAY_MONTH_SWAPPED\",\"weight\":9.5507}")
                .contains("{\"comparison\":\"personal_id\",\"level\":\"MISSING\",\"weight\":0}")
                .contains("\"prior_weight\":-19.9316");
    }

    @Test
    void scoreIsThePriorPlusTheComparisonWeights() {
        Decision decision = huong();
        CandidateEvidence best = decision.evidence().candidates().get(0);

        double sum = decision.evidence().priorWeight()
                + best.comparisons().stream().mapToDouble(ComparisonResult::weight).sum();
        assertThat(best.score()).isCloseTo(sum, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(decision.score().getAsDouble()).isEqualTo(best.score());
        assertThat(best.matchProbability()).isGreaterThan(0.999);
    }

    @Test
    void explanationNamesEachComparisonItsWeightAndTheThresholdCrossed() {
        String text = huong().evidence().explain();

        assertThat(text).contains("Account DVC/9: linked automatically: match weight above the upper threshold (personal ID 0401******78).")
                .contains("at or above the upper threshold +10.00")
                .contains("birth date: day and month swapped +9.55")
                .contains("phone number: exactly equal +12.43")
                .contains("given name: equal once diacritics are folded, one side written without diacritics +5.42")
                .contains("prior -19.93")
                .doesNotContain(Fixtures.HUONG);
    }

    @Test
    void reviewEvidenceExplainsTheGuardThatFired() {
        Decision decision = matcher.decide(account("BHXH/4", "Trần Thị Hoa", "1995-07-08")
                .personalId(Fixtures.pid(Fixtures.HONG)).build());
        String json = decision.evidence().toJson();
        String text = decision.evidence().explain();

        assertThat(JsonSyntax.isValid(json)).as(json).isTrue();
        assertThat(json).contains("\"review_reason\":\"CONTRADICTING_ID_NUMBER\"").contains("\"linked_personal_id\":null")
                .contains("\"id_number_target\":true");
        assertThat(text).contains("Review because the account's id number points to a different person than its name and birth date")
                .contains("the number may be mistyped");
    }

    @Test
    void vetoingLevelIsMarkedInJson() {
        Decision decision = matcher.decide(account("DVC/18", "Huỳnh Thị Thủy", "1979-12-03")
                .gender(Gender.FEMALE).phone(PhoneNumber.parse("0939000333")).build());

        assertThat(decision.evidence().toJson())
                .contains("{\"comparison\":\"given_name\",\"level\":\"DIACRITICS_DIFFER\",\"weight\":2.3219,\"vetoes_auto_link\":true}")
                .contains("\"review_reason\":\"AUTO_LINK_VETOED\"");
        assertThat(decision.evidence().explain()).contains("given name: same letters with different diacritics +2.32 "
                + "(forbids an automatic scored link)");
    }

    @Test
    void unlinkableEvidenceHasNoScoreAndSaysWhy() {
        Decision decision = matcher.decide(account("X/3", "Võ Thị Sáu", "1933-01-01").build());
        String json = decision.evidence().toJson();

        assertThat(JsonSyntax.isValid(json)).as(json).isTrue();
        assertThat(json).contains("\"score\":null").contains("\"band\":\"NOT_SCORED\"")
                .contains("\"unlinkable_reason\":\"NOT_IN_REGISTER\"").contains("\"candidates\":[]");
        assertThat(decision.evidence().explain()).contains("Unlinkable because no register person shares");
    }

    @Test
    void jsonEscapesQuotesAndControlCharactersInReferences() {
        Decision decision = matcher.decide(AccountRecord.builder("A\"B\\C\n\u0001").build());
        String json = decision.evidence().toJson();

        assertThat(JsonSyntax.isValid(json)).as(json).isTrue();
        assertThat(json).contains("\"account\":\"A\\\"B\\\\C\\n\\u0001\"");
    }

    @Test
    void vietnameseTextStaysReadableInJson() {
        Decision decision = matcher.decide(account("Sở Tư pháp/7", "Tài khoản thử", null).build());

        assertThat(decision.evidence().toJson()).contains("\"account\":\"Sở Tư pháp/7\"")
                .contains("test-account word 'tai khoan thu'");
    }
}
