package vn.portal.bridge.domain.model.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.text.Normalizer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class GenderTest {

    @ParameterizedTest
    @ValueSource(strings = {"male", "MALE", " Male ", "m", "M", "nam", "Nam", "NAM"})
    void parsesMaleSpellings(String raw) {
        assertThat(Gender.parse(raw)).isEqualTo(Gender.MALE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"female", "Female", "f", "F", "nữ", "Nữ", "NỮ", "nu", "Nu", "NU"})
    void parsesFemaleSpellings(String raw) {
        assertThat(Gender.parse(raw)).isEqualTo(Gender.FEMALE);
    }

    @Test
    void parsesDecomposedNu() {
        String nfd = Normalizer.normalize("Nữ", Normalizer.Form.NFD);
        assertThat(nfd).hasSize(4);

        assertThat(Gender.parse(nfd)).isEqualTo(Gender.FEMALE);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "x", "nữa", "unknown", "1"})
    void rejectsAnythingElseWithClearMessage(String raw) {
        assertThatThrownBy(() -> Gender.parse(raw))
                .isInstanceOf(InvalidGenderException.class)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected male/female, nam/nữ or M/F");
    }

    @Test
    void exposesClaimValueAndVietnameseLabel() {
        assertThat(Gender.MALE.claimValue()).isEqualTo("male");
        assertThat(Gender.FEMALE.vietnameseLabel()).isEqualTo("Nữ");
    }
}
