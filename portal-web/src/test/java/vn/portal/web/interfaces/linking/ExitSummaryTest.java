package vn.portal.web.interfaces.linking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Properties;

import jakarta.batch.runtime.BatchStatus;
import org.junit.jupiter.api.Test;

class ExitSummaryTest {

    /** Shaped exactly like the job listener's exit status. */
    private static final String SUMMARY = "seen=3 linked=2 review=1 unlinkable=0 no_match=0 errors=0 taken_meanwhile=0";

    private static Properties bundle(String language) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = ExitSummaryTest.class.getResourceAsStream("/vn/portal/web/i18n/messages_" + language + ".properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void readsTheJobListenersSummaryInItsOrder() {
        ExitSummary summary = ExitSummary.parse(SUMMARY).orElseThrow();

        assertThat(summary.counts()).extracting(ExitSummary.Count::name, ExitSummary.Count::value).containsExactly(
                tuple("seen", 3L), tuple("linked", 2L), tuple("review", 1L), tuple("unlinkable", 0L),
                tuple("no_match", 0L), tuple("errors", 0L), tuple("taken_meanwhile", 0L));
        assertThat(summary.counts().get(6).key()).isEqualTo("linking.exit.taken_meanwhile");
    }

    @Test
    void listsTheCountersInThePagesOrderWhateverOrderTheTextHas() {
        assertThat(ExitSummary.parse("  linked=5\tseen=7 ").orElseThrow().counts())
                .extracting(ExitSummary.Count::name, ExitSummary.Count::value)
                .containsExactly(tuple("seen", 7L), tuple("linked", 5L));
    }

    @Test
    void anythingElseIsNotASummary() {
        assertThat(ExitSummary.parse(null)).isEmpty();
        assertThat(ExitSummary.parse("  ")).isEmpty();
        assertThat(ExitSummary.parse("COMPLETED")).as("the default exit status").isEmpty();
        assertThat(ExitSummary.parse("FAILED")).isEmpty();
        assertThat(ExitSummary.parse("seen=3 linked=2 skipped=1")).as("an unknown counter").isEmpty();
        assertThat(ExitSummary.parse("seen=3 seen=4")).as("a counter twice").isEmpty();
        assertThat(ExitSummary.parse("seen=-1")).as("a negative count").isEmpty();
        assertThat(ExitSummary.parse("seen=three")).isEmpty();
        assertThat(ExitSummary.parse("seen=99999999999999999999")).as("past a long").isEmpty();
        assertThat(ExitSummary.parse("seen = 3")).isEmpty();
    }

    @Test
    void countsAreValidatedOnConstruction() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ExitSummary.Count("skipped", 1))
                .withMessageContaining("unknown linking counter 'skipped'");
        assertThatIllegalArgumentException().isThrownBy(() -> new ExitSummary.Count("seen", -1))
                .withMessageContaining("negative");
        assertThatIllegalArgumentException().isThrownBy(() -> new ExitSummary(List.of()));
    }

    @Test
    void rowsShowCountsForASummaryAndTheRawTextOnlyWhenItSaysSomethingElse() {
        ZonedDateTime now = ZonedDateTime.parse("2026-11-28T12:00:00+07:00[Asia/Ho_Chi_Minh]");
        var completed = LinkingJobsView.ExecutionRow.of(7, BatchStatus.COMPLETED, SUMMARY, now, now, "{}");
        assertThat(completed.counts()).hasSize(7);
        assertThat(completed.rawExitStatusShown()).isFalse();
        assertThat(completed.running()).isFalse();

        var failed = LinkingJobsView.ExecutionRow.of(8, BatchStatus.FAILED, "FAILED", now, now, "{}");
        assertThat(failed.counts()).isEmpty();
        assertThat(failed.rawExitStatusShown()).as("only the batch status repeated").isFalse();

        var odd = LinkingJobsView.ExecutionRow.of(9, BatchStatus.FAILED, "database unreachable", now, now, "{}");
        assertThat(odd.rawExitStatusShown()).isTrue();

        assertThat(List.of(BatchStatus.values())).filteredOn(s -> LinkingJobsView.ExecutionRow.of(1, s, null, now, null, "{}").running())
                .containsExactlyInAnyOrder(BatchStatus.STARTING, BatchStatus.STARTED, BatchStatus.STOPPING);
    }

    @Test
    void everyStatusAndCounterHasALabelInBothLanguages() throws IOException {
        for (String language : List.of("vi", "en")) {
            Properties messages = bundle(language);
            for (BatchStatus status : BatchStatus.values()) {
                assertThat(messages.getProperty("linking.status." + status)).as(language + " " + status).isNotBlank();
            }
            for (String name : ExitSummary.NAMES) {
                assertThat(messages.getProperty("linking.exit." + name)).as(language + " " + name).isNotBlank();
            }
        }
        assertThat(bundle("vi").getProperty("linking.exit.linked")).isEqualTo("Đã liên kết");
    }
}
