package vn.portal.bridge.domain.model.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StringMetricsTest {

    private static boolean oneEdit(String a, String b) {
        return StringMetrics.withinOneEdit(a, 0, a.length(), b, 0, b.length());
    }

    private static double jw(String a, String b) {
        return StringMetrics.jaroWinkler(a, 0, a.length(), b, 0, b.length());
    }

    @Test
    void oneEditCoversSubstitutionInsertionDeletionAndAdjacentSwap() {
        assertThat(oneEdit("001090012345", "001090012345")).isTrue();
        assertThat(oneEdit("001090012345", "001090012346")).isTrue();
        assertThat(oneEdit("001090012345", "001090013245")).isTrue();
        assertThat(oneEdit("hoa", "hong")).isFalse();
        assertThat(oneEdit("khoi", "khoa")).isTrue();
        assertThat(oneEdit("lan", "lann")).isTrue();
        assertThat(oneEdit("linh", "lin")).isTrue();
        assertThat(oneEdit("", "a")).isTrue();
        assertThat(oneEdit("001090012345", "001090021354")).isFalse();
        assertThat(oneEdit("ab", "ba")).isTrue();
        assertThat(oneEdit("abc", "cba")).isFalse();
    }

    @Test
    void oneEditWorksOnRegionsOfLongerStrings() {
        String a = "nguyen thi hoa";
        String b = "tran thi hoa";
        assertThat(StringMetrics.withinOneEdit(a, 11, 14, b, 9, 12)).isTrue();
        assertThat(StringMetrics.withinOneEdit(a, 0, 6, b, 0, 4)).isFalse();
    }

    @Test
    void jaroWinklerMatchesPublishedExamples() {
        // Winkler (1990) and the usual textbook pairs
        assertThat(jw("martha", "marhta")).isCloseTo(0.9611, within(1e-4));
        assertThat(jw("dwayne", "duane")).isCloseTo(0.84, within(1e-4));
        assertThat(jw("dixon", "dicksonx")).isCloseTo(0.8133, within(1e-4));
        assertThat(jw("nguyen van", "nguyen van")).isEqualTo(1.0);
        assertThat(jw("", "")).isEqualTo(1.0);
        assertThat(jw("abc", "")).isEqualTo(0.0);
        assertThat(jw("abc", "xyz")).isEqualTo(0.0);
    }

    @Test
    void jaroWinklerOfLongRegionsAgreesWithTheShortPath() {
        String a = "a".repeat(40) + "nguyen thi ngoc" + "b".repeat(30);
        String b = "a".repeat(40) + "nguyen thi ngoc anh" + "b".repeat(30);
        double longPath = jw(a, b);
        assertThat(a.length()).isGreaterThan(64);
        assertThat(longPath).isBetween(0.9, 1.0);
        // same strings cut to 64 characters on the bitmask path give a comparable figure
        assertThat(jw("nguyen thi ngoc", "nguyen thi ngoc anh")).isCloseTo(0.9579, within(1e-3));
    }
}
