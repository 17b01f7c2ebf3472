package vn.portal.migration.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.portal.bridge.domain.model.encoding.EncodingDetector;
import vn.portal.bridge.domain.model.encoding.LegacyEncoding;

class DemoDataTest {

    @Test
    void theCommittedDemoFilesAreExactlyWhatTheGeneratorWrites() throws IOException {
        for (Map.Entry<String, byte[]> file : DemoData.files().entrySet()) {
            try (InputStream in = DemoDataTest.class.getClassLoader().getResourceAsStream("demo/" + file.getKey())) {
                assertThat(in).as(file.getKey()).isNotNull();
                assertThat(in.readAllBytes()).as(file.getKey() + " (regenerate with DemoData.main)").isEqualTo(file.getValue());
            }
        }
    }

    @Test
    void theAgencyFilesAreInUtf8Tcvn3AndVniAndSmall() {
        Map<String, byte[]> files = DemoData.files();
        assertThat(EncodingDetector.detect(files.get("accounts-BHXH.csv")).encoding()).isEqualTo(LegacyEncoding.UTF_8);
        assertThat(EncodingDetector.detect(files.get("accounts-BTP.csv")).encoding()).isEqualTo(LegacyEncoding.TCVN3);
        assertThat(EncodingDetector.detect(files.get("accounts-STP-HN.csv")).encoding()).isEqualTo(LegacyEncoding.VNI);
        assertThat(files.values().stream().mapToInt(b -> b.length).sum()).isLessThan(50 * 1024);
    }

    @Test
    void everyImportDemoFileHasAGenerator() {
        assertThat(ImportDemoCommand.FILES).extracting(f -> f.resource().substring("demo/".length()))
                .containsExactlyInAnyOrderElementsOf(DemoData.files().keySet());
    }
}
