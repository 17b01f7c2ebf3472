package vn.portal.bridge.application.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import vn.portal.bridge.domain.model.encoding.Detection;
import vn.portal.bridge.domain.model.encoding.LegacyEncoding;

class EncodingStatementTest {

    @Test
    void theEnglishSentenceReadsBackAsEncodingDetectedAndConfidence() {
        EncodingStatement detected = EncodingStatement.of(LegacyEncoding.TCVN3,
                Optional.of(new Detection(LegacyEncoding.TCVN3, 0.968, "bytes 0xB5 and 0xAD (as in \"Nguyễn\") fit TCVN3")));

        assertThat(detected.text()).isEqualTo("TCVN3 (ABC) (detected, confidence 0.97: bytes 0xB5 and 0xAD (as in \"Nguyễn\") fit TCVN3)");
        assertThat(EncodingStatement.parse(detected.text())).contains(new EncodingStatement(LegacyEncoding.TCVN3,
                Optional.of(0.97), Optional.of("bytes 0xB5 and 0xAD (as in \"Nguyễn\") fit TCVN3")));
        assertThat(EncodingStatement.parse("VNI-Windows (forced)"))
                .contains(new EncodingStatement(LegacyEncoding.VNI, Optional.empty(), Optional.empty()));
    }

    @Test
    void aClippedSentenceStillReadsAndAnythingElseDoesNot() {
        assertThat(EncodingStatement.parse("UTF-8 (detected, confidence 1.00: valid UTF-8 with Vietnamese lett…"))
                .contains(new EncodingStatement(LegacyEncoding.UTF_8, Optional.of(1.0), Optional.of("valid UTF-8 with Vietnamese lett…")));
        assertThat(EncodingStatement.parse("auto")).isEmpty();
        assertThat(EncodingStatement.parse("tcvn3")).isEmpty();
        assertThat(EncodingStatement.parse("TCVN3 (ABC) (guessed)")).isEmpty();
        assertThat(EncodingStatement.parse(null)).isEmpty();
    }

    @Test
    void aForcedEncodingHasNoExplanationAndConfidenceStaysWithinZeroAndOne() {
        assertThatThrownBy(() -> new EncodingStatement(LegacyEncoding.VNI, Optional.empty(), Optional.of("why")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EncodingStatement(LegacyEncoding.VNI, Optional.of(1.5), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
