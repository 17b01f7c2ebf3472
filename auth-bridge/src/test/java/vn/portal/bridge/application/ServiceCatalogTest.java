package vn.portal.bridge.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import vn.portal.bridge.domain.model.agency.AgencyKind;
import vn.portal.bridge.domain.model.identity.AssuranceLevel;
import vn.portal.bridge.domain.model.service.PublicService;

class ServiceCatalogTest {

    private final DatabaseFixture fixture = new DatabaseFixture();
    private final ServiceCatalog catalog = fixture.services.serviceCatalog();

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void listsDemoServicesOfBothLevels() {
        assertThat(catalog.all()).hasSize(11)
                .extracting(PublicService::minimumLevel).contains(AssuranceLevel.LEVEL_1, AssuranceLevel.LEVEL_2);
    }

    @Test
    void findsServiceByCodeWithItsLevelAndIntegrationDate() {
        PublicService criminalRecord = catalog.byCode("BTP-LLTP").orElseThrow();

        assertThat(criminalRecord.name()).isEqualTo("Cấp phiếu lý lịch tư pháp");
        assertThat(criminalRecord.minimumLevel()).isEqualTo(AssuranceLevel.LEVEL_2);
        assertThat(criminalRecord.acceptsLevel(AssuranceLevel.LEVEL_1)).isFalse();
        assertThat(criminalRecord.acceptsLevel(AssuranceLevel.LEVEL_2)).isTrue();
        assertThat(criminalRecord.vneidIntegrated()).isTrue();
        assertThat(criminalRecord.integratedOn()).contains(LocalDate.of(2024, 3, 1));
        assertThat(catalog.byCode("HN-KETHON").orElseThrow().integratedOn()).isEmpty();
    }

    @Test
    void unknownOrBlankCodesFindNothing() {
        assertThat(catalog.byCode("KHONG-CO")).isEmpty();
        assertThat(catalog.byCode(" ")).isEmpty();
        assertThat(catalog.byCode(null)).isEmpty();
    }

    @Test
    void groupsServicesByAgency() {
        assertThat(catalog.byAgency("BCA")).extracting(PublicService::code)
                .containsExactly("BCA-CANCUOC", "BCA-CUTRU", "BCA-THUONGTRU");
        assertThat(catalog.agency("UBND-HCM").orElseThrow().kind()).isEqualTo(AgencyKind.PROVINCE);
        assertThat(catalog.agencies()).hasSize(6);
    }
}
