package vn.portal.migration.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

import vn.portal.bridge.application.imports.ImportKind;
import vn.portal.bridge.domain.model.encoding.LegacyEncoding;
import vn.portal.bridge.domain.model.encoding.LegacyText;

/** Runs the commands in-process, as {@code java -jar migration-tool.jar} would, against a temporary H2 file. */
class MigrationToolTest {

    @TempDir
    Path dir;

    String url;

    record Result(int exitCode, String out, String err) {
    }

    @BeforeEach
    void database() {
        url = "jdbc:h2:file:" + dir.resolve("data/portal").toAbsolutePath()
                + ";MODE=Oracle;AUTO_SERVER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000";
    }

    Result run(Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = MigrationTool.commandLine(new MigrationTool(key -> Optional.ofNullable(environment.get(key))));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exit = commandLine.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    Result run(String... args) {
        String[] withDatabase = new String[args.length + 4];
        System.arraycopy(args, 0, withDatabase, 0, args.length);
        withDatabase[args.length] = "--db-url";
        withDatabase[args.length + 1] = url;
        withDatabase[args.length + 2] = "--actor";
        withDatabase[args.length + 3] = "cli-test";
        return run(Map.of(), withDatabase);
    }

    Path file(String name, LegacyEncoding encoding, String... lines) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, LegacyText.encode(String.join("\n", lines) + "\n", encoding));
        return file;
    }

    String query(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "portal", "portal");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        }
    }

    void update(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "portal", "portal");
                Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }

    Path agencies() throws IOException {
        return file("agencies.csv", LegacyEncoding.UTF_8, ImportKind.AGENCIES.headerLine(),
                "BHXH,Bảo hiểm xã hội Việt Nam,MINISTRY,,Chính phủ",
                "UBND-DN,Ủy ban nhân dân Thành phố Đà Nẵng,PROVINCE,,Chính phủ",
                "STP-DN,Sở Tư pháp Thành phố Đà Nẵng,PROVINCE,UBND-DN,Ủy ban nhân dân Thành phố Đà Nẵng");
    }

    @Test
    void importsAgenciesServicesAndTcvn3AccountsAndReimportsWithoutChanges() throws Exception {
        Result agencies = run("import-agencies", "--file", agencies().toString());
        assertThat(agencies.exitCode()).as(agencies.err()).isZero();
        assertThat(agencies.out()).contains("Tệp agencies.csv (cơ quan)").contains("Thêm mới 3, cập nhật 0, không đổi 0, bị từ chối 0 (tổng 3 dòng)");

        Result services = run("import-services", "--file", file("services.csv", LegacyEncoding.UTF_8, ImportKind.SERVICES.headerLine(),
                "DN-KHAISINH,STP-DN,Đăng ký khai sinh,2,true,01/06/2024").toString());
        assertThat(services.exitCode()).as(services.err()).isZero();

        Path accounts = file("accounts-STP-DN.csv", LegacyEncoding.TCVN3, ImportKind.ACCOUNTS.headerLine(),
                "STP-DN,DN-1,annv,Nguyễn Văn An,12/03/1985,Nam,001085012345,01623456789,,,,,ACTIVE",
                "STP-DN,DN-2,ngoc,Trần Thị Bích Ngọc,05/11/2001,Nữ,,,,,,,ACTIVE",
                "STP-DN,DN-3,duc,Phạm Minh Đức,02/09/1995,Nam,031234567,,,,,,ACTIVE");
        Result first = run("import-accounts", "--file", accounts.toString());
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("Bảng mã: TCVN3 (ABC), tự nhận biết").contains("Thêm mới 3,");
        assertThat(query("SELECT raw_full_name FROM legacy_account WHERE account_id = 'DN-2'")).isEqualTo("Trần Thị Bích Ngọc");
        assertThat(query("SELECT phone FROM legacy_account WHERE account_id = 'DN-1'")).isEqualTo("0323456789");
        assertThat(query("SELECT id_number_kind FROM legacy_account WHERE account_id = 'DN-3'")).isEqualTo("OLD_ID_CARD");

        Result again = run("--lang", "en", "import-accounts", "--file", accounts.toString(), "--encoding", "tcvn3");
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("Encoding: TCVN3 (ABC), forced by --encoding").contains("Inserted 0, updated 0, unchanged 3, rejected 0 (3 rows)");
        assertThat(query("SELECT COUNT(*) FROM audit_event WHERE event_type = 'LEGACY_DATA_IMPORTED' AND actor = 'cli-test'")).isEqualTo("4");
    }

    @Test
    void rejectedRowsAreListedWithLineAndColumnAndExitWithOne() throws Exception {
        run("import-agencies", "--file", agencies().toString());
        Path accounts = file("accounts-BHXH.csv", LegacyEncoding.UTF_8, ImportKind.ACCOUNTS.headerLine(),
                "BHXH,B-1,lan,Bùi Thị Lan,03/12/1988,Nữ,,,,,,,ACTIVE",
                "BHXH,B-2,xuan,Đinh Thị Xuân,14/02/1967,Nữ,,,,{sha1}nosalt,,,ACTIVE",
                "BHXH,B-3,vinh,Ngô Quang Vinh,19/08/1980,Nam,,,,,,,ACTIVE");

        Result result = run("import-accounts", "--lang", "en", "--file", accounts.toString());

        assertThat(result.exitCode()).isEqualTo(MigrationTool.ROWS_REJECTED);
        assertThat(result.out()).contains("Inserted 2, updated 0, unchanged 0, rejected 1 (3 rows)")
                .contains("Rejected rows (file:line: column: reason):")
                .contains("  accounts-BHXH.csv:3: password_hash: ");
    }

    @Test
    void anUnusableFileExitsWithTwoAndOneMessage() throws Exception {
        Path empty = Files.writeString(dir.resolve("accounts-empty.csv"), "", StandardCharsets.UTF_8);

        Result result = run("import-accounts", "--file", empty.toString());

        assertThat(result.exitCode()).isEqualTo(MigrationTool.USAGE);
        assertThat(result.err().strip()).startsWith("accounts-empty.csv: is empty").doesNotContain("\n");
        assertThat(result.out()).isEmpty();
        assertThat(query("SELECT COUNT(*) FROM legacy_account")).isEqualTo("0");

        assertThat(run("import-accounts", "--file", dir.resolve("nowhere.csv").toString()).err()).contains("does not exist");
        assertThat(run("import-accounts", "--file", empty.toString(), "--encoding", "koi8-r").exitCode()).isEqualTo(MigrationTool.USAGE);
        assertThat(run("import-accounts").exitCode()).isEqualTo(MigrationTool.USAGE);
        assertThat(run().exitCode()).isEqualTo(MigrationTool.USAGE);
        assertThat(run("readiness-report").exitCode()).isEqualTo(MigrationTool.USAGE);
    }

    @Test
    void verifyAuditExitsWithOneWhenAnEventWasEdited() throws Exception {
        run("import-agencies", "--file", agencies().toString());
        run("import-agencies", "--file", agencies().toString());

        Result intact = run("verify-audit");
        assertThat(intact.exitCode()).isZero();
        assertThat(intact.out()).contains("nguyên vẹn (2 sự kiện");

        update("UPDATE audit_event SET details = REPLACE(details, 'inserted=3', 'inserted=0') WHERE id = 1");
        Result broken = run("--lang", "en", "verify-audit");
        assertThat(broken.exitCode()).isEqualTo(MigrationTool.ROWS_REJECTED);
        assertThat(broken.out()).contains("Audit chain broken at event 1");
    }

    @Test
    void importDemoLoadsTheBundledLegacyFilesInTheirLegacyEncodings() throws Exception {
        Result demo = run("--lang", "en", "import-demo");

        assertThat(demo.exitCode()).as(demo.out() + demo.err()).isZero();
        assertThat(demo.out()).contains("File accounts-BTP.csv (legacy accounts)").contains("Encoding: TCVN3 (ABC), detected")
                .contains("Encoding: VNI-Windows, detected").contains("Inserted 14,");
        assertThat(query("SELECT raw_full_name FROM legacy_account WHERE account_id = 'TP-2019-0003'")).isEqualTo("Đinh Thị Xuân");
        assertThat(query("SELECT raw_full_name FROM legacy_account WHERE account_id = 'HN-KS-0002'")).isEqualTo("Lý Thị Mỹ Duyên");
        assertThat(query("SELECT phone FROM legacy_account WHERE account_id = 'TP-2019-0003'")).isEqualTo("0396246810");
        assertThat(query("SELECT COUNT(*) FROM legacy_account")).isEqualTo("20");

        Result again = run("--lang", "en", "import-demo");
        assertThat(again.out()).doesNotContain("Inserted 1").contains("Inserted 0, updated 0, unchanged 8, rejected 0 (8 rows)");
    }

    @Test
    void takesTheDatabaseFromThePortalEnvironmentAndOptionsAfterTheCommand() throws Exception {
        Result fromEnvironment = run(Map.of("PORTAL_DB_URL", url), "import-agencies", "--file", agencies().toString());
        assertThat(fromEnvironment.exitCode()).as(fromEnvironment.err()).isZero();

        Result optionsAfter = run(Map.of(), "verify-audit", "--db-url", url, "--lang", "en");
        assertThat(optionsAfter.out()).contains("Audit chain intact (1 events checked)");
        assertThat(query("SELECT actor FROM audit_event WHERE id = 1")).startsWith("os:");
    }
}
