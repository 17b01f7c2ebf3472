package vn.portal.web.security.oidc;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pac4j.oidc.profile.OidcProfile;
import vn.portal.bridge.application.VerifiedCitizen;
import vn.portal.bridge.domain.model.identity.AssuranceLevel;
import vn.portal.bridge.domain.model.identity.Gender;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.portal.web.security.oidc.RejectionCode.IDENTITY_INVALID;
import static vn.portal.web.security.oidc.TokenFixture.rejectionOf;

/**
 * Claims to citizen: configurable claim names, and refusal of an identity that does not hold together (issue 2,
 * "Claim mapping is configuration"; the personal ID rules are those of {@code PersonalId}).
 */
class ClaimMapperTest {

    private static final OidcSettings.ClaimNames VNEID_DEFAULTS =
            new OidcSettings.ClaimNames("citizenPid", "fullName", "birthDate", "gender", "accountLevel");
    private static final OidcSettings.ClaimNames OTHER_VOCABULARY =
            new OidcSettings.ClaimNames("SoDinhDanh", "HoVaTen", "NgaySinh", "GioiTinh", "loAs");

    private static final ClaimMapper MAPPER = new ClaimMapper(VNEID_DEFAULTS);

    /** Nguyễn Văn An: registered in Hà Nội (001), man born in the 1900s (0), 1985 (85). */
    private static OidcProfile an() {
        OidcProfile profile = new OidcProfile();
        profile.setId("vneid-sub-7c1f3a");
        profile.addAttribute("citizenPid", "001085012345");
        profile.addAttribute("fullName", "Nguyễn Văn An");
        profile.addAttribute("birthDate", "1985-03-14");
        profile.addAttribute("gender", "male");
        profile.addAttribute("accountLevel", "2");
        return profile;
    }

    @Test
    void mapsVneidDefaultClaims() {
        VerifiedCitizen citizen = MAPPER.toCitizen(an(), "op-session-42");

        assertThat(citizen.personalId().value()).isEqualTo("001085012345");
        assertThat(citizen.fullName().toString()).isEqualTo("Nguyễn Văn An");
        assertThat(citizen.birthDate()).isEqualTo(LocalDate.of(1985, 3, 14));
        assertThat(citizen.gender()).isEqualTo(Gender.MALE);
        assertThat(citizen.assuranceLevel()).isEqualTo(AssuranceLevel.LEVEL_2);
        assertThat(citizen.providerSubject()).isEqualTo("vneid-sub-7c1f3a");
        assertThat(citizen.providerSid()).isEqualTo("op-session-42");
    }

    // ------------------------------------------------------------------ configurable names

    @Test
    void mapsConfiguredClaimNamesSuchAsSoDinhDanh() {
        OidcProfile profile = new OidcProfile();
        profile.setId("kc-2b9d");
        profile.addAttribute("SoDinhDanh", "079195000123");
        profile.addAttribute("HoVaTen", "Trần Thị Bích Ngọc");
        profile.addAttribute("NgaySinh", "1995-07-02");
        profile.addAttribute("GioiTinh", "Nữ");
        profile.addAttribute("loAs", "urn:vneid:loa:2");

        VerifiedCitizen citizen = new ClaimMapper(OTHER_VOCABULARY).toCitizen(profile, null);

        assertThat(citizen.personalId().value()).isEqualTo("079195000123");
        assertThat(citizen.gender()).isEqualTo(Gender.FEMALE);
        assertThat(citizen.assuranceLevel()).isEqualTo(AssuranceLevel.LEVEL_2);
        assertThat(citizen.providerSid()).isNull();
    }

    @Test
    void rejectsProfileThatUsesOtherNamesThanConfigured() {
        assertThat(rejectionOf(() -> new ClaimMapper(OTHER_VOCABULARY).toCitizen(an(), null))).isEqualTo(IDENTITY_INVALID);
    }

    // ------------------------------------------------------------------ personal ID

    @Test
    void rejectsMissingPersonalId() {
        OidcProfile profile = an();
        profile.removeAttribute("citizenPid");

        assertThat(rejectionOf(() -> MAPPER.toCitizen(profile, null))).isEqualTo(IDENTITY_INVALID);
    }

