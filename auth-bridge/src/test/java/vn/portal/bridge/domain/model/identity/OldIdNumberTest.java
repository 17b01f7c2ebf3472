package vn.portal.bridge.domain.model.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

class OldIdNumberTest {

    @Test
    void acceptsNineDigitsWithTypedSeparators() {
        OldIdNumber number = OldIdNumber.parse(" 012 345.678 ");

        assertThat(number.value()).isEqualTo("012345678");
        assertThat(number).isEqualTo(OldIdNumber.parse("012-345-678"));
    }

    @Test
    void masksTheMiddleDigits() {
        OldIdNumber number = OldIdNumber.parse("012345678");

        assertThat(number.masked()).isEqualTo("012****78");
        assertThat(number.toString()).isEqualTo("012****78");
    }

    @Test
    void refusesTwelveDigitsPointingToPersonalId() {
        InvalidOldIdNumberException e = catchThrowableOfType(InvalidOldIdNumberException.class,
                () -> OldIdNumber.parse("001085012345"));

        assertThat(e.reason()).isEqualTo(InvalidOldIdNumberException.Reason.WRONG_LENGTH);
        assertThat(e).hasMessage("old ID number must have 9 digits but has 12 (a 12-digit number is a personal ID)");
    }

    @Test
    void refusesLettersAndEmptyInput() {
        assertThat(catchThrowableOfType(InvalidOldIdNumberException.class, () -> OldIdNumber.parse("01234567X")).reason())
                .isEqualTo(InvalidOldIdNumberException.Reason.NOT_DIGITS);
        assertThat(catchThrowableOfType(InvalidOldIdNumberException.class, () -> OldIdNumber.parse(" ")).reason())
                .isEqualTo(InvalidOldIdNumberException.Reason.EMPTY);
        assertThat(OldIdNumber.looksLikeOldIdNumber("12345678")).isFalse();
        assertThat(OldIdNumber.looksLikeOldIdNumber("123456789")).isTrue();
    }
}
