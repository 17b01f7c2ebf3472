package vn.portal.bridge.infrastructure.persistence.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import vn.portal.bridge.application.imports.RowError;

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
}
