package vn.portal.bridge.infrastructure.persistence.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import vn.portal.bridge.application.imports.RowError;
import vn.portal.bridge.application.imports.RowErrorCode;

class JdbcImportRunRepositoryTest {

    @Test
    void rowErrorsSurviveTheTextColumnWithTabsLineBreaksAndBackslashes() {
        List<RowError> errors = List.of(
                new RowError("accounts-BTP.csv", 3, "birth_date", "'31/02/1988' is not a date"),
                new RowError("accounts-BTP.csv", 5, null, "has 6 fields but the header has 13"),
                new RowError("accounts-BTP.csv", 9, "full_name", "tên \"Hoàng Văn\tHùng\"\r\nchứa ký tự điều khiển \\ lạ"));

        String text = JdbcImportRunRepository.errorsText(errors);

        assertThat(text.lines()).hasSize(3);
        assertThat(JdbcImportRunRepository.errors("accounts-BTP.csv", text)).isEqualTo(errors);
        assertThat(JdbcImportRunRepository.errorsText(List.of())).isNull();
        assertThat(JdbcImportRunRepository.errors("x.csv", null)).isEmpty();
    }

    @Test
    void codesAndArgumentsAreStoredAfterTheReasonAndOldLinesWithoutThemStillRead() {
        List<RowError> errors = List.of(
                new RowError("accounts-BTP.csv", 3, "birth_date", "'31/02/1988' is not a date", RowErrorCode.BAD_DATE,
                        "31/02/1988", "yyyy-MM-dd, dd/MM/yyyy, d/M/yyyy"),
                new RowError("accounts-BTP.csv", 5, null, "has 6 fields but the header has 13", RowErrorCode.WRONG_COLUMN_COUNT, "6", "13"),
                new RowError("accounts-BTP.csv", 6, "password_hash", "password hash is empty", RowErrorCode.UNPARSEABLE_HASH),
                new RowError("accounts-BTP.csv", 8, "full_name", "odd", RowErrorCode.OTHER, "tab\there\\ and\nbreak"));

        String text = JdbcImportRunRepository.errorsText(errors);

        assertThat(text.lines().toList()).startsWith("3\tbirth_date\t'31/02/1988' is not a date\tBAD_DATE\t31/02/1988\tyyyy-MM-dd, dd/MM/yyyy, d/M/yyyy",
                "5\t\thas 6 fields but the header has 13\tWRONG_COLUMN_COUNT\t6\t13",
                "6\tpassword_hash\tpassword hash is empty\tUNPARSEABLE_HASH");
        assertThat(JdbcImportRunRepository.errors("accounts-BTP.csv", text)).isEqualTo(errors);

        String before = "3\tbirth_date\t'31/02/1988' is not a date\n5\t\thas 6 fields but the header has 13\n";
        assertThat(JdbcImportRunRepository.errors("accounts-BTP.csv", before)).containsExactly(
                new RowError("accounts-BTP.csv", 3, "birth_date", "'31/02/1988' is not a date"),
                new RowError("accounts-BTP.csv", 5, null, "has 6 fields but the header has 13"));
        assertThat(JdbcImportRunRepository.errors("a.csv", "7\tkind\t'X' is odd\tA_CODE_OF_A_LATER_VERSION\tX\n"))
                .as("an unknown code falls back to the English text").containsExactly(new RowError("a.csv", 7, "kind", "'X' is odd"));
    }
}
