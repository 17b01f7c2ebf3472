package vn.portal.web.interfaces.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import org.junit.jupiter.api.Test;

import vn.portal.bridge.application.imports.RowError;
import vn.portal.bridge.application.imports.RowErrorCode;

class ImportTextsTest {

    static final ResourceBundle VI = ResourceBundle.getBundle("vn.portal.web.i18n.messages", Locale.forLanguageTag("vi"));
    static final ResourceBundle EN = ResourceBundle.getBundle("vn.portal.web.i18n.messages", Locale.forLanguageTag("en"));
    static final String FILE = "accounts-BTP.csv";

    private static RowError error(RowErrorCode code, String... arguments) {
        return new RowError(FILE, 3, "birth_date", "the importer's English text", code, arguments);
    }

    @Test
    void aBadDateReadsInVietnameseFirstAndInEnglishWithTheValueAndTheAcceptedForms() {
        RowError bad = error(RowErrorCode.BAD_DATE, "31/02/1988", "yyyy-MM-dd, dd/MM/yyyy, d/M/yyyy");

        assertThat(ImportTexts.reason(bad, VI))
                .isEqualTo("'31/02/1988' không phải là ngày theo dạng yyyy-MM-dd, dd/MM/yyyy, d/M/yyyy, hoặc không có ngày đó");
        assertThat(ImportTexts.reason(bad, EN))
                .isEqualTo("'31/02/1988' is not a date in the form yyyy-MM-dd, dd/MM/yyyy, d/M/yyyy, or no such day exists");
    }

    @Test
    void reasonsWithTwoArgumentsOrNoneReadInBothLanguages() {
        RowError count = new RowError(FILE, 5, null, "has 6 fields but the header has 13", RowErrorCode.WRONG_COLUMN_COUNT, "6", "13");
        assertThat(ImportTexts.reason(count, VI)).isEqualTo("dòng có 6 trường nhưng dòng tiêu đề có 13");
        assertThat(ImportTexts.reason(count, EN)).isEqualTo("has 6 fields but the header has 13");

        RowError agency = error(RowErrorCode.UNKNOWN_AGENCY, "XYZ");
        assertThat(ImportTexts.reason(agency, VI)).isEqualTo("cơ quan 'XYZ' chưa có; hãy nhập tệp agencies.csv trước");
        assertThat(ImportTexts.reason(agency, EN)).isEqualTo("agency 'XYZ' is not known; import it from agencies.csv first");

        RowError hash = error(RowErrorCode.UNPARSEABLE_HASH);
        assertThat(ImportTexts.reason(hash, VI)).isEqualTo("không đọc được mã băm mật khẩu (tiền tố thuật toán lạ hoặc sai định dạng)");
        assertThat(ImportTexts.reason(hash, EN)).isEqualTo("the password hash cannot be read (unknown scheme prefix or malformed)");
    }

    @Test
    void anUnreadableRestNamesTheOffsetOnlyWhenBytesCouldNotBeDecoded() {
        assertThat(ImportTexts.reason(error(RowErrorCode.UNREADABLE_REST, "TCVN3 (ABC)", "1042"), VI))
                .isEqualTo("không phải văn bản theo bảng mã TCVN3 (ABC) (tại byte thứ 1042); hãy chọn bảng mã khác."
                        + " Phần còn lại của tệp không được đọc");
        assertThat(ImportTexts.reason(error(RowErrorCode.UNREADABLE_REST, "UTF-8", ""), EN))
                .isEqualTo("not valid CSV (read as UTF-8); the rest of the file was not read");
    }

    @Test
    void everyCodeReadsInBothLanguagesWithItsArgumentsAndInNfc() {
        for (RowErrorCode code : RowErrorCode.values()) {
            String[] arguments = new String[code.arity()];
            for (int i = 0; i < arguments.length; i++) {
                arguments[i] = "ARG" + i;
            }
            for (ResourceBundle bundle : List.of(VI, EN)) {
                String text = ImportTexts.reason(error(code, arguments), bundle);
                assertThat(text).as(code + " " + bundle.getLocale()).doesNotContain("{").doesNotContain("English text");
                for (String argument : arguments) {
                    assertThat(text).as(code + " " + bundle.getLocale()).contains(argument);
                }
                assertThat(Normalizer.isNormalized(text, Normalizer.Form.NFC)).as(code + " in NFC").isTrue();
            }
            assertThat(ImportTexts.reason(error(code, arguments), VI)).as(code + " differs by language")
                    .isNotEqualTo(ImportTexts.reason(error(code, arguments), EN));
        }
    }

    @Test
    void anErrorStoredBeforeCodesExistedShowsItsEnglishText() {
        RowError old = new RowError(FILE, 3, "birth_date", "'31/02/1988' is not a date");

        assertThat(ImportTexts.reason(old, VI)).isEqualTo("'31/02/1988' is not a date");
        assertThat(ImportTexts.reason(old, EN)).isEqualTo("'31/02/1988' is not a date");
    }

    @Test
    void theEncodingReadsAsDetectedWithItsConfidenceOrAsChosenAtUpload() {
        String detected = "TCVN3 (ABC) (detected, confidence 0.97: bytes 0xB5 and 0xAD fit TCVN3)";
        assertThat(ImportTexts.encoding(detected, VI)).contains("TCVN3 (ABC), tự nhận biết (độ tin cậy 0,97)");
        assertThat(ImportTexts.encoding(detected, EN)).contains("TCVN3 (ABC), detected (confidence 0.97)");

        assertThat(ImportTexts.encoding("VNI-Windows (forced)", VI)).contains("VNI-Windows, do người tải tệp lên chọn");
        assertThat(ImportTexts.encoding("VNI-Windows (forced)", EN)).contains("VNI-Windows, chosen at upload");

        assertThat(ImportTexts.encoding("tcvn3", VI)).as("a running import's choice is shown as stored").isEmpty();
    }
}
