package vn.portal.bridge.domain.model.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.List;

import org.junit.jupiter.api.Test;

class ProvinceTest {

    /** Appendix of Circular 07/2016/TT-BCA: the codes are not contiguous. */
    private static final List<String> CIRCULAR_07_CODES = List.of(
            "001", "002", "004", "006", "008", "010", "011", "012", "014", "015", "017", "019", "020", "022", "024",
            "025", "026", "027", "030", "031", "033", "034", "035", "036", "037", "038", "040", "042", "044", "045",
            "046", "048", "049", "051", "052", "054", "056", "058", "060", "062", "064", "066", "067", "068", "070",
            "072", "074", "075", "077", "079", "080", "082", "083", "084", "086", "087", "089", "091", "092", "093",
            "094", "095", "096");

    @Test
    void holdsExactlyTheSixtyThreeCodesOfCircular07InOrder() {
        assertThat(CIRCULAR_07_CODES).hasSize(63);
        assertThat(Province.all()).extracting(Province::code).containsExactlyElementsOf(CIRCULAR_07_CODES);
    }

    @Test
    void namesProvincesInVietnameseWithDiacritics() {
        assertThat(Province.byCode("001")).map(Province::name).contains("Hà Nội");
        assertThat(Province.byCode("046")).map(Province::name).contains("Thừa Thiên Huế");
        assertThat(Province.byCode("066")).map(Province::name).contains("Đắk Lắk");
        assertThat(Province.byCode("077")).map(Province::name).contains("Bà Rịa - Vũng Tàu");
        assertThat(Province.byCode("096")).map(Province::officialName).contains("Tỉnh Cà Mau");
    }

    @Test
    void marksTheFiveCentrallyRunCities() {
        assertThat(Province.all()).filteredOn(Province::isCentralCity).extracting(Province::name)
                .containsExactly("Hà Nội", "Hải Phòng", "Đà Nẵng", "Hồ Chí Minh", "Cần Thơ");
    }

    @Test
    void storesNamesInNfc() {
        assertThat(Province.all()).allSatisfy(p ->
                assertThat(Normalizer.isNormalized(p.name(), Normalizer.Form.NFC)).as(p.code()).isTrue());
    }

    @Test
    void findsNothingForUnassignedOrMissingCodes() {
        assertThat(Province.byCode("003")).isEmpty();
        assertThat(Province.byCode("1")).isEmpty();
        assertThat(Province.byCode(null)).isEmpty();
    }

    @Test
    void comparesByCode() {
        assertThat(Province.byCode("079")).isEqualTo(Province.byCode(" 079 "));
    }
}
