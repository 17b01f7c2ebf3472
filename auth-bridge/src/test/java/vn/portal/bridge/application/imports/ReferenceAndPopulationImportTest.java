package vn.portal.bridge.application.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.portal.bridge.domain.model.agency.Agency;
import vn.portal.bridge.domain.model.agency.AgencyKind;
import vn.portal.bridge.domain.model.encoding.LegacyEncoding;
import vn.portal.bridge.domain.model.identity.AssuranceLevel;
import vn.portal.bridge.domain.model.identity.Gender;
import vn.portal.bridge.domain.model.identity.OldIdNumber;
import vn.portal.bridge.domain.model.identity.PersonalId;
import vn.portal.bridge.domain.model.population.PopulationRecord;
import vn.portal.bridge.domain.model.service.PublicService;

class ReferenceAndPopulationImportTest {

    @TempDir
    Path dir;

    final ImportDatabase db = new ImportDatabase();

    @AfterEach
    void close() {
        db.close();
    }

    private ImportSummary agencies(Path file) {
        return db.importer.importAgencies(ImportSource.of(file), EncodingChoice.auto(), ImportProgress.NONE, "tester");
    }

    private ImportSummary services(Path file) {
        return db.importer.importServices(ImportSource.of(file), EncodingChoice.auto(), ImportProgress.NONE, "tester");
    }

    private ImportSummary population(Path file) {
        return db.importer.importPopulation(ImportSource.of(file), EncodingChoice.auto(), ImportProgress.NONE, "tester");
    }

    @Test
    void importsAgenciesParentsFirstAndRejectsAnUnknownParent() throws Exception {
        Path file = ImportDatabase.write(dir, "agencies.csv", LegacyEncoding.UTF_8,
                ImportKind.AGENCIES.headerLine(),
                "UBND-DN,Ủy ban nhân dân Thành phố Đà Nẵng,PROVINCE,,Chính phủ",
                "STP-DN,Sở Tư pháp Thành phố Đà Nẵng,province,UBND-DN,Ủy ban nhân dân Thành phố Đà Nẵng",
                "STP-HN,Sở Tư pháp Thành phố Hà Nội,PROVINCE,UBND-HN,Ủy ban nhân dân Thành phố Hà Nội",
                "SYT-CT,Sở Y tế Thành phố Cần Thơ,PROVINCE,UBND-CT,Ủy ban nhân dân Thành phố Cần Thơ",
                "BGDDT,Bộ Giáo dục và Đào tạo,CABINET,,Chính phủ");

        ImportSummary summary = agencies(file);

        assertThat(summary.inserted()).isEqualTo(2);
        assertThat(summary.unchanged()).as("STP-HN is in the demo data with the same values").isEqualTo(1);
        assertThat(summary.errors()).extracting(RowError::line, RowError::column)
                .containsExactly(tuple(5L, "parent_code"), tuple(6L, "kind"));
        assertThat(summary.errors()).extracting(RowError::code, RowError::arguments).containsExactly(
                tuple(RowErrorCode.UNKNOWN_PARENT_AGENCY, List.of("UBND-CT")), tuple(RowErrorCode.UNKNOWN_AGENCY_KIND, List.of("CABINET")));
        Agency department = db.services.serviceCatalog().agency("STP-DN").orElseThrow();
        assertThat(department.kind()).isEqualTo(AgencyKind.PROVINCE);
        assertThat(department.parentCode()).contains("UBND-DN");
        assertThat(department.name()).isEqualTo("Sở Tư pháp Thành phố Đà Nẵng");

        assertThat(agencies(file).unchanged()).isEqualTo(3);
    }

    @Test
    void aRenamedAgencyIsUpdated() throws Exception {
        ImportSummary summary = agencies(ImportDatabase.write(dir, "agencies.csv", LegacyEncoding.UTF_8,
                ImportKind.AGENCIES.headerLine(), "BHXH,Bảo hiểm Xã hội Việt Nam (BHXH),MINISTRY,,Chính phủ"));

        assertThat(summary.updated()).isEqualTo(1);
        assertThat(db.services.serviceCatalog().agency("BHXH").orElseThrow().name()).isEqualTo("Bảo hiểm Xã hội Việt Nam (BHXH)");
    }

    @Test
    void importsServicesAndChecksAgencyLevelAndIntegrationDate() throws Exception {
        Path file = ImportDatabase.write(dir, "services.csv", LegacyEncoding.TCVN3,
                ImportKind.SERVICES.headerLine(),
                "BHXH-CAPSO,BHXH,Cấp lại sổ bảo hiểm xã hội,2,true,15/03/2024",
                "BTP-QUOCTICH,BTP,Xác nhận có quốc tịch Việt Nam,2,0,",
                "BYT-KCB,BYT,Đăng ký khám chữa bệnh,1,false,",
                "BHXH-HUU,BHXH,Giải quyết hưởng lương hưu,3,false,",
                "BHXH-OMDAU,BHXH,Giải quyết hưởng chế độ ốm đau,2,có,",
                "BTP-LLTP,BTP,Cấp phiếu lý lịch tư pháp,2,true,2024-03-01");

        ImportSummary summary = services(file);

        assertThat(summary.encoding()).isEqualTo(LegacyEncoding.TCVN3);
        assertThat(summary.inserted()).isEqualTo(2);
        assertThat(summary.unchanged()).isEqualTo(1);
        assertThat(summary.errors()).extracting(RowError::line, RowError::column)
                .containsExactly(tuple(4L, "agency_code"), tuple(5L, "min_level"), tuple(6L, "integrated_on"));
        assertThat(summary.errors()).extracting(RowError::code, RowError::arguments).containsExactly(
                tuple(RowErrorCode.UNKNOWN_AGENCY, List.of("BYT")), tuple(RowErrorCode.BAD_ASSURANCE_LEVEL, List.of("3")),
                tuple(RowErrorCode.INTEGRATION_DATE_MISSING, List.of()));
        PublicService service = db.services.serviceCatalog().byCode("BHXH-CAPSO").orElseThrow();
        assertThat(service.name()).isEqualTo("Cấp lại sổ bảo hiểm xã hội");
        assertThat(service.minimumLevel()).isEqualTo(AssuranceLevel.LEVEL_2);
        assertThat(service.integratedOn()).contains(LocalDate.of(2024, 3, 15));
        assertThat(db.services.serviceCatalog().byCode("BTP-QUOCTICH").orElseThrow().vneidIntegrated()).isFalse();
    }

