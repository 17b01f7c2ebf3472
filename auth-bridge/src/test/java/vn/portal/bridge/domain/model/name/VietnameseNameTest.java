package vn.portal.bridge.domain.model.name;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.text.Normalizer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class VietnameseNameTest {

    @Test
    void composesDecomposedInput() {
        String nfd = Normalizer.normalize("Nguyễn Văn An", Normalizer.Form.NFD);

        VietnameseName name = VietnameseName.of(nfd);

        assertThat(name.display()).isEqualTo("Nguyễn Văn An");
        assertThat(Normalizer.isNormalized(name.display(), Normalizer.Form.NFC)).isTrue();
    }

    @Test
    void collapsesSpacesAndFixesCapitalisation() {
        assertThat(VietnameseName.of("  NGUYỄN  văn \t  an ").display()).isEqualTo("Nguyễn Văn An");
    }

    @Test
    void capitalisesDWithStroke() {
        assertThat(VietnameseName.of("đặng thị hòa").display()).isEqualTo("Đặng Thị Hòa");
        assertThat(VietnameseName.of("ĐỖ ĐỨC ĐẠT").display()).isEqualTo("Đỗ Đức Đạt");
    }

    @ParameterizedTest
    @CsvSource({
            "Đặng Thị Hoà, Đặng Thị Hòa",
            "Lê Thị Thuý, Lê Thị Thúy",
            "Trần Thị Thuỷ, Trần Thị Thủy",
            "Phạm Văn Khoẻ, Phạm Văn Khỏe",
            "Vũ Thị Hoạ, Vũ Thị Họa",
            "Ngô Thị Loã, Ngô Thị Lõa",
            "Đinh Văn Tuỵ, Đinh Văn Tụy",
            "Hồ Thị Xoè, Hồ Thị Xòe",
            "HOÀ, Hòa"})
    void movesNewStyleToneMarksToTheTraditionalPlace(String typed, String canonical) {
        assertThat(VietnameseName.of(typed).display()).isEqualTo(canonical);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Trần Văn Quý", "Nguyễn Văn Quỳ", "Hoàng Văn Hoàn", "Huỳnh Thị Thúy", "Lê Văn Thuyết",
            "Nguyễn Văn Ngoãn", "Bùi Thị Hòa", "Trương Văn Mùa"})
    void leavesCanonicalNamesUnchanged(String name) {
        assertThat(VietnameseName.of(name).display()).isEqualTo(name);
    }

    @Test
    void bothToneConventionsGiveEqualNames() {
        assertThat(VietnameseName.of("Đặng Thị Hoà")).isEqualTo(VietnameseName.of("ĐẶNG THỊ HÒA"));
    }

    @Test
    void comparisonKeyFoldsCaseDiacriticsAndDWithStroke() {
        assertThat(VietnameseName.of("Đặng Thị Hoà").comparisonKey()).isEqualTo("dang thi hoa");
        assertThat(VietnameseName.of("NGUYỄN  văn   an").comparisonKey()).isEqualTo("nguyen van an");
        assertThat(VietnameseName.of("Trương Thị Ánh Tuyết").comparisonKey())
                .isEqualTo(VietnameseName.of("truong thi anh tuyet").comparisonKey());
    }

    @Test
    void splitsInVietnameseOrder() {
        VietnameseName name = VietnameseName.of("Trương Thị Ánh Tuyết");

        assertThat(name.familyName()).isEqualTo("Trương");
        assertThat(name.middleNames()).isEqualTo("Thị Ánh");
        assertThat(name.givenName()).isEqualTo("Tuyết");
        assertThat(name.words()).containsExactly("Trương", "Thị", "Ánh", "Tuyết");
    }

    @Test
    void twoWordNameHasNoMiddleNames() {
        VietnameseName name = VietnameseName.of("Lê Lợi");

        assertThat(name.familyName()).isEqualTo("Lê");
        assertThat(name.middleNames()).isEmpty();
        assertThat(name.givenName()).isEqualTo("Lợi");
    }

    @Test
    void oneWordNameIsOnlyAGivenName() {
        VietnameseName name = VietnameseName.of("Y Moan");
        VietnameseName single = VietnameseName.of("H'Hen");

        assertThat(name.familyName()).isEqualTo("Y");
        assertThat(single.familyName()).isEmpty();
        assertThat(single.givenName()).isEqualTo("H'hen");
    }

    @Test
    void capitalisesEachPartOfHyphenatedWord() {
        assertThat(VietnameseName.of("nay h'bơ-lăng").display()).isEqualTo("Nay H'bơ-Lăng");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\u00a0"})
    void refusesEmptyNames(String raw) {
        assertThat(catchThrowableOfType(InvalidNameException.class, () -> VietnameseName.of(raw)).reason())
                .isEqualTo(InvalidNameException.Reason.EMPTY);
    }

    @Test
    void refusesDigitsAndSymbols() {
        InvalidNameException e = catchThrowableOfType(InvalidNameException.class, () -> VietnameseName.of("Nguyễn Văn 3"));

        assertThat(e.reason()).isEqualTo(InvalidNameException.Reason.INVALID_CHARACTER);
        assertThat(e).hasMessage("name contains '3', which is not a letter, space, hyphen or apostrophe");
        assertThat(catchThrowableOfType(InvalidNameException.class, () -> VietnameseName.of("An <script>")).reason())
                .isEqualTo(InvalidNameException.Reason.INVALID_CHARACTER);
    }

    @Test
    void refusesOverlongText() {
        assertThat(catchThrowableOfType(InvalidNameException.class, () -> VietnameseName.of("An ".repeat(60))).reason())
                .isEqualTo(InvalidNameException.Reason.TOO_LONG);
    }
}
