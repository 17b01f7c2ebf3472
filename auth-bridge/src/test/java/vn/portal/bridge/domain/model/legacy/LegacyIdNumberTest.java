package vn.portal.bridge.domain.model.legacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import vn.portal.bridge.domain.model.identity.OldIdNumber;
import vn.portal.bridge.domain.model.identity.PersonalId;

class LegacyIdNumberTest {

    @Test
    void recognisesTwelveDigitPersonalIdWithSeparators() {
        LegacyIdNumber id = LegacyIdNumber.classify(" 001.190.000.021 ");

        assertThat(id.kind()).isEqualTo(IdNumberKind.PERSONAL_ID);
        assertThat(id.raw()).contains("001.190.000.021");
        assertThat(id.normalised()).contains("001190000021");
        assertThat(id.personalId()).contains(PersonalId.parse("001190000021"));
        assertThat(id.oldIdNumber()).isEmpty();
    }

    @Test
    void readsFullWidthDigitsTypedOnAnAsianKeyboard() {
        assertThat(LegacyIdNumber.classify("０７９３０１００１２３４").normalised()).contains("079301001234");
    }

    @Test
    void recognisesNineDigitOldIdCard() {
        LegacyIdNumber id = LegacyIdNumber.classify("012 345 678");

        assertThat(id.kind()).isEqualTo(IdNumberKind.OLD_ID_CARD);
        assertThat(id.oldIdNumber()).contains(OldIdNumber.parse("012345678"));
        assertThat(id.personalId()).isEmpty();
    }

    @Test
    void recognisesVietnameseAndForeignPassports() {
        assertThat(LegacyIdNumber.classify("c1234567").kind()).isEqualTo(IdNumberKind.PASSPORT);
        assertThat(LegacyIdNumber.classify("c1234567").normalised()).contains("C1234567");
        assertThat(LegacyIdNumber.classify("N 2345678").normalised()).contains("N2345678");
        assertThat(LegacyIdNumber.classify("XK0045312").kind()).isEqualTo(IdNumberKind.PASSPORT);
    }

    @Test
    void classifiesTypoedAndForeignLookingNumbersAsInvalid() {
        // Twelve digits, but 999 is no province code: a typo, not a personal ID.
        assertThat(LegacyIdNumber.classify("999190000021").kind()).isEqualTo(IdNumberKind.INVALID);
        assertThat(LegacyIdNumber.classify("12345").kind()).isEqualTo(IdNumberKind.INVALID);
        assertThat(LegacyIdNumber.classify("không có").kind()).isEqualTo(IdNumberKind.INVALID);
        assertThat(LegacyIdNumber.classify("1".repeat(80)).raw().orElseThrow()).hasSize(LegacyIdNumber.MAX_RAW_LENGTH);
        assertThat(LegacyIdNumber.classify("12345").normalised()).isEmpty();
    }

    @Test
    void blankIsMissing() {
        assertThat(LegacyIdNumber.classify(null).kind()).isEqualTo(IdNumberKind.MISSING);
        assertThat(LegacyIdNumber.classify("  ").kind()).isEqualTo(IdNumberKind.MISSING);
        assertThat(LegacyIdNumber.classify("").raw()).isEmpty();
    }

    @Test
    void toStringNeverShowsTheWholeNumber() {
        assertThat(LegacyIdNumber.classify("001190000021").toString()).isEqualTo("PERSONAL_ID 0011******21");
        assertThat(LegacyIdNumber.classify("C1234567").toString()).doesNotContain("1234567");
        assertThat(LegacyIdNumber.classify("12345").toString()).doesNotContain("12345");
    }

    @Test
    void restoreRefusesKindWithoutMatchingValue() {
        assertThatThrownBy(() -> LegacyIdNumber.restore("x", IdNumberKind.PERSONAL_ID, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a normalised value");
        assertThat(LegacyIdNumber.restore("12345", IdNumberKind.INVALID, null)).isEqualTo(LegacyIdNumber.classify("12345"));
    }
}
