package vn.portal.bridge.infrastructure.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.portal.bridge.application.AuditLog;
import vn.portal.bridge.application.ChainVerification;
import vn.portal.bridge.domain.model.audit.AuditEntry;
import vn.portal.bridge.domain.model.audit.AuditEventType;

/**
 * The portal holds the H2 file (AUTO_SERVER) while a second JVM, as the CLI would, opens the same file,
 * runs Flyway and appends to the audit chain; the chain stays one unbroken sequence.
 */
class CrossProcessDatabaseTest {

    @Test
    void cliStyleProcessSharesThePortalsFileAndAuditChain(@TempDir Path dir) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("portal").toAbsolutePath()
                + ";MODE=Oracle;AUTO_SERVER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000";
        try (PortalDatabase portal = PortalDatabase.open(DatabaseSettings.defaults().withUrl(url).withPool(1, 4), true)) {
            AuditLog log = new BridgeServices(portal.entityManagerFactory(), Clock.systemUTC()).auditLog();
            log.record(AuditEntry.success(AuditEventType.SIGN_IN_SUCCEEDED).withActor("portal"));

            Process cli = startSecondProcess(url, 5);
            String output = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(cli.waitFor(120, TimeUnit.SECONDS)).as("second JVM finished").isTrue();
            assertThat(cli.exitValue()).as(output).isZero();
            assertThat(output).contains("DONE");
            assertThat(Files.readString(dir.resolve("portal.lock.db"), StandardCharsets.ISO_8859_1))
                    .as("H2 advertises its AUTO_SERVER port on loopback only")
                    .containsPattern("server=(localhost|127\\.0\\.0\\.1)\\\\?:\\d+");

            log.record(AuditEntry.success(AuditEventType.SIGNED_OUT).withActor("portal"));

            ChainVerification verification = log.verify();
            assertThat(verification.isIntact()).as(verification.toString()).isTrue();
            assertThat(verification.eventsChecked()).isEqualTo(7);
            assertThat(log.findByCorrelationId("second-process-4")).hasSize(1);
            assertThat(log.recent(1).get(0).actor()).contains("portal");
        }
    }

    private static Process startSecondProcess(String url, int events) throws IOException {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(List.of(java, "-Dh2.bindAddress=127.0.0.1", "-cp", classPath,
                SecondProcess.class.getName(), url, Integer.toString(events)))
                .redirectErrorStream(true)
                .start();
    }
}
