package vn.portal.bridge.application.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.portal.bridge.domain.model.audit.AuditEvent;
import vn.portal.bridge.domain.model.audit.AuditEventType;
import vn.portal.bridge.domain.model.audit.AuditOutcome;
import vn.portal.bridge.domain.model.encoding.LegacyEncoding;
import vn.portal.bridge.domain.model.identity.Gender;
import vn.portal.bridge.domain.model.legacy.AccountStatus;
import vn.portal.bridge.domain.model.legacy.IdNumberKind;
import vn.portal.bridge.domain.model.legacy.LegacyAccount;

class AccountImportTest {

    static final String HEADER = ImportKind.ACCOUNTS.headerLine();

    @TempDir
    Path dir;

    final ImportDatabase db = new ImportDatabase();

    @AfterEach
    void close() {
        db.close();
    }

    static String md5(String password) throws Exception {
        return "{md5}" + HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(password.getBytes(StandardCharsets.UTF_8)));
    }

    static String sha1(String salt, String password) throws Exception {
        return "{sha1}" + salt + "$" + HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-1").digest((salt + password).getBytes(StandardCharsets.UTF_8)));
    }

    static String pbkdf2() {
        byte[] salt = "muoi-sau-byte-16".getBytes(StandardCharsets.US_ASCII);
        byte[] hash = new byte[32];
        for (int i = 0; i < hash.length; i++) {
            hash[i] = (byte) (i * 7 + 3);
        }
        return "{pbkdf2-sha256}310000$" + Base64.getEncoder().encodeToString(salt) + "$" + Base64.getEncoder().encodeToString(hash);
    }

    static String[] bhxhRows() throws Exception {
        return new String[] {HEADER,
            "BHXH,BH-000001,annv85,Nguyễn Văn An,12/03/1985,Nam,001085012345,0912 345 678,an.nguyen85@gmail.com," + md5("matkhau123")
                    + ",2016-04-02T08:15:00+07:00,15/05/2024 19:42:10,ACTIVE",
            "BHXH,BH-000002,ngoc.tran,TRAN THI BICH NGOC,5/11/2001,nu,,+84 987 654 321,," + sha1("x9Tq", "Ngoc@2001")
                    + ",2019-09-09 10:00:00,,ACTIVE",
            "BHXH,BH-000003,lehoa,Lê Thị Hoa,1990-07-21,nữ,172345678,01623 456 789,hoa.le@yahoo.com," + pbkdf2()
                    + ",12/01/2012 07:30:00,,LOCKED",
            "BHXH,BH-000004,jsmith,John Smith,1979-02-28,male,B1234567,,,,,,CLOSED",
            "BHXH,BH-000005,test01,Test 01,,,12345,,,,,,ACTIVE"};
    }

    @Test
    void importsAccountsAndNormalisesNamesIdNumbersAndPhones() throws Exception {
        Path file = ImportDatabase.write(dir, "accounts-BHXH.csv", LegacyEncoding.UTF_8, bhxhRows());

        ImportSummary summary = db.accounts(file);

        assertThat(summary.inserted()).isEqualTo(5);
        assertThat(summary.rejected()).isZero();
        assertThat(summary.encoding()).isEqualTo(LegacyEncoding.UTF_8);
        assertThat(summary.detection()).isPresent();

        LegacyAccount an = db.services.legacyAccounts().findByKey("BHXH", "BH-000001").orElseThrow();
        assertThat(an.fullName().orElseThrow().display()).isEqualTo("Nguyễn Văn An");
        assertThat(an.nameKey()).contains("nguyen van an");
        assertThat(an.birthDate()).contains(LocalDate.of(1985, 3, 12));
        assertThat(an.gender()).contains(Gender.MALE);
        assertThat(an.idNumberKind()).isEqualTo(IdNumberKind.PERSONAL_ID);
        assertThat(an.phone().orElseThrow().value()).isEqualTo("0912345678");
        assertThat(an.createdAt()).contains(Instant.parse("2016-04-02T01:15:00Z"));
        assertThat(an.lastLoginAt()).contains(Instant.parse("2024-05-15T12:42:10Z"));
        assertThat(an.sourceFile()).contains("accounts-BHXH.csv");
        assertThat(an.sourceLine()).contains(2);

        LegacyAccount ngoc = db.services.legacyAccounts().findByKey("BHXH", "BH-000002").orElseThrow();
        assertThat(ngoc.nameKey()).contains("tran thi bich ngoc");
        assertThat(ngoc.idNumberKind()).isEqualTo(IdNumberKind.MISSING);
        assertThat(ngoc.phone().orElseThrow().value()).isEqualTo("0987654321");

        LegacyAccount hoa = db.services.legacyAccounts().findByKey("BHXH", "BH-000003").orElseThrow();
        assertThat(hoa.idNumberKind()).isEqualTo(IdNumberKind.OLD_ID_CARD);
        assertThat(hoa.phone().orElseThrow().value()).as("pre-2018 0162 mobiles became 032").isEqualTo("0323456789");
        assertThat(hoa.status()).isEqualTo(AccountStatus.LOCKED);

        assertThat(db.services.legacyAccounts().findByKey("BHXH", "BH-000004").orElseThrow().idNumberKind())
                .isEqualTo(IdNumberKind.PASSPORT);
        assertThat(db.services.legacyAccounts().findByKey("BHXH", "BH-000005").orElseThrow().idNumberKind())
                .isEqualTo(IdNumberKind.INVALID);
    }

    @Test
    void reimportingTheSameFileChangesNothing() throws Exception {
        Path file = ImportDatabase.write(dir, "accounts-BHXH.csv", LegacyEncoding.UTF_8, bhxhRows());
        db.accounts(file);
        List<String> before = db.strings("SELECT id || ' ' || imported_at FROM legacy_account ORDER BY id");

        ImportSummary again = db.accounts(file);

        assertThat(again.unchanged()).isEqualTo(5);
        assertThat(again.inserted() + again.updated() + again.rejected()).isZero();
        assertThat(db.strings("SELECT id || ' ' || imported_at FROM legacy_account ORDER BY id")).isEqualTo(before);
    }

    @Test
    void aCorrectedFileUpdatesOnlyTheChangedRows() throws Exception {
        String[] rows = bhxhRows();
        db.accounts(ImportDatabase.write(dir, "accounts-BHXH.csv", LegacyEncoding.UTF_8, rows));
        rows[2] = rows[2].replace("TRAN THI BICH NGOC", "Trần Thị Bích Ngọc");
        String[] withNewRow = java.util.Arrays.copyOf(rows, rows.length + 1);
        withNewRow[rows.length] = "BHXH,BH-000006,hungvh,Hoàng Văn Hùng,15/06/1972,Nam,046072003311,0914003311,,,,,ACTIVE";

        ImportSummary corrected = db.accounts(ImportDatabase.write(dir, "accounts-BHXH-v2.csv", LegacyEncoding.UTF_8, withNewRow));

        assertThat(corrected.updated()).isEqualTo(1);
        assertThat(corrected.inserted()).isEqualTo(1);
        assertThat(corrected.unchanged()).isEqualTo(4);
        assertThat(db.services.legacyAccounts().findByKey("BHXH", "BH-000002").orElseThrow().rawFullName())
                .contains("Trần Thị Bích Ngọc");
        assertThat(db.count("SELECT COUNT(*) FROM legacy_account")).isEqualTo(6);
    }

    @Test
    void reportsEachBadRowWithLineColumnAndReasonAndKeepsTheOthers() throws Exception {
        Path file = ImportDatabase.write(dir, "accounts-BTP.csv", LegacyEncoding.UTF_8,
                HEADER,
                "BTP,TP-1,vinhnq,Ngô Quang Vinh,19/08/1980,Nam,040080009876,0868123456,,,,,ACTIVE",
                "BTP,TP-2,lan.bui,Bùi Thị Lan,31/02/1988,Nữ,,,,,,,ACTIVE",
                "XYZ,TP-3,duc.pham,Phạm Minh Đức,02/09/1995,Nam,,,,,,,ACTIVE",
                "BTP,TP-4,thanh,Trương Công Thành,10/10/1993,Nam",
                "BTP,TP-5,baodq,Đặng Quốc Bảo,30/01/2004,Nam,,,,{md5}not-a-digest,,,ACTIVE",
                "BTP,TP-6,ha.vo,Võ Thị Thu Hà,17/04/1998,Nữ,,,,,,,DELETED",
                "BTP,TP-7,xuan.dinh,Đinh Thị Xuân,02/14/1967,Nữ,,,,,,,ACTIVE",
                "BTP,TP-8,duyen,Lý Thị Mỹ Duyên,22/08/2005,Nữ,,,,,yesterday,,ACTIVE",
                "BTP,TP-9,hung,\"Hoàng Văn\nHùng\",15/06/1972,Nam,,,,,,,ACTIVE",
                "BTP,TP-10,an,Nguyễn Văn An,12/13/1985,Nam,,,,,,,ACTIVE");

        ImportSummary summary = db.accounts(file);

        assertThat(summary.inserted()).isEqualTo(2);
        assertThat(summary.rejected()).isEqualTo(8);
        assertThat(summary.errors()).extracting(RowError::file).containsOnly("accounts-BTP.csv");
        assertThat(summary.errors()).extracting(RowError::line, RowError::column).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3L, "birth_date"),
                org.assertj.core.groups.Tuple.tuple(4L, "agency_code"),
                org.assertj.core.groups.Tuple.tuple(5L, null),
                org.assertj.core.groups.Tuple.tuple(6L, "password_hash"),
                org.assertj.core.groups.Tuple.tuple(7L, "status"),
                org.assertj.core.groups.Tuple.tuple(8L, "birth_date"),
                org.assertj.core.groups.Tuple.tuple(9L, "created_at"),
                org.assertj.core.groups.Tuple.tuple(12L, "birth_date"));
        assertThat(summary.errors()).as("codes and arguments for a user interface to word").extracting(RowError::code, RowError::arguments)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(RowErrorCode.BAD_DATE, List.of("31/02/1988", "yyyy-MM-dd, dd/MM/yyyy, d/M/yyyy")),
                        org.assertj.core.groups.Tuple.tuple(RowErrorCode.UNKNOWN_AGENCY, List.of("XYZ")),
                        org.assertj.core.groups.Tuple.tuple(RowErrorCode.WRONG_COLUMN_COUNT, List.of("6", "13")),
                        org.assertj.core.groups.Tuple.tuple(RowErrorCode.UNPARSEABLE_HASH, List.of()),
                        org.assertj.core.groups.Tuple.tuple(RowErrorCode.BAD_ACCOUNT_STATUS, List.of("DELETED")),
                        org.assertj.core.groups.Tuple.tuple(RowErrorCode.DATE_MONTH_FIRST, List.of("02/14/1967", "14")),
                        org.assertj.core.groups.Tuple.tuple(RowErrorCode.BAD_TIMESTAMP, List.of("yesterday",
                                "ISO-8601 (2019-03-04T08:15:00+07:00), dd/MM/yyyy HH:mm:ss")),
                        org.assertj.core.groups.Tuple.tuple(RowErrorCode.DATE_MONTH_FIRST, List.of("12/13/1985", "13")));
        assertThat(summary.errors().get(1).reason()).contains("XYZ").contains("not known");
        assertThat(summary.errors().get(2).reason()).isEqualTo("has 6 fields but the header has 13");
        assertThat(summary.errors().get(3).reason()).doesNotContain("not-a-digest");
        assertThat(summary.errors().get(4).reason()).contains("DELETED");
        assertThat(summary.errors().get(5).reason()).contains("month/day/year");
        assertThat(summary.errors().get(0).toString()).startsWith("accounts-BTP.csv:3: birth_date: '31/02/1988'");
        assertThat(db.services.legacyAccounts().findByKey("BTP", "TP-9").orElseThrow().sourceLine()).contains(10);
    }

    @Test
    void detectsAndDecodesTcvn3VniAndWindows1258Exports() throws Exception {
        for (LegacyEncoding encoding : List.of(LegacyEncoding.TCVN3, LegacyEncoding.VNI, LegacyEncoding.CP1258)) {
            String agency = switch (encoding) {
                case TCVN3 -> "BTP";
                case VNI -> "STP-HN";
                default -> "UBND-HCM";
            };
            Path file = ImportDatabase.write(dir, "accounts-" + agency + ".csv", encoding, HEADER,
                    agency + ",A1,annv,Nguyễn Văn An,12/03/1985,Nam,001085012345,0912345678,,,,,ACTIVE",
                    agency + ",A2,ngoc,Trần Thị Bích Ngọc,05/11/2001,Nữ,079301001234,,,,,,ACTIVE",
                    agency + ",A3,duc,Phạm Minh Đức,02/09/1995,Nam,,,,,,,ACTIVE",
                    agency + ",A4,ha,Võ Thị Thu Hà,17/04/1998,Nữ,,,,,,,ACTIVE",
                    agency + ",A5,bao,Đặng Quốc Bảo,30/01/2004,Nam,,,,,,,ACTIVE",
                    agency + ",A6,duyen,Lý Thị Mỹ Duyên,22/08/2005,Nữ,,,,,,,ACTIVE",
                    agency + ",A7,xuan,Đinh Thị Xuân,14/02/1967,Nữ,,,,,,,ACTIVE");

            ImportSummary summary = db.accounts(file);

            assertThat(summary.encoding()).as(encoding.name()).isEqualTo(encoding);
            assertThat(summary.detection()).isPresent();
            assertThat(summary.encodingStatement()).contains("detected");
            EncodingStatement statement = EncodingStatement.parse(summary.encodingStatement()).orElseThrow();
            assertThat(statement.encoding()).isEqualTo(encoding);
            assertThat(statement.detected()).isTrue();
            assertThat(statement.confidence().orElseThrow())
                    .isCloseTo(summary.detection().orElseThrow().confidence(), org.assertj.core.data.Offset.offset(0.005));
            assertThat(summary.inserted()).isEqualTo(7);
            assertThat(db.services.legacyAccounts().findByKey(agency, "A1").orElseThrow().rawFullName()).contains("Nguyễn Văn An");
            assertThat(db.services.legacyAccounts().findByKey(agency, "A2").orElseThrow().rawFullName()).contains("Trần Thị Bích Ngọc");
            assertThat(db.services.legacyAccounts().findByKey(agency, "A5").orElseThrow().nameKey()).contains("dang quoc bao");
            assertThat(db.services.legacyAccounts().findByKey(agency, "A6").orElseThrow().rawFullName()).contains("Lý Thị Mỹ Duyên");
        }
    }

    @Test
    void aBrokenRecordRejectsTheRestOfTheFileAndAValueTheAccountRefusesIsOther() throws Exception {
        Path file = ImportDatabase.write(dir, "accounts-BTP.csv", LegacyEncoding.UTF_8, HEADER,
                "BTP,TP-1,vinhnq,Ngô Quang Vinh,19/08/1980,Nam,040080009876,0868123456,,,,,ACTIVE",
                "BTP,TP-2," + "u".repeat(1000) + ",Bùi Thị Lan,03/12/1988,Nữ,,,,,,,ACTIVE",
                "BTP,,lan.bui,Bùi Thị Lan,03/12/1988,Nữ,,,,,,,ACTIVE",
                "BTP,TP-4,\"unterminated,Trương Công Thành,10/10/1993,Nam,,,,,,,ACTIVE");

        ImportSummary summary = db.importer.importAccounts(ImportSource.of(file), EncodingChoice.parse("utf-8"), ImportProgress.NONE, "tester");

        assertThat(summary.errors()).extracting(RowError::line, RowError::column, RowError::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3L, "username", RowErrorCode.OTHER),
                org.assertj.core.groups.Tuple.tuple(4L, "account_id", RowErrorCode.EMPTY),
                org.assertj.core.groups.Tuple.tuple(5L, null, RowErrorCode.UNREADABLE_REST));
        assertThat(summary.errors().get(0).arguments()).as("the account's own English words").containsExactly(summary.errors().get(0).reason());
        assertThat(summary.errors().get(1).arguments()).isEmpty();
        assertThat(summary.errors().get(2).arguments()).as("a CSV break, not a decoding one: no byte offset").containsExactly("UTF-8", "");
        assertThat(summary.errors().get(2).reason()).startsWith("not valid CSV").endsWith("; the rest of the file was not read");
    }

    @Test
    void theSameAccountsExportedInTcvn3AndThenInUtf8AreUnchanged() throws Exception {
        String[] rows = {HEADER, "BTP,A1,annv,Nguyễn Văn An,12/03/1985,Nam,001085012345,,,,,,ACTIVE",
            "BTP,A2,xuan,Đinh Thị Xuân,14/02/1967,Nữ,,,,,,,ACTIVE"};
        db.accounts(ImportDatabase.write(dir, "accounts-BTP-abc.csv", LegacyEncoding.TCVN3, rows));

        ImportSummary utf8 = db.accounts(ImportDatabase.write(dir, "accounts-BTP.csv", LegacyEncoding.UTF_8, rows));

        assertThat(utf8.unchanged()).isEqualTo(2);
    }

    @Test
    void readsDecomposedUtf8AsNfc() throws Exception {
        String nfd = Normalizer.normalize(HEADER + "\nBHXH,N1,ngoc,Trần Thị Bích Ngọc,05/11/2001,Nữ,,,,,,,ACTIVE\n", Normalizer.Form.NFD);
        ImportSummary summary = db.accounts(ImportDatabase.writeUtf8(dir, "accounts-nfd.csv", nfd));

        assertThat(summary.detection().orElseThrow().explanation()).contains("NFD");
        String stored = db.services.legacyAccounts().findByKey("BHXH", "N1").orElseThrow().rawFullName().orElseThrow();
        assertThat(stored).isEqualTo("Trần Thị Bích Ngọc");
        assertThat(Normalizer.isNormalized(stored, Normalizer.Form.NFC)).isTrue();
    }

    @Test
    void aForcedEncodingIsUsedAsGiven() throws Exception {
        Path file = ImportDatabase.write(dir, "accounts-BTP.csv", LegacyEncoding.VNI, HEADER,
                "BTP,V1,hung,Hoàng Văn Hùng,15/06/1972,Nam,,,,,,,ACTIVE");

        ImportSummary summary = db.importer.importAccounts(ImportSource.of(file), EncodingChoice.parse("vni"), ImportProgress.NONE, "tester");

        assertThat(summary.detection()).isEmpty();
        assertThat(summary.encodingStatement()).isEqualTo("VNI-Windows (forced)");
        assertThat(EncodingStatement.parse(summary.encodingStatement()))
                .contains(new EncodingStatement(LegacyEncoding.VNI, Optional.empty(), Optional.empty()));
        assertThat(db.services.legacyAccounts().findByKey("BTP", "V1").orElseThrow().rawFullName()).contains("Hoàng Văn Hùng");
    }

    @Test
    void aWholeFileThatCannotBeImportedFailsWithOneMessageAndChangesNothing() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        Path cp1258 = ImportDatabase.write(dir, "accounts-cp1258.csv", LegacyEncoding.CP1258, HEADER,
                "BHXH,C1,an,Nguyễn Văn An,12/03/1985,Nam,,,,,,,ACTIVE");
        record Case(Path file, EncodingChoice encoding, String message) { }
        List<Case> cases = List.of(
                new Case(ImportDatabase.writeUtf8(dir, "empty.csv", ""), EncodingChoice.auto(), "empty.csv: is empty"),
                new Case(ImportDatabase.writeUtf8(dir, "blank.csv", " \r\n\r\n"), EncodingChoice.auto(), "blank.csv: is empty"),
                new Case(Files.write(dir.resolve("scan.csv"), png), EncodingChoice.auto(), "scan.csv: is not a CSV text file"),
                new Case(ImportDatabase.writeUtf8(dir, "letter.csv", "Kính gửi Bảo hiểm xã hội\nDanh sách tài khoản đính kèm\n"),
                        EncodingChoice.auto(), "letter.csv: is not a CSV file of accounts"),
                new Case(ImportDatabase.writeUtf8(dir, "population.csv", ImportKind.POPULATION.headerLine()
                        + "\n001085012345,,Nguyễn Văn An,1985-03-12,male,\n"), EncodingChoice.auto(),
                        "population.csv: is a population file, not an accounts file"),
                new Case(ImportDatabase.writeUtf8(dir, "header-only.csv", HEADER + "\n"), EncodingChoice.auto(),
                        "header-only.csv: has a header but no data rows"),
                new Case(ImportDatabase.writeUtf8(dir, "half.csv", "agency_code,account_id,full_name\nBHXH,1,An\n"),
                        EncodingChoice.auto(), "missing: username"),
                new Case(cp1258, EncodingChoice.parse("utf-8"), "not UTF-8 text at byte offset"),
                new Case(dir.resolve("missing.csv"), EncodingChoice.auto(), "missing.csv: does not exist"));
        for (Case c : cases) {
            assertThatThrownBy(() -> db.importer.importAccounts(ImportSource.of(c.file()), c.encoding(), ImportProgress.NONE, "tester"))
                    .as(c.file().getFileName().toString())
                    .isInstanceOf(ImportFileException.class)
                    .hasMessageContaining(c.message());
        }
        assertThat(db.count("SELECT COUNT(*) FROM legacy_account")).isZero();
        List<AuditEvent> audits = db.services.auditLog().recent(AuditEventType.LEGACY_DATA_IMPORTED, 20);
        assertThat(audits).hasSize(cases.size()).allSatisfy(event -> {
            assertThat(event.outcome()).isEqualTo(AuditOutcome.FAILURE);
            assertThat(event.reason()).contains("FILE_REJECTED");
        });
    }

    @Test
    void recordsAnAuditEventWithWhoWhatAndCounts() throws Exception {
        db.importer.importAccounts(ImportSource.of(ImportDatabase.write(dir, "accounts-BHXH.csv", LegacyEncoding.UTF_8, bhxhRows())),
                EncodingChoice.auto(), ImportProgress.NONE, "nguyenvana");

        AuditEvent event = db.services.auditLog().recent(AuditEventType.LEGACY_DATA_IMPORTED, 1).get(0);
        assertThat(event.outcome()).isEqualTo(AuditOutcome.SUCCESS);
        assertThat(event.actor()).contains("nguyenvana");
        assertThat(event.target()).contains("import/accounts");
        assertThat(event.details().orElseThrow()).contains("file=accounts-BHXH.csv").contains("encoding=utf-8 (detected)")
                .contains("inserted=5").contains("rejected=0");
        assertThat(db.services.auditLog().verify().isIntact()).isTrue();
    }

    @Test
    void reportsProgressAfterEachBatchAndAtTheEnd() throws Exception {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (int i = 1; i <= 4500; i++) {
            csv.append("BHXH,P").append(i).append(",u").append(i).append(",Nguyễn Thị Hồng,01/01/1990,Nữ,,,,,,,ACTIVE\n");
        }
        Path file = ImportDatabase.writeUtf8(dir, "accounts-big.csv", csv.toString());
        List<long[]> calls = new ArrayList<>();

        ImportSummary summary = db.importer.importAccounts(ImportSource.of(file), EncodingChoice.auto(),
                (rows, bytes, total) -> calls.add(new long[] {rows, bytes, total}), "tester");

        assertThat(summary.inserted()).isEqualTo(4500);
        assertThat(calls).extracting(c -> c[0]).containsExactly(2000L, 4000L, 4500L);
        assertThat(calls.get(2)[1]).isEqualTo(Files.size(file));
        assertThat(calls).allSatisfy(c -> assertThat(c[2]).isEqualTo(Files.size(file)));
    }
}
