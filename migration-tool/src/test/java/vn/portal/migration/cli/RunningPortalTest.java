package vn.portal.migration.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.portal.bridge.application.imports.ImportKind;
import vn.portal.bridge.infrastructure.persistence.BridgeServices;
import vn.portal.bridge.infrastructure.persistence.DatabaseSettings;
import vn.portal.bridge.infrastructure.persistence.PortalDatabase;

/**
 * The tool imports into the portal's embedded H2 file while the portal holds it open: a second JVM runs the tool
 * with the default database, from the portal's working directory, as an operator would.
 */
class RunningPortalTest {

    @TempDir
    Path portalDirectory;

    @Test
    void importsIntoTheDatabaseTheRunningPortalHoldsOpen() throws Exception {
        DatabaseSettings portalDefault = DatabaseSettings.defaults();
        String absoluteUrl = portalDefault.url().replace("./data/portal", portalDirectory.resolve("data/portal").toAbsolutePath().toString());
        try (PortalDatabase portal = PortalDatabase.open(portalDefault.withUrl(absoluteUrl), true)) {
            Path accounts = portalDirectory.resolve("accounts-BHXH.csv");
            Files.writeString(accounts, ImportKind.ACCOUNTS.headerLine() + "\n"
                    + "BHXH,BH-9,lan,Bùi Thị Lan,03/12/1988,Nữ,038188005566,01689556677,,,,,ACTIVE\n", StandardCharsets.UTF_8);

            Process tool = startTool(portalDirectory, "--lang", "en", "import-accounts", "--file", accounts.getFileName().toString());

            assertThat(tool.waitFor(120, TimeUnit.SECONDS)).isTrue();
            String output = new String(tool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(tool.exitValue()).as(output).isZero();
            assertThat(output).contains("Inserted 1, updated 0, unchanged 0, rejected 0 (1 rows)");
            assertThat(new BridgeServices(portal).legacyAccounts().findByKey("BHXH", "BH-9").orElseThrow().phone().orElseThrow().value())
                    .isEqualTo("0389556677");
        }
    }

    private static Process startTool(Path workingDirectory, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dh2.bindAddress=127.0.0.1", "-cp", System.getProperty("java.class.path"), MigrationTool.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile()).redirectErrorStream(true);
        builder.environment().remove("PORTAL_DB_URL");
        builder.environment().remove("PORTAL_DB_USER");
        builder.environment().remove("PORTAL_DB_PASSWORD");
        return builder.start();
    }
}
