package vn.portal.bridge.domain.model.legacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.text.Normalizer;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import vn.portal.bridge.domain.model.identity.Gender;

class LegacyAccountTest {

    private static LegacyAccount.Builder hoa() {
        return LegacyAccount.builder("UBND-HN", "hn-000123")
                .fullName("Trần Thị Hoà")
                .birthDate(LocalDate.of(1979, 11, 3))
                .gender(Gender.FEMALE)
                .idNumber("001179000123")
                .phone("+84 912 345 678");
    }

    @Test
    void derivesCanonicalNameKeyAndPhone() {
        LegacyAccount account = hoa().build();

        assertThat(account.fullName().orElseThrow().display()).isEqualTo("Trần Thị Hòa");
        assertThat(account.nameKey()).contains("tran thi hoa");
        assertThat(account.phone().orElseThrow().value()).isEqualTo("0912345678");
        assertThat(account.idNumberKind()).isEqualTo(IdNumberKind.PERSONAL_ID);
        assertThat(account.status()).isEqualTo(AccountStatus.ACTIVE);
        assertThat(account.id()).isEmpty();
    }

    @Test
    void decomposedInputGivesTheSameAccountAsComposed() {
        LegacyAccount nfd = hoa().fullName(Normalizer.normalize("Trần Thị Hoà", Normalizer.Form.NFD)).build();

        assertThat(nfd.rawFullName()).contains("Trần Thị Hoà");
        assertThat(nfd.contentHash()).isEqualTo(hoa().build().contentHash());
    }

    @Test
    void keepsUnusableValuesRawWithoutNormalisedForm() {
        LegacyAccount account = hoa().fullName("Test User 01").phone("12-34").idNumber("ABC").build();

        assertThat(account.rawFullName()).contains("Test User 01");
        assertThat(account.fullName()).isEmpty();
        assertThat(account.nameKey()).isEmpty();
        assertThat(account.rawPhone()).contains("12-34");
        assertThat(account.phone()).isEmpty();
        assertThat(account.idNumberKind()).isEqualTo(IdNumberKind.INVALID);
    }

    @Test
    void contentHashFollowsBusinessFieldsButNotTheSourceLine() {
        String base = hoa().build().contentHash();

        assertThat(hoa().source("accounts-hn.csv", 99).build().contentHash()).isEqualTo(base);
        assertThat(hoa().birthDate(LocalDate.of(1979, 3, 11)).build().contentHash()).isNotEqualTo(base);
        assertThat(hoa().status(AccountStatus.CLOSED).build().contentHash()).isNotEqualTo(base);
        assertThat(hoa().email("hoa@example.vn").build().contentHash()).isNotEqualTo(base);
    }

    @Test
    void refusesMissingKeysAndOversizedValuesNamingTheField() {
        assertThatThrownBy(() -> LegacyAccount.builder(" ", "x"))
                .isInstanceOf(InvalidLegacyAccountException.class)
                .hasMessage("agency code is empty")
                .extracting(e -> ((InvalidLegacyAccountException) e).field()).isEqualTo(InvalidLegacyAccountException.Field.AGENCY_CODE);
        assertThatThrownBy(() -> hoa().email("a".repeat(321)))
                .isInstanceOf(InvalidLegacyAccountException.class)
                .hasMessage("email has 321 characters; at most 320 fit");
        assertThatThrownBy(() -> hoa().source("f.csv", 0))
                .isInstanceOf(InvalidLegacyAccountException.class)
                .extracting(e -> ((InvalidLegacyAccountException) e).field()).isEqualTo(InvalidLegacyAccountException.Field.SOURCE);
    }

    @Test
    void parsesStatusIgnoringCase() {
        assertThat(AccountStatus.parse(" locked ")).isEqualTo(AccountStatus.LOCKED);
        assertThatThrownBy(() -> AccountStatus.parse("DELETED"))
                .isInstanceOf(InvalidLegacyAccountException.class)
                .hasMessage("status 'DELETED' is not ACTIVE, LOCKED or CLOSED");
    }
}
