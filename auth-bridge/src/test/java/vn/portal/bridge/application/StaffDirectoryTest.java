package vn.portal.bridge.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import vn.portal.bridge.domain.model.audit.AuditEventType;
import vn.portal.bridge.domain.model.identity.PersonalId;
import vn.portal.bridge.domain.model.shared.ConflictingUpdateException;
import vn.portal.bridge.domain.model.staff.StaffGrant;
import vn.portal.bridge.domain.model.staff.StaffRole;

class StaffDirectoryTest {

    private static final PersonalId CITIZEN = PersonalId.parse("001085012345");
    private static final PersonalId OFFICER = PersonalId.parse("079301001234");
    private static final PersonalId ADMINISTRATOR = PersonalId.parse("001190000021");

    private final DatabaseFixture fixture = new DatabaseFixture();
    private final StaffDirectory directory = fixture.services.staffDirectory();

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void demoAdministratorHasTheAdministratorRole() {
        assertThat(directory.rolesOf(ADMINISTRATOR)).singleElement().satisfies(grant -> {
            assertThat(grant.role()).isEqualTo(StaffRole.ADMINISTRATOR);
            assertThat(grant.agencyCode()).isEmpty();
            assertThat(grant.grantedBy()).isEqualTo("demo-data");
        });
        assertThat(directory.isAdministrator(ADMINISTRATOR)).isTrue();
    }

    @Test
    void demoOfficerWorksForTheHoChiMinhCityCommittee() {
        assertThat(directory.rolesOf(OFFICER)).extracting(StaffGrant::role, g -> g.agencyCode().orElse(null))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(StaffRole.AGENCY_OFFICER, "UBND-HCM"));
        assertThat(directory.isOfficerOf(OFFICER, "UBND-HCM")).isTrue();
        assertThat(directory.isOfficerOf(OFFICER, "UBND-HN")).isFalse();
        assertThat(directory.isAdministrator(OFFICER)).isFalse();
    }

    @Test
    void ordinaryCitizenHasNoRoles() {
        assertThat(directory.rolesOf(CITIZEN)).isEmpty();
    }

    @Test
    void grantsAndRevokesWithAudit() {
        directory.grant(CITIZEN, StaffRole.AGENCY_OFFICER, "BTP", "001190000021");

        assertThat(directory.isOfficerOf(CITIZEN, "BTP")).isTrue();
        assertThat(fixture.services.auditLog().recent(AuditEventType.STAFF_GRANT_ADDED, 1)).singleElement()
                .satisfies(e -> assertThat(e.target()).contains("001085012345"));

        assertThat(directory.revoke(CITIZEN, StaffRole.AGENCY_OFFICER, "BTP", "001190000021")).isTrue();
        assertThat(directory.revoke(CITIZEN, StaffRole.AGENCY_OFFICER, "BTP", "001190000021")).isFalse();
        assertThat(directory.rolesOf(CITIZEN)).isEmpty();
    }

    @Test
    void theSameGrantCannotBeGivenTwiceEvenWithoutAgency() {
        assertThatThrownBy(() -> directory.grant(ADMINISTRATOR, StaffRole.ADMINISTRATOR, null, "test"))
                .isInstanceOf(ConflictingUpdateException.class);
        assertThatThrownBy(() -> directory.grant(OFFICER, StaffRole.AGENCY_OFFICER, "UBND-HCM", "test"))
                .isInstanceOf(ConflictingUpdateException.class);
    }

    @Test
    void refusesGrantsWithTheWrongAgencyShape() {
        assertThatThrownBy(() -> directory.grant(CITIZEN, StaffRole.AGENCY_OFFICER, null, "test"))
                .hasMessage("an AGENCY_OFFICER grant must name an agency");
        assertThatThrownBy(() -> directory.grant(CITIZEN, StaffRole.ADMINISTRATOR, "BTP", "test"))
                .hasMessage("an ADMINISTRATOR grant must not name an agency but names BTP");
    }
}
