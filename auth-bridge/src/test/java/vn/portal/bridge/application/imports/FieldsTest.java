package vn.portal.bridge.application.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class FieldsTest {

    static final LocalDate TODAY = LocalDate.of(2024, 5, 20);

    @Test
    void readsTheThreeDateFormsOfTheFiles() {
        assertThat(Fields.date("d", "1985-03-12")).isEqualTo(LocalDate.of(1985, 3, 12));
        assertThat(Fields.date("d", "12/03/1985")).isEqualTo(LocalDate.of(1985, 3, 12));
        assertThat(Fields.date("d", "5/1/2001")).isEqualTo(LocalDate.of(2001, 1, 5));
        assertThat(Fields.date("d", "29/02/2000")).isEqualTo(LocalDate.of(2000, 2, 29));
        assertThat(Fields.date("d", null)).isNull();
    }

    @Test
    void refusesImpossibleAndAmbiguousDates() {
        assertThatThrownBy(() -> Fields.date("birth_date", "29/02/1999"))
                .isInstanceOf(RowRejectedException.class).hasMessageContaining("'29/02/1999'");
        assertThatThrownBy(() -> Fields.date("birth_date", "03/25/1990")).hasMessageContaining("looks like month/day/year");
        assertThatThrownBy(() -> Fields.date("birth_date", "12.03.1985")).hasMessageContaining("not a date");
        assertThatThrownBy(() -> Fields.date("birth_date", "12/03/85")).hasMessageContaining("not a date");
        assertThatThrownBy(() -> Fields.birthDate("birth_date", "2030-01-01", TODAY)).hasMessageContaining("not a plausible birth date");
        assertThatThrownBy(() -> Fields.birthDate("birth_date", "1066-10-14", TODAY)).hasMessageContaining("not a plausible birth date");
    }

    @Test
    void readsTimestampsInVietnameseTimeUnlessAnOffsetIsGiven() {
        assertThat(Fields.timestamp("t", "2019-03-04T08:15:00Z")).isEqualTo(Instant.parse("2019-03-04T08:15:00Z"));
        assertThat(Fields.timestamp("t", "2019-03-04T08:15:00+07:00")).isEqualTo(Instant.parse("2019-03-04T01:15:00Z"));
        assertThat(Fields.timestamp("t", "2019-03-04T08:15:00")).isEqualTo(Instant.parse("2019-03-04T01:15:00Z"));
        assertThat(Fields.timestamp("t", "2019-03-04 08:15:00")).isEqualTo(Instant.parse("2019-03-04T01:15:00Z"));
        assertThat(Fields.timestamp("t", "04/03/2019 08:15:00")).isEqualTo(Instant.parse("2019-03-04T01:15:00Z"));
        assertThat(Fields.timestamp("t", "4/3/2019 8:15:00")).isEqualTo(Instant.parse("2019-03-04T01:15:00Z"));
        assertThatThrownBy(() -> Fields.timestamp("created_at", "hôm qua")).hasMessageContaining("ISO-8601");
        assertThatThrownBy(() -> Fields.timestamp("created_at", "31/04/2019 08:15:00")).hasMessageContaining("'31/04/2019 08:15:00'");
    }

    @Test
    void readsFlagsInEnglishAndVietnamese() {
        assertThat(Fields.flag("f", "TRUE")).isTrue();
        assertThat(Fields.flag("f", "Có")).isTrue();
        assertThat(Fields.flag("f", "không")).isFalse();
        assertThat(Fields.flag("f", "0")).isFalse();
        assertThatThrownBy(() -> Fields.flag("vneid_integrated", "maybe")).hasMessageContaining("'maybe'");
    }
}