    @Test
    void importsThePopulationRegisterAndRejectsRecordsThatContradictTheirPersonalId() throws Exception {
        Path file = ImportDatabase.write(dir, "population.csv", LegacyEncoding.VNI,
                ImportKind.POPULATION.headerLine(),
                "001085012345,012345678,Nguyễn Văn An,1985-03-12,male,0912345678",
                "079301001234,,Trần Thị Bích Ngọc,05/11/2001,Nữ,+84987654321",
                "001190000021,172345678,Lê Thị Hoa,21/7/1990,nữ,01623456789",
                "031095004567,,Phạm Minh Đức,1996-09-02,Nam,",
                "048198007788,,Võ Thị Thu Hà,17/04/1998,Nam,",
                "04619800778,,Hoàng Văn Hùng,15/06/1972,Nam,",
                "092204001122,12345,Đặng Quốc Bảo,30/01/2004,Nam,",
                "038188005566,,Bùi Thị Lan,03/12/1988,Nữ,0123");

        ImportSummary summary = population(file);

        assertThat(summary.encoding()).isEqualTo(LegacyEncoding.VNI);
        assertThat(summary.inserted()).isEqualTo(3);
        assertThat(summary.errors()).extracting(RowError::line, RowError::column).containsExactly(
                tuple(5L, "birth_date"), tuple(6L, "gender"), tuple(7L, "personal_id"), tuple(8L, "old_id_number"), tuple(9L, "phone"));
        assertThat(summary.errors()).extracting(RowError::code, RowError::arguments).containsExactly(
                tuple(RowErrorCode.INCONSISTENT_IDENTITY, List.of()), tuple(RowErrorCode.INCONSISTENT_IDENTITY, List.of()),
                tuple(RowErrorCode.BAD_PERSONAL_ID, List.of("04619800778")), tuple(RowErrorCode.BAD_OLD_ID_NUMBER, List.of("12345")),
                tuple(RowErrorCode.BAD_PHONE, List.of("0123")));
        PopulationRecord hoa = db.services.populationRegister().findByPersonalId(PersonalId.parse("001190000021")).orElseThrow();
        assertThat(hoa.fullName().display()).isEqualTo("Lê Thị Hoa");
        assertThat(hoa.gender()).isEqualTo(Gender.FEMALE);
        assertThat(hoa.phone().orElseThrow().value()).isEqualTo("0323456789");
        assertThat(db.services.populationRegister().findByOldIdNumber(OldIdNumber.parse("172345678")))
                .extracting(PopulationRecord::personalId).containsExactly(PersonalId.parse("001190000021"));

        assertThat(population(file).unchanged()).isEqualTo(3);
    }

    @Test
    void theOtherRejectionsOfAgenciesServicesAndPopulationCarryTheirCodes() throws Exception {
        ImportSummary agencies = agencies(ImportDatabase.write(dir, "agencies.csv", LegacyEncoding.UTF_8,
                ImportKind.AGENCIES.headerLine(),
                "UBND-QN,Ủy ban nhân dân tỉnh Quảng Ninh,PROVINCE,UBND-QN,Chính phủ",
                "UBND-LC," + "Ủy ban ".repeat(50) + ",PROVINCE,,Chính phủ", // 349 characters once trimmed
                "UBND LS,Ủy ban nhân dân tỉnh Lạng Sơn,PROVINCE,,Chính phủ"));
        assertThat(agencies.errors()).extracting(RowError::column, RowError::code, RowError::arguments).containsExactly(
                tuple("parent_code", RowErrorCode.OWN_PARENT, List.of("UBND-QN")),
                tuple("name", RowErrorCode.TEXT_TOO_LONG, List.of("349", "300")),
                tuple("agency_code", RowErrorCode.CODE_HAS_SPACE, List.of("UBND LS")));

        ImportSummary services = services(ImportDatabase.write(dir, "services.csv", LegacyEncoding.UTF_8,
                ImportKind.SERVICES.headerLine(),
                "BTP-LLTP2,BTP,Cấp phiếu lý lịch tư pháp số 2,2,false,2024-03-01",
                "BTP-HT,BTP,,2,false,"));
        assertThat(services.errors()).extracting(RowError::column, RowError::code, RowError::arguments).containsExactly(
                tuple("integrated_on", RowErrorCode.INTEGRATION_DATE_UNEXPECTED, List.of()),
                tuple("name", RowErrorCode.EMPTY, List.of()));

        ImportSummary population = population(ImportDatabase.write(dir, "population.csv", LegacyEncoding.UTF_8,
                ImportKind.POPULATION.headerLine(),
                "001085012345,,Nguyen 3 An,1985-03-12,male,",
                "001085012345,,Nguyễn Văn An,1985-03-12,khác,"));
        assertThat(population.errors()).extracting(RowError::column, RowError::code, RowError::arguments).containsExactly(
                tuple("full_name", RowErrorCode.BAD_NAME, List.of()),
                tuple("gender", RowErrorCode.BAD_GENDER, List.of("khác")));
    }
}
