package vn.portal.bridge.domain.model.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class AssuranceLevelTest {

    @Test
    void convertsNumbersBothWays() {
        assertThat(AssuranceLevel.of(1)).isEqualTo(AssuranceLevel.LEVEL_1);
        assertThat(AssuranceLevel.of(2).number()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 3, -1})
    void refusesLevelsVneidDoesNotHave(int number) {
        assertThatThrownBy(() -> AssuranceLevel.of(number))
                .isInstanceOf(InvalidAssuranceLevelException.class)
                .hasMessage("assurance level " + number + " does not exist; VNeID levels are 1 and 2");
    }

    @ParameterizedTest
    @CsvSource({"1, LEVEL_1", "' 2 ', LEVEL_2", "LEVEL_1, LEVEL_1", "level_2, LEVEL_2",
            "urn:vneid:loa:1, LEVEL_1", "urn:vneid:loa:2, LEVEL_2", "URN:VNEID:LOA:2, LEVEL_2",
            "urn:example:gov:vn:acr:2, LEVEL_2"})
    void parsesAcceptedForms(String raw, AssuranceLevel expected) {
        assertThat(AssuranceLevel.parse(raw)).isEqualTo(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "3", "12", "LEVEL_3", "LEVEL_", "urn:vneid:loa:", "urn:vneid:loa:3",
            "http://example.vn/loa:2", "two", "1.0"})
    void rejectsOtherForms(String raw) {
        assertThatThrownBy(() -> AssuranceLevel.parse(raw)).isInstanceOf(InvalidAssuranceLevelException.class);
    }

    @Test
    void producesTheAcrValuesOfThePortalAndSandbox() {
        assertThat(AssuranceLevel.LEVEL_1.acr()).isEqualTo("urn:vneid:loa:1");
        assertThat(AssuranceLevel.LEVEL_2.acr()).isEqualTo("urn:vneid:loa:2");
        assertThat(AssuranceLevel.parse(AssuranceLevel.LEVEL_2.acr())).isEqualTo(AssuranceLevel.LEVEL_2);
    }

    @Test
    void higherLevelSatisfiesLowerRequirement() {
        assertThat(AssuranceLevel.LEVEL_2.satisfies(AssuranceLevel.LEVEL_1)).isTrue();
        assertThat(AssuranceLevel.LEVEL_2.satisfies(AssuranceLevel.LEVEL_2)).isTrue();
        assertThat(AssuranceLevel.LEVEL_1.satisfies(AssuranceLevel.LEVEL_1)).isTrue();
        assertThat(AssuranceLevel.LEVEL_1.satisfies(AssuranceLevel.LEVEL_2)).isFalse();
    }
}
