package vn.portal.bridge.domain.model.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import vn.portal.bridge.domain.model.identity.InvalidPersonalIdException.Reason;

class PersonalIdTest {

    private static final Clock YEAR_2026 = Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);

    @Test
    void decodesHanoiManBornIn1985() {
        PersonalId id = PersonalId.parse("001085012345");

        assertThat(id.value()).isEqualTo("001085012345");
        assertThat(id.province().code()).isEqualTo("001");
        assertThat(id.province().name()).isEqualTo("Hà Nội");
        assertThat(id.gender()).isEqualTo(Gender.MALE);
        assertThat(id.century()).isEqualTo(1900);
        assertThat(id.birthYear()).isEqualTo(1985);
    }

    @Test
    void decodesHoChiMinhCityWomanBornIn2001() {
        PersonalId id = PersonalId.parse("079301001234");

        assertThat(id.province().officialName()).isEqualTo("Thành phố Hồ Chí Minh");
        assertThat(id.gender()).isEqualTo(Gender.FEMALE);
        assertThat(id.century()).isEqualTo(2000);
        assertThat(id.birthYear()).isEqualTo(2001);
    }

    @Test
    void decodesHanoiWomanBornIn1990() {
        PersonalId id = PersonalId.parse("001190000021");

        assertThat(id.gender()).isEqualTo(Gender.FEMALE);
        assertThat(id.birthYear()).isEqualTo(1990);
    }

    @ParameterizedTest
    @CsvSource({
            "0, 1900, MALE", "1, 1900, FEMALE", "2, 2000, MALE", "3, 2000, FEMALE", "4, 2100, MALE",
            "5, 2100, FEMALE", "6, 2200, MALE", "7, 2200, FEMALE", "8, 2300, MALE", "9, 2300, FEMALE"})
    void mapsDigitFourToCenturyAndGender(char digit, int century, Gender gender) {
        Clock farFuture = Clock.fixed(Instant.parse("2400-01-01T00:00:00Z"), ZoneOffset.UTC);

        PersonalId id = PersonalId.parse("096" + digit + "07123456", farFuture);

        assertThat(id.century()).isEqualTo(century);
        assertThat(id.gender()).isEqualTo(gender);
        assertThat(id.birthYear()).isEqualTo(century + 7);
        assertThat(id.province().name()).isEqualTo("Cà Mau");
    }

    @ParameterizedTest
    @ValueSource(strings = {" 001085012345 ", "001 085 012 345", "001.085.012.345", "001-085-012-345",
            "\u0030\u0030\u0031\u00a0085012345", "００１０８５０１２３４５"})
    void acceptsTypedSeparatorsAndFullWidthDigits(String typed) {
        assertThat(PersonalId.parse(typed)).isEqualTo(PersonalId.parse("001085012345"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", " .-. "})
    void rejectsEmptyInput(String raw) {
        InvalidPersonalIdException e = catchThrowableOfType(InvalidPersonalIdException.class, () -> PersonalId.parse(raw));

        assertThat(e.reason()).isEqualTo(Reason.EMPTY);
        assertThat(e).hasMessage("personal ID is empty");
    }

    @Test
    void rejectsLettersNamingThePosition() {
        InvalidPersonalIdException e = catchThrowableOfType(InvalidPersonalIdException.class,
                () -> PersonalId.parse("00108501234A"));

        assertThat(e.reason()).isEqualTo(Reason.NOT_DIGITS);
        assertThat(e).hasMessage("personal ID must contain only digits but has 'A' at position 12");
    }

    @Test
    void rejectsElevenDigits() {
        InvalidPersonalIdException e = catchThrowableOfType(InvalidPersonalIdException.class,
                () -> PersonalId.parse("00108501234"));

        assertThat(e.reason()).isEqualTo(Reason.WRONG_LENGTH);
        assertThat(e).hasMessage("personal ID must have 12 digits but has 11");
    }

    @Test
    void explainsThatNineDigitsIsAnOldCmndNumber() {
        InvalidPersonalIdException e = catchThrowableOfType(InvalidPersonalIdException.class,
                () -> PersonalId.parse("012345678"));

        assertThat(e.reason()).isEqualTo(Reason.WRONG_LENGTH);
        assertThat(e.getMessage()).contains("old CMND number");
    }

    @ParameterizedTest
    @ValueSource(strings = {"000085012345", "003085012345", "097085012345", "050085012345", "999085012345"})
    void rejectsProvinceCodesOutsideCircular07(String raw) {
        InvalidPersonalIdException e = catchThrowableOfType(InvalidPersonalIdException.class, () -> PersonalId.parse(raw));

        assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_PROVINCE);
        assertThat(e.getMessage()).contains("province code " + raw.substring(0, 3)).contains("Circular 07/2016/TT-BCA");
    }

    @Test
    void rejectsBirthYearInTheFuture() {
        InvalidPersonalIdException e = catchThrowableOfType(InvalidPersonalIdException.class,
                () -> PersonalId.parse("001450012345", YEAR_2026));

        assertThat(e.reason()).isEqualTo(Reason.BIRTH_YEAR_IN_FUTURE);
        assertThat(e).hasMessage("personal ID digits 4-6 encode birth year 2150, after the current year 2026");
    }

    @Test
    void acceptsChildBornThisYear() {
        assertThat(PersonalId.parse("001226012345", YEAR_2026).birthYear()).isEqualTo(2026);
        assertThatThrownBy(() -> PersonalId.parse("001227012345", YEAR_2026))
                .isInstanceOf(InvalidPersonalIdException.class);
    }

    @Test
    void messagesNeverRepeatTheFullNumber() {
        String raw = "003085012345";
        assertThatThrownBy(() -> PersonalId.parse(raw)).message().doesNotContain(raw).doesNotContain("085012345");
    }

    @Test
    void masksAllButFirstFourAndLastTwoDigits() {
        PersonalId id = PersonalId.parse("001085012345");

        assertThat(id.masked()).isEqualTo("0010******45");
        assertThat(id.toString()).isEqualTo("0010******45").doesNotContain("085012");
    }

    @Test
    void comparesByValue() {
        assertThat(PersonalId.parse("079301001234"))
                .isEqualTo(PersonalId.parse("079 301 001 234"))
                .hasSameHashCodeAs(PersonalId.parse("079-301-001-234"))
                .isNotEqualTo(PersonalId.parse("001085012345"));
    }

    @Test
    void acceptsMatchingBirthDateAndGender() {
        PersonalId id = PersonalId.parse("079301001234");

        assertThatCode(() -> id.checkConsistentWith(LocalDate.of(2001, 3, 15), Gender.FEMALE)).doesNotThrowAnyException();
    }

    @Test
    void skipsChecksForMissingFacts() {
        PersonalId id = PersonalId.parse("001085012345");

        assertThatCode(() -> id.checkConsistentWith(null, null)).doesNotThrowAnyException();
        assertThatCode(() -> id.checkConsistentWith(null, Gender.MALE)).doesNotThrowAnyException();
        assertThatCode(() -> id.checkConsistentWith(LocalDate.of(1985, 12, 31), null)).doesNotThrowAnyException();
    }

    @Test
    void refusesBirthYearThatDisagreesWithDigits() {
        PersonalId id = PersonalId.parse("001190000021");

        IdentityInconsistencyException e = catchThrowableOfType(IdentityInconsistencyException.class,
                () -> id.checkConsistentWith(LocalDate.of(1985, 5, 1), Gender.FEMALE));

        assertThat(e.fields()).containsExactly(IdentityInconsistencyException.Field.BIRTH_YEAR);
        assertThat(e.getMessage()).contains("birth year 1985 does not match personal ID century/year digits 1990")
                .contains("0011******21").doesNotContain("001190000021");
    }

    @Test
    void refusesGenderThatDisagreesWithDigitFour() {
        PersonalId id = PersonalId.parse("001085012345");

        IdentityInconsistencyException e = catchThrowableOfType(IdentityInconsistencyException.class,
                () -> id.checkConsistentWith(LocalDate.of(1985, 1, 1), Gender.FEMALE));

        assertThat(e.fields()).containsExactly(IdentityInconsistencyException.Field.GENDER);
        assertThat(e.getMessage()).contains("gender female does not match personal ID digit 4 (male)");
    }

    @Test
    void reportsEveryDisagreeingField() {
        PersonalId id = PersonalId.parse("079301001234");

        IdentityInconsistencyException e = catchThrowableOfType(IdentityInconsistencyException.class,
                () -> id.checkConsistentWith(LocalDate.of(1901, 1, 1), Gender.MALE));

        assertThat(e.fields()).containsExactlyInAnyOrder(
                IdentityInconsistencyException.Field.BIRTH_YEAR, IdentityInconsistencyException.Field.GENDER);
    }

    @Test
    void tellsPersonalIdsFromOtherNumbers() {
        assertThat(PersonalId.looksLikePersonalId("001085012345")).isTrue();
        assertThat(PersonalId.looksLikePersonalId("012345678")).isFalse();
        assertThat(PersonalId.looksLikePersonalId("003085012345")).isFalse();
        assertThat(PersonalId.looksLikePersonalId(null)).isFalse();
    }

    @Test
    void invalidInputIsAnIllegalArgument() {
        assertThatThrownBy(() -> PersonalId.parse("abc")).isInstanceOf(IllegalArgumentException.class)
                .isInstanceOf(InvalidIdentityValueException.class);
    }
}
