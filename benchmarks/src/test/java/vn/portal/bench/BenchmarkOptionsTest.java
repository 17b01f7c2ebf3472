package vn.portal.bench;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BenchmarkOptionsTest {

    @Test
    void readsEveryOption() {
        BenchmarkOptions options = BenchmarkOptions.parse(new String[] {"--portal", "http://127.0.0.1:38080/",
                "--threads", "8", "--signins", "500", "--warmup", "5", "--timeout-ms", "2000",
                "--portal-pid", "1234", "--sandbox-pid", "5678"});

        assertThat(options.portal()).isEqualTo(URI.create("http://127.0.0.1:38080"));
        assertThat(options.threads()).isEqualTo(8);
        assertThat(options.signIns()).hasValue(500);
        assertThat(options.warmup()).isEqualTo(Duration.ofSeconds(5));
        assertThat(options.timeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(options.portalPid()).hasValue(1234);
        assertThat(options.sandboxPid()).hasValue(5678);
    }

    @Test
    void refusesAPortalOffLoopback() {
        assertThatThrownBy(() -> BenchmarkOptions.parse(new String[] {"--portal", "http://10.1.2.3:8080"}))
                .isInstanceOf(BenchmarkOptionException.class)
                .hasMessage("--portal: must be on loopback (localhost or 127.0.0.1), was 10.1.2.3");
    }

    @Test
    void refusesOutOfRangeAndUnknownOptions() {
        assertThatThrownBy(() -> BenchmarkOptions.parse(new String[] {"--threads", "0"}))
                .hasMessage("--threads: must be between 1 and 256, was 0");
        assertThatThrownBy(() -> BenchmarkOptions.parse(new String[] {"--duration", "ten"}))
                .hasMessage("--duration: 'ten' is not a whole number");
        assertThatThrownBy(() -> BenchmarkOptions.parse(new String[] {"--rate", "5"}))
                .hasMessage("--rate: unknown option (see --help)");
        assertThatThrownBy(() -> BenchmarkOptions.parse(new String[] {"--threads"}))
                .hasMessage("--threads: needs a value (see --help)");
    }
}
