package vn.portal.bridge.application.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

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

    @Test
    void eachRejectionCarriesItsCodeAndArguments() {
        assertThat(rejection(() -> Fields.required("name", null))).isEqualTo(new Rejection("name", RowErrorCode.EMPTY, List.of()));
        assertThat(rejection(() -> Fields.date("integrated_on", "12.03.1985")))
                .isEqualTo(new Rejection("integrated_on", RowErrorCode.BAD_DATE, List.of("12.03.1985", Fields.DATE_FORMATS)));
        assertThat(rejection(() -> Fields.date("birth_date", "03/25/1990")))
                .isEqualTo(new Rejection("birth_date", RowErrorCode.DATE_MONTH_FIRST, List.of("03/25/1990", "25")));
        assertThat(rejection(() -> Fields.birthDate("birth_date", "2030-01-01", TODAY)))
                .isEqualTo(new Rejection("birth_date", RowErrorCode.IMPLAUSIBLE_BIRTH_DATE, List.of("2030-01-01")));
        assertThat(rejection(() -> Fields.timestamp("created_at", "hôm qua")))
                .isEqualTo(new Rejection("created_at", RowErrorCode.BAD_TIMESTAMP, List.of("hôm qua", Fields.TIMESTAMP_FORMATS)));
        assertThat(rejection(() -> Fields.gender("gender", "khác")))
                .isEqualTo(new Rejection("gender", RowErrorCode.BAD_GENDER, List.of("khác")));
        assertThat(rejection(() -> Fields.flag("vneid_integrated", "maybe")))
                .isEqualTo(new Rejection("vneid_integrated", RowErrorCode.BAD_FLAG, List.of("maybe")));
        assertThat(rejection(() -> Fields.code("agency_code", "UBND-HA-NOI", 8)))
                .isEqualTo(new Rejection("agency_code", RowErrorCode.CODE_TOO_LONG, List.of("UBND-HA-NOI", "8")));
        assertThat(rejection(() -> Fields.code("agency_code", "UBND HN", 20)))
                .isEqualTo(new Rejection("agency_code", RowErrorCode.CODE_HAS_SPACE, List.of("UBND HN")));
    }

    @Test
    void aRejectionMustCarryTheArgumentsItsCodeNames() {
        assertThatThrownBy(() -> new RowRejectedException("phone", RowErrorCode.BAD_PHONE, "'0123' is not a phone number"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("BAD_PHONE takes 1 arguments but has 0");
        assertThatThrownBy(() -> new RowError("a.csv", 3, null, "has 2 fields", RowErrorCode.WRONG_COLUMN_COUNT, "2"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("row error WRONG_COLUMN_COUNT takes 2 arguments but has 1");
    }

    private record Rejection(String column, RowErrorCode code, List<String> arguments) {
    }

    private static Rejection rejection(Runnable parse) {
        try {
            parse.run();
        } catch (RowRejectedException e) {
            assertThat(e.getMessage()).as("the English reason stays").isNotBlank();
            return new Rejection(e.column(), e.code(), e.arguments());
        }
        throw new AssertionError("not rejected");
    }
}
