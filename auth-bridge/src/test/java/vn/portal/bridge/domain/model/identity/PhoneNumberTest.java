package vn.portal.bridge.domain.model.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import vn.portal.bridge.domain.model.identity.InvalidPhoneNumberException.Reason;

class PhoneNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {"0912345678", "+84912345678", "+84 912 345 678", "84912345678", "0084912345678",
            "(+84) 912.345.678", "0912-345-678", " 091 234 5678 "})
    void normalisesEveryPrefixToNationalForm(String typed) {
        PhoneNumber phone = PhoneNumber.parse(typed);

        assertThat(phone.value()).isEqualTo("0912345678");
        assertThat(phone.e164()).isEqualTo("+84912345678");
        assertThat(phone.isMobile()).isTrue();
    }

    /** The 2018 renumbering of eleven-digit mobiles, network by network. */
    @ParameterizedTest
    @CsvSource({
            "0162, 032", "0163, 033", "0164, 034", "0165, 035", "0166, 036", "0167, 037", "0168, 038", "0169, 039",
            "0120, 070", "0121, 079", "0122, 077", "0126, 076", "0128, 078",
            "0123, 083", "0124, 084", "0125, 085", "0127, 081", "0129, 082",
            "0186, 056", "0188, 058", "0199, 059"})
    void convertsPre2018ElevenDigitMobiles(String oldPrefix, String newPrefix) {
        assertThat(PhoneNumber.parse(oldPrefix + "2345678").value()).isEqualTo(newPrefix + "2345678");
    }

    @Test
    void convertsOldMobileWrittenWithCountryCode() {
        assertThat(PhoneNumber.parse("+84 166 234 5678")).isEqualTo(PhoneNumber.parse("0362345678"));
        assertThat(PhoneNumber.parse("841662345678").value()).isEqualTo("0362345678");
    }

    @Test
    void keepsElevenDigitLandlines() {
        PhoneNumber hanoiLandline = PhoneNumber.parse("024 3825 1234");

        assertThat(hanoiLandline.value()).isEqualTo("02438251234");
        assertThat(hanoiLandline.e164()).isEqualTo("+842438251234");
        assertThat(hanoiLandline.isMobile()).isFalse();
    }

    @Test
    void masksAllButFirstThreeAndLastTwoDigits() {
        assertThat(PhoneNumber.parse("0912345678").toString()).isEqualTo("091*****78");
        assertThat(PhoneNumber.parse("02438251234").masked()).isEqualTo("024******34");
    }

    @ParameterizedTest
    @CsvSource({
            "'', EMPTY",
            "' - ', EMPTY",
            "0912abc678, NOT_DIGITS",
            "+84+912345678, NOT_DIGITS",
            "+1 202 555 0143, UNRECOGNISED_PREFIX",
            "912345678, UNRECOGNISED_PREFIX",
            "091234567, WRONG_LENGTH",
            "09123456789, WRONG_LENGTH",
            "0243825123, WRONG_LENGTH",
            "016623456789, WRONG_LENGTH",
            "01112345678, UNKNOWN_NETWORK_PREFIX",
            "0612345678, UNKNOWN_NETWORK_PREFIX",
            "0412345678, UNKNOWN_NETWORK_PREFIX",
            "+84, UNKNOWN_NETWORK_PREFIX"})
    void refusesWithReason(String raw, Reason reason) {
        InvalidPhoneNumberException e = catchThrowableOfType(InvalidPhoneNumberException.class, () -> PhoneNumber.parse(raw));

        assertThat(e).as(raw).isNotNull();
        assertThat(e.reason()).isEqualTo(reason);
    }

    @Test
    void explainsWrongLength() {
        assertThat(catchThrowableOfType(InvalidPhoneNumberException.class, () -> PhoneNumber.parse("091234567")))
                .hasMessage("phone number looks like a mobile number and needs 10 digits in national form but has 9");
    }

    @Test
    void refusesNull() {
        assertThat(catchThrowableOfType(InvalidPhoneNumberException.class, () -> PhoneNumber.parse(null)).reason())
                .isEqualTo(Reason.EMPTY);
    }
}