    @Test
    void acceptsPersonalIdWrittenWithSpaces() {
        OidcProfile profile = an();
        profile.addAttribute("citizenPid", "001 085 012 345");

        assertThat(MAPPER.toCitizen(profile, null).personalId().value()).isEqualTo("001085012345");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "000085012345",  // province code 000 does not exist
            "00108501234",   // 11 digits
            "0010850123456", // 13 digits
            "123456789",     // an old 9-digit CMND number is not a personal ID
            "00108501234X",  // not all digits
            "001485012345",  // century digit 4 = the 2100s: born in 2185
    })
    void rejectsInvalidPersonalId(String personalId) {
        OidcProfile profile = an();
        profile.addAttribute("citizenPid", personalId);
        profile.removeAttribute("birthDate");

        assertThat(rejectionOf(() -> MAPPER.toCitizen(profile, null))).isEqualTo(IDENTITY_INVALID);
    }

    // ------------------------------------------------------------------ consistency with the personal ID

    @Test
    void rejectsBirthYearThatContradictsPersonalId() {
        OidcProfile profile = an();
        profile.addAttribute("birthDate", "1990-03-14");

        assertThat(rejectionOf(() -> MAPPER.toCitizen(profile, null))).isEqualTo(IDENTITY_INVALID);
    }

    @Test
    void rejectsCenturyThatContradictsPersonalId() {
        OidcProfile profile = an();
        profile.addAttribute("birthDate", "2085-03-14");

        assertThat(rejectionOf(() -> MAPPER.toCitizen(profile, null))).isEqualTo(IDENTITY_INVALID);
    }

    @Test
    void rejectsGenderThatContradictsPersonalId() {
        OidcProfile profile = an();
        profile.addAttribute("gender", "female");

        assertThat(rejectionOf(() -> MAPPER.toCitizen(profile, null))).isEqualTo(IDENTITY_INVALID);
    }

    @Test
    void acceptsVietnameseGenderConsistentWithPersonalId() {
        OidcProfile profile = an();
        profile.addAttribute("gender", "Nam");

        assertThat(MAPPER.toCitizen(profile, null).gender()).isEqualTo(Gender.MALE);
    }

    @Test
    void acceptsCitizenWithoutBirthDateOrGender() {
        OidcProfile profile = an();
        profile.removeAttribute("birthDate");
        profile.removeAttribute("gender");

        VerifiedCitizen citizen = MAPPER.toCitizen(profile, null);

        assertThat(citizen.birthDate()).isNull();
        assertThat(citizen.gender()).isNull();
    }

    @Test
    void rejectsBirthDateNotInIsoFormat() {
        OidcProfile profile = an();
        profile.addAttribute("birthDate", "14/03/1985");

        assertThat(rejectionOf(() -> MAPPER.toCitizen(profile, null))).isEqualTo(IDENTITY_INVALID);
    }

    @Test
    void rejectsUnknownGender() {
        OidcProfile profile = an();
        profile.addAttribute("gender", "x");

        assertThat(rejectionOf(() -> MAPPER.toCitizen(profile, null))).isEqualTo(IDENTITY_INVALID);
    }

    // ------------------------------------------------------------------ name

    @Test
    void rejectsMissingFullName() {
        OidcProfile profile = an();
        profile.removeAttribute("fullName");

        assertThat(rejectionOf(() -> MAPPER.toCitizen(profile, null))).isEqualTo(IDENTITY_INVALID);
    }

    @Test
    void rejectsFullNameWithMarkup() {
        OidcProfile profile = an();
        profile.addAttribute("fullName", "<script>alert(1)</script>");

        assertThat(rejectionOf(() -> MAPPER.toCitizen(profile, null))).isEqualTo(IDENTITY_INVALID);
    }

    // ------------------------------------------------------------------ level

    @ParameterizedTest
    @ValueSource(strings = {"2", "urn:vneid:loa:2", " 2 ", "LEVEL_2"})
    void readsLevelTwoFromEitherForm(String level) {
        OidcProfile profile = an();
        profile.addAttribute("accountLevel", level);

        assertThat(MAPPER.toCitizen(profile, null).assuranceLevel()).isEqualTo(AssuranceLevel.LEVEL_2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "urn:vneid:loa:1"})
    void readsLevelOneFromEitherForm(String level) {
        OidcProfile profile = an();
        profile.addAttribute("accountLevel", level);

        assertThat(MAPPER.toCitizen(profile, null).assuranceLevel()).isEqualTo(AssuranceLevel.LEVEL_1);
    }

    @Test
    void readsLevelSentAsJsonNumber() {
        OidcProfile profile = an();
        profile.addAttribute("accountLevel", 2L);

        assertThat(MAPPER.toCitizen(profile, null).assuranceLevel()).isEqualTo(AssuranceLevel.LEVEL_2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"3", "0", "urn:vneid:loa:3", "cao"})
    void rejectsUnknownLevel(String level) {
        OidcProfile profile = an();
        profile.addAttribute("accountLevel", level);

        assertThat(rejectionOf(() -> MAPPER.toCitizen(profile, null))).isEqualTo(IDENTITY_INVALID);
    }

    @Test
    void rejectsMissingLevel() {
        OidcProfile profile = an();
        profile.removeAttribute("accountLevel");

        assertThat(rejectionOf(() -> MAPPER.toCitizen(profile, null))).isEqualTo(IDENTITY_INVALID);
    }

    @Test
    void treatsBlankSidAsNone() {
        assertThat(MAPPER.toCitizen(an(), " ").providerSid()).isNull();
    }
}
