package vn.portal.sandbox.citizen;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CitizenDirectoryTest {

    private static final String HEADER = "personal_id,full_name,birth_date,gender,phone,account_level\n";

    private static CitizenDirectory parse(String csv) {
        return CitizenDirectory.load(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "test.csv");
    }

    @Test
    void bundledDirectoryHoldsTheDemoStaffAndLevelOneCitizens() {
        CitizenDirectory directory = CitizenDirectory.bundled();
        assertThat(directory.size()).isGreaterThanOrEqualTo(12);
        assertThat(directory.find("001085012345")).hasValue(new Citizen("001085012345", "Nguyễn Văn An",
                LocalDate.of(1985, 3, 12), Gender.MALE, "0912345678", 2));
        assertThat(directory.find("079301001234")).hasValue(new Citizen("079301001234", "Trần Thị Bích Ngọc",
                LocalDate.of(2001, 11, 5), Gender.FEMALE, "0987654321", 2));
        assertThat(directory.find("001190000021")).hasValue(new Citizen("001190000021", "Lê Thị Hoa",
                LocalDate.of(1990, 7, 21), Gender.FEMALE, "0901234567", 2));
        assertThat(directory.find("031095004567")).hasValueSatisfying(c -> {
            assertThat(c.fullName()).isEqualTo("Phạm Minh Đức");
            assertThat(c.accountLevel()).isEqualTo(1);
        });
        assertThat(directory.all().stream().filter(c -> c.accountLevel() == 1).count()).isGreaterThanOrEqualTo(3);
        assertThat(directory.all()).allSatisfy(c ->
                assertThat(Normalizer.isNormalized(c.fullName(), Normalizer.Form.NFC)).isTrue());
    }

    @Test
    void namesAreNormalisedToNfcWithSingleSpaces() {
        String decomposed = Normalizer.normalize("Nguyễn  Văn   An", Normalizer.Form.NFD);
        CitizenDirectory d = parse(HEADER + "001085012345," + decomposed + ",1985-03-12,male,0912345678,2\n");
        assertThat(d.find("001085012345").orElseThrow().fullName()).isEqualTo("Nguyễn Văn An");
    }

    @Test
    void masksAllButFirstFourAndLastTwoDigits() {
        assertThat(CitizenDirectory.bundled().find("001085012345").orElseThrow().maskedPersonalId())
                .isEqualTo("0010******45");
    }

    @Test
    void subjectIsStableAndNotThePersonalId() {
        Citizen an = CitizenDirectory.bundled().find("001085012345").orElseThrow();
        assertThat(an.subject()).isEqualTo(CitizenDirectory.bundled().find("001085012345").orElseThrow().subject())
                .isNotEqualTo(an.personalId());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown province 003         | 003085012345,Nguyễn Văn An,1985-03-12,male,0912345678,2      | personal_id   | not a province code
            century digit says female    | 001185012345,Nguyễn Văn An,1985-03-12,male,0912345678,2      | personal_id   | digit 4
            born in 2000s with digit 0   | 001005012345,Nguyễn Văn An,2005-03-12,male,0912345678,2      | personal_id   | digit 4
            year digits disagree         | 001086012345,Nguyễn Văn An,1985-03-12,male,0912345678,2      | personal_id   | digits 5-6
            eleven digits                | 00108501234,Nguyễn Văn An,1985-03-12,male,0912345678,2       | personal_id   | 12 digits
            day-first date               | 001085012345,Nguyễn Văn An,12/03/1985,male,0912345678,2      | birth_date    | yyyy-MM-dd
            unknown gender               | 001085012345,Nguyễn Văn An,1985-03-12,nam,0912345678,2       | gender        | male
            level three                  | 001085012345,Nguyễn Văn An,1985-03-12,male,0912345678,3      | account_level | 1 or 2
            level word                   | 001085012345,Nguyễn Văn An,1985-03-12,male,0912345678,two    | account_level | 1 or 2
            landline phone               | 001085012345,Nguyễn Văn An,1985-03-12,male,0243826000,2      | phone         | mobile
            digits in name               | 001085012345,Nguyễn Văn 4n,1985-03-12,male,0912345678,2      | full_name     | letters
            """)
    void invalidRowIsReportedWithLineAndField(String why, String row, String field, String message) {
        String csv = HEADER + "001190000021,Lê Thị Hoa,1990-07-21,female,0901234567,2\n" + row + "\n";
        assertThatThrownBy(() -> parse(csv))
                .isInstanceOfSatisfying(CitizenFileException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.getMessage()).startsWith("test.csv line 3, field '" + field + "'").contains(message);
                });
    }

    @Test
    void loadsAConfiguredFileAndNamesItInErrors(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = dir.resolve("citizens.csv");
        java.nio.file.Files.writeString(file, HEADER + "001190000021,Lê Thị Hoa,1990-07-21,female,0901234567,2\n");
        assertThat(CitizenDirectory.fromFile(file).size()).isEqualTo(1);
        java.nio.file.Files.writeString(file, HEADER + "001190000021,Lê Thị Hoa,1990-07-21,female,0901234567,5\n");
        assertThatThrownBy(() -> CitizenDirectory.fromFile(file)).isInstanceOf(CitizenFileException.class)
                .hasMessageStartingWith(file + " line 2, field 'account_level'");
        assertThatThrownBy(() -> CitizenDirectory.fromFile(dir.resolve("missing.csv")))
                .isInstanceOf(CitizenFileException.class).hasMessageContaining("cannot be read");
    }

    @Test
    void duplicatePersonalIdIsRefused() {
        String row = "001190000021,Lê Thị Hoa,1990-07-21,female,0901234567,2\n";
        assertThatThrownBy(() -> parse(HEADER + row + row))
                .isInstanceOf(CitizenFileException.class).hasMessageContaining("line 3").hasMessageContaining("duplicate");
    }

    @Test
    void wrongHeaderIsRefused() {
        assertThatThrownBy(() -> parse("pid,name,birth,gender,phone,level\n"))
                .isInstanceOf(CitizenFileException.class).hasMessageContaining("header must be");
    }

    @Test
    void wrongNumberOfFieldsIsRefused() {
        assertThatThrownBy(() -> parse(HEADER + "001190000021,Lê Thị Hoa,1990-07-21,female\n"))
                .isInstanceOf(CitizenFileException.class).hasMessageContaining("line 2").hasMessageContaining("fields");
    }

    @Test
    void emptyFileIsRefused() {
        assertThatThrownBy(() -> parse(HEADER)).isInstanceOf(CitizenFileException.class).hasMessageContaining("no citizens");
    }

    @Test
    void legacyEncodedFileIsRefusedRatherThanMangled() {
        byte[] cp1258 = (HEADER + "001190000021,Lê Thị Hoa,1990-07-21,female,0901234567,2\n")
                .getBytes(Charset.forName("windows-1258"));
        assertThatThrownBy(() -> CitizenDirectory.load(new ByteArrayInputStream(cp1258), "legacy.csv"))
                .isInstanceOf(CitizenFileException.class).hasMessageContaining("UTF-8");
    }

    @Test
    void femaleBornIn2001HasCenturyDigitThree() {
        Citizen ngoc = new Citizen("079301001234", "Trần Thị Bích Ngọc", LocalDate.of(2001, 11, 5), Gender.FEMALE,
                "0987654321", 2);
        assertThat(ngoc.phoneE164()).isEqualTo("+84987654321");
    }
}
