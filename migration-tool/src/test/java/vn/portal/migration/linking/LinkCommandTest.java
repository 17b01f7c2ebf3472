package vn.portal.migration.linking;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

import vn.portal.bridge.domain.model.identity.Gender;
import vn.portal.bridge.domain.model.identity.OldIdNumber;
import vn.portal.bridge.domain.model.identity.PersonalId;
import vn.portal.bridge.domain.model.identity.PhoneNumber;
import vn.portal.bridge.domain.model.legacy.AccountStatus;
import vn.portal.bridge.domain.model.legacy.LegacyAccount;
import vn.portal.bridge.domain.model.name.VietnameseName;
import vn.portal.bridge.domain.model.population.PopulationRecord;
import vn.portal.bridge.infrastructure.persistence.BridgeServices;
import vn.portal.bridge.infrastructure.persistence.DatabaseSettings;
import vn.portal.bridge.infrastructure.persistence.PortalDatabase;
import vn.portal.migration.cli.MigrationTool;

/** {@code link} and {@code export-links} in-process, against a temporary H2 file, as {@code java -jar} would run them. */
class LinkCommandTest {

    @TempDir
    Path dir;

    private String url;

    record Result(int exitCode, String out, String err) {
    }

    @BeforeEach
    void database() {
        url = "jdbc:h2:file:" + dir.resolve("data/portal").toAbsolutePath()
                + ";MODE=Oracle;AUTO_SERVER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000";
        try (PortalDatabase database = PortalDatabase.open(DatabaseSettings.defaults().withUrl(url), true)) {
            BridgeServices services = new BridgeServices(database.entityManagerFactory(), Clock.systemUTC());
            services.populationRecords().upsert(List.of(
                    new PopulationRecord(PersonalId.parse("001090012345"), OldIdNumber.parse("012345678"),
                            VietnameseName.of("Nguyễn Văn An"), LocalDate.parse("1990-03-15"), Gender.MALE, PhoneNumber.parse("0912345678")),
                    new PopulationRecord(PersonalId.parse("036185000101"), null, VietnameseName.of("Phạm Thị Lan"),
                            LocalDate.parse("1985-04-04"), Gender.FEMALE, null),
                    new PopulationRecord(PersonalId.parse("038185000202"), null, VietnameseName.of("Phạm Thị Lan"),
                            LocalDate.parse("1985-04-04"), Gender.FEMALE, null)));
            services.legacyAccounts().upsert(List.of(
                    account("BHXH", "000123", "NGUYEN VAN AN", "1990-03-15", Gender.MALE, "001090012345"),
                    account("BHXH", "000124", "Phạm Thị Lan", "1985-04-04", Gender.FEMALE, null),
                    account("BHXH", "000125", "Martin Dubois", "1978-06-21", Gender.MALE, "C4567890"),
                    account("BTP", "LLTP-9", "Nguyen Van An", "1990-03-15", Gender.MALE, "012 345 678")));
        }
    }

    private static LegacyAccount account(String agency, String id, String name, String birth, Gender gender, String idNumber) {
        return LegacyAccount.builder(agency, id).fullName(name).birthDate(LocalDate.parse(birth)).gender(gender).idNumber(idNumber)
                .passwordHash("{md5}5f4dcc3b5aa765d61d8327deb882cf99").createdAt(Instant.parse("2016-03-01T02:00:00Z"))
                .status(AccountStatus.ACTIVE).source("accounts-" + agency + ".csv", 2).build();
    }

    private Result run(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--db-url";
        all[args.length + 1] = url;
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = MigrationTool.commandLine(new MigrationTool(key -> Optional.empty()));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exit = commandLine.execute(all);
        return new Result(exit, out.toString(), err.toString());
    }

    @Test
    void dryRunReportsThenLinkWritesAndExportListsTheLinks() throws Exception {
        Result dry = run("link", "--agency", "BHXH", "--dry-run");
        assertThat(dry.exitCode()).as(dry.err()).isEqualTo(MigrationTool.OK);
        assertThat(dry.out()).contains("dry run", "accounts seen", "AUTO_EXACT", "FOREIGN_PASSPORT", "BETWEEN_THRESHOLDS");
        assertThat(run("export-links").out()).isEqualTo("agency_code,account_id,personal_id,method,score,state\r\n");

        Result linked = run("link", "--agency", "BHXH");
        assertThat(linked.exitCode()).isEqualTo(MigrationTool.OK);
        assertThat(linked.out()).containsPattern("auto-linked\\s+1");
        assertThat(run("link").out()).containsPattern("AUTO_REGISTER\\s+1");

        Path file = dir.resolve("links.csv");
        Result export = run("export-links", "--format", "csv", "--output", file.toString());
        assertThat(export.exitCode()).isEqualTo(MigrationTool.OK);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("agency_code,account_id,personal_id,method,score,state");
        assertThat(lines).hasSize(3);
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("BHXH,000123,001090012345,AUTO_EXACT,").endsWith(",ACTIVE"));
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("BTP,LLTP-9,001090012345,AUTO_REGISTER,"));
        assertThat(run("export-links", "--agency", "BTP").out().lines().count()).isEqualTo(2);
        assertThat(run("export-links", "--format", "xlsx").exitCode()).isEqualTo(MigrationTool.USAGE);
    }
}
