package vn.portal.bridge.domain.model.encoding;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VietnameseSyllablesTest {

    @Test
    void acceptsEverySyllableOfTheNameCorpus() {
        for (String name : VietnameseCorpus.NAMES) {
            for (String syllable : name.split(" ")) {
                assertThat(VietnameseSyllables.isSyllable(syllable)).as(syllable).isTrue();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"gì", "giữ", "già", "quý", "quyển", "khuya", "khuỷu", "hoà", "hòa", "thuỷ", "thúy",
        "rượu", "nghiêng", "xoong", "thuở", "oanh", "uyên", "ước", "ích", "kênh", "huỳnh", "quạ", "ạch"})
    void acceptsSyllablesWithTheHarderSpellings(String syllable) {
        assertThat(VietnameseSyllables.isSyllable(syllable)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "NguyƠn", // TCVN3 "NguyÔn" read as VNI
        "Nguyeón", // VNI "Nguyeãn" read as TCVN3
        "Nguyờịn", // Windows-1258 read as TCVN3
        "Thiũ", "ThÞ", "Th\u0303", "Lª", "Trýừng",
        "hoàá", // two tones
        "tac", "bằp", "hàt", // stop finals take only sắc or nặng
        "kan", "ci", "ghu", "qu", "ăn̈", "ăm" + "x", "anhh", "ưch", "ayn"})
    void rejectsMisreadingsAndNonSyllables(String word) {
        assertThat(VietnameseSyllables.isSyllable(word)).isFalse();
    }

    @Test
    void rejectsToneMarksInTheWrongPlace() {
        assertThat(VietnameseSyllables.isSyllable("hoàn")).isTrue();
        assertThat(VietnameseSyllables.isSyllable("hòan")).isFalse();
        assertThat(VietnameseSyllables.isSyllable("tuấn")).isTrue();
        assertThat(VietnameseSyllables.isSyllable("túân")).isFalse();
        assertThat(VietnameseSyllables.isSyllable("mùa")).isTrue();
        assertThat(VietnameseSyllables.isSyllable("muà")).isFalse();
    }
}
