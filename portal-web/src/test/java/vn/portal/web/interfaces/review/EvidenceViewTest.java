package vn.portal.web.interfaces.review;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EvidenceViewTest {

    /** Shaped exactly like Evidence.toJson of the matching package: an account sent to review between two people. */
    private static final String REVIEW = "{\"model\":\"default-2024\",\"account\":\"BHXH/BH-0042\",\"outcome\":\"REVIEW\","
            + "\"rule\":\"COMPETING_IDENTITIES_GUARD\",\"linked_personal_id\":null,\"review_reason\":\"COMPETING_IDENTITIES\","
            + "\"unlinkable_reason\":null,\"score\":18.66,\"match_probability\":0.99999,\"band\":\"AT_OR_ABOVE_UPPER\","
            + "\"thresholds\":{\"upper\":10.0,\"lower\":-2.0,\"competing_margin\":3.0},\"prior_weight\":-19.93,"
            + "\"candidates\":["
            + "{\"personal_id\":\"001085012345\",\"score\":18.66,\"match_probability\":0.99999,\"id_number_target\":false,"
            + "\"found_by\":[\"phone\",\"name_key_birth_year\"],\"comparisons\":["
            + "{\"comparison\":\"given_name\",\"level\":\"EXACT\",\"weight\":5.37,\"m\":0.95,\"u\":0.023,\"vetoes_auto_link\":false},"
            + "{\"comparison\":\"birth_date\",\"level\":\"DAY_MONTH_SWAPPED\",\"weight\":7.1,\"m\":0.02,\"u\":0.0001,\"vetoes_auto_link\":false},"
            + "{\"comparison\":\"phone\",\"level\":\"MISSING\",\"weight\":0.0,\"vetoes_auto_link\":false}]},"
            + "{\"personal_id\":\"001085012399\",\"score\":17.9,\"match_probability\":0.99998,\"id_number_target\":false,"
            + "\"found_by\":[\"name_key_birth_year\"],\"comparisons\":["
            + "{\"comparison\":\"gender\",\"level\":\"DISAGREE\",\"weight\":-4.2,\"m\":0.01,\"u\":0.5,\"vetoes_auto_link\":true}]}],"
            + "\"notes\":[\"Two register people fit within the competing margin.\"]}";

    @Test
    void laysOutRuleThresholdsAndEachCandidatesComparisons() {
        EvidenceView view = EvidenceView.parse(REVIEW);

        assertThat(view.valid()).isTrue();
        assertThat(view.rule()).isEqualTo("COMPETING_IDENTITIES_GUARD");
        assertThat(view.reviewReason()).isEqualTo("COMPETING_IDENTITIES");
        assertThat(view.score()).isEqualTo("+18.66");
        assertThat(view.upper()).isEqualTo("+10.00");
        assertThat(view.lower()).isEqualTo("-2.00");
        assertThat(view.candidates()).hasSize(2);
        EvidenceView.Candidate first = view.candidates().get(0);
        assertThat(first.maskedPersonalId()).isEqualTo("0010******45");
        assertThat(first.matchProbability()).isEqualTo("1.0000");
        assertThat(first.foundBy()).containsExactly("phone", "name_key_birth_year");
        assertThat(first.comparisons()).extracting(EvidenceView.Row::field, EvidenceView.Row::level, EvidenceView.Row::weight,
                EvidenceView.Row::agreed)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("given_name", "EXACT", "+5.37", true),
                        org.assertj.core.groups.Tuple.tuple("birth_date", "DAY_MONTH_SWAPPED", "+7.10", true),
                        org.assertj.core.groups.Tuple.tuple("phone", "MISSING", "+0.00", false));
        assertThat(view.candidates().get(1).comparisons()).singleElement()
                .satisfies(row -> assertThat(row.vetoes()).isTrue());
        assertThat(view.notes()).containsExactly("Two register people fit within the competing margin.");
    }

    @Test
    void aCitizenSeesOnlyTheirOwnComparison() {
        EvidenceView own = EvidenceView.parse(REVIEW).onlyFor("001085012345");

        assertThat(own.candidates()).extracting(EvidenceView.Candidate::personalId).containsExactly("001085012345");
        assertThat(own.notes()).isEmpty();
        assertThat(own.raw()).isEmpty();
        assertThat(own.score()).isEqualTo("+18.66");
        assertThat(EvidenceView.parse(REVIEW).onlyFor("079301001234").candidates()).isEmpty();
    }

    @Test
    void textThatIsNotEvidenceIsKeptRawAndMarkedInvalid() {
        assertThat(EvidenceView.parse("{\"total\":").valid()).isFalse();
        assertThat(EvidenceView.parse("[1,2]").valid()).isFalse();
        assertThat(EvidenceView.parse("[1,2]").raw()).isEqualTo("[1,2]");
        assertThat(EvidenceView.parse(null).valid()).isFalse();
        EvidenceView sparse = EvidenceView.parse("{\"rule\":\"PERSONAL_ID_IN_REGISTER\"}");
        assertThat(sparse.valid()).isTrue();
        assertThat(sparse.candidates()).isEmpty();
        assertThat(sparse.score()).isEmpty();
    }
}
