package vn.portal.bridge.domain.model.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class MatchingModelTest {

    private static Properties defaults() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MatchingModel.class.getResourceAsStream(MatchingModel.DEFAULT_RESOURCE)) {
            properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void weightsAreLog2OfMOverUFromTheResource() {
        MatchingModel model = MatchingModel.loadDefault();
        Comparison personalId = model.comparisons().get(0);

        assertThat(personalId.field()).isEqualTo(ComparisonField.PERSONAL_ID);
        assertThat(personalId.weight(Level.EXACT)).isCloseTo(Math.log(0.97 / 0.000001) / Math.log(2), within(1e-12));
        assertThat(personalId.weight(Level.MISSING)).isZero();
        assertThat(model.priorWeight()).isCloseTo(-19.9316, within(1e-4));
        assertThat(model.thresholds()).isEqualTo(new Thresholds(10.0, -2.0, 5.0));
        assertThat(model.blockingRules()).containsExactly(BlockingRule.PERSONAL_ID, BlockingRule.OLD_ID_NUMBER,
                BlockingRule.PHONE, BlockingRule.NAME_KEY_BIRTH_YEAR);
        assertThat(model.vetoes(ComparisonField.GIVEN_NAME, Level.DIACRITICS_DIFFER)).isTrue();
        assertThat(model.vetoes(ComparisonField.GIVEN_NAME, Level.FOLDED_EQUAL)).isFalse();
    }

    @Test
    void everyLevelOrderStartsWithMissingAndEndsWithDisagree() {
        for (Comparison comparison : MatchingModel.loadDefault().comparisons()) {
            assertThat(comparison.levels().get(0)).isEqualTo(Level.MISSING);
            assertThat(comparison.levels().get(comparison.levels().size() - 1)).isEqualTo(Level.DISAGREE);
            // agreement must never weigh less than disagreement
            assertThat(comparison.weight(Level.DISAGREE)).isNegative();
            assertThat(comparison.weight(comparison.levels().get(1))).isPositive();
        }
    }

    @Test
    void misspeltKeyIsRefused() throws IOException {
        Properties properties = defaults();
        properties.setProperty("threshold.uper", "12");

        assertThatThrownBy(() -> MatchingModel.fromProperties(properties))
                .isInstanceOf(InvalidMatchingModelException.class)
                .hasMessage("unknown keys in the matching model: threshold.uper");
    }

    @Test
    void missingProbabilityIsRefusedWithItsKey() throws IOException {
        Properties properties = defaults();
        properties.remove("comparison.phone.EXACT.u");

        assertThatThrownBy(() -> MatchingModel.fromProperties(properties))
                .isInstanceOf(InvalidMatchingModelException.class)
                .hasMessage("matching model key comparison.phone.EXACT.u is missing");
    }

    @Test
    void probabilityOutsideZeroToOneIsRefused() throws IOException {
        Properties properties = defaults();
        properties.setProperty("comparison.gender.EXACT.m", "1.5");

        assertThatThrownBy(() -> MatchingModel.fromProperties(properties))
                .hasMessage("matching model key comparison.gender.EXACT.m must be a probability in (0, 1] but is 1.5");
    }

    @Test
    void levelAComparisonCannotUseIsRefused() throws IOException {
        Properties properties = defaults();
        properties.setProperty("comparison.gender.levels", "MISSING,EXACT,DAY_MONTH_SWAPPED,DISAGREE");

        assertThatThrownBy(() -> MatchingModel.fromProperties(properties))
                .hasMessage("comparison.gender.levels: comparison gender cannot use level DAY_MONTH_SWAPPED");
    }

    @Test
    void levelsMustStartWithTheNullLevel() throws IOException {
        Properties properties = defaults();
        properties.setProperty("comparison.gender.levels", "EXACT,MISSING,DISAGREE");

        assertThatThrownBy(() -> MatchingModel.fromProperties(properties))
                .hasMessage("comparison.gender.levels must start with MISSING (the null level)");
    }

    @Test
    void unknownBlockingRuleIsRefused() throws IOException {
        Properties properties = defaults();
        properties.setProperty("blocking.rules", "personal_id,email");

        assertThatThrownBy(() -> MatchingModel.fromProperties(properties))
                .hasMessageStartingWith("unknown blocking rule 'email'");
    }

    @Test
    void thresholdsMustBeOrdered() {
        assertThatThrownBy(() -> new Thresholds(3.0, 3.0, 1.0))
                .isInstanceOf(InvalidMatchingModelException.class)
                .hasMessage("the upper threshold (3.0) must be above the lower threshold (3.0)");
        assertThatThrownBy(() -> new Thresholds(3.0, 1.0, -1.0))
                .hasMessage("the competing margin must not be negative but was -1.0");
    }

    @Test
    void thresholdsCanBeOverriddenWithoutTouchingTheWeights() {
        MatchingModel model = MatchingModel.loadDefault();
        MatchingModel stricter = model.withThresholds(new Thresholds(14.0, 0.0, 6.0));

        assertThat(stricter.thresholds().upper()).isEqualTo(14.0);
        assertThat(stricter.comparisons().get(3).weight(Level.EXACT)).isEqualTo(model.comparisons().get(3).weight(Level.EXACT));
        assertThat(model.thresholds().upper()).isEqualTo(10.0);
    }

    @Test
    void configurationOverridesThresholdsAndCanNameAnotherModelFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws IOException {
        java.util.Map<String, String> config = new java.util.HashMap<>();
        config.put(MatchingModel.CONFIG_UPPER_THRESHOLD, "12.5");
        config.put(MatchingModel.CONFIG_COMPETING_MARGIN, " 6 ");
        MatchingModel configured = MatchingModel.fromConfiguration(key -> java.util.Optional.ofNullable(config.get(key)));
        assertThat(configured.thresholds()).isEqualTo(new Thresholds(12.5, -2.0, 6.0));

        Properties properties = defaults();
        properties.setProperty("model.version", "test-1");
        java.nio.file.Path file = dir.resolve("model.properties");
        try (java.io.Writer out = java.nio.file.Files.newBufferedWriter(file)) {
            properties.store(out, "test");
        }
        config.put(MatchingModel.CONFIG_MODEL_FILE, file.toString());
        assertThat(MatchingModel.fromConfiguration(key -> java.util.Optional.ofNullable(config.get(key))).version())
                .isEqualTo("test-1");

        config.put(MatchingModel.CONFIG_LOWER_THRESHOLD, "low");
        assertThatThrownBy(() -> MatchingModel.fromConfiguration(key -> java.util.Optional.ofNullable(config.get(key))))
                .isInstanceOf(InvalidMatchingModelException.class)
                .hasMessage("PORTAL_MATCH_LOWER_THRESHOLD must be a number of bits but is 'low'");
    }

    @Test
    void foldedNameGuardIsDataWithItsBarAndTheLevelsThatSeparateLookAlikes() throws IOException {
        MatchingModel model = MatchingModel.loadDefault();
        assertThat(model.foldedNameMinOtherSpellingShare()).isEqualTo(0.01);
        assertThat(model.separatesLookAlikes(ComparisonField.PERSONAL_ID, Level.EXACT)).isTrue();
        assertThat(model.separatesLookAlikes(ComparisonField.OLD_ID_NUMBER, Level.ONE_EDIT)).isTrue();
        // twins share the phone and the birth date: those never separate them
        assertThat(model.separatesLookAlikes(ComparisonField.PHONE, Level.EXACT)).isFalse();
        assertThat(model.separatesLookAlikes(ComparisonField.BIRTH_DATE, Level.EXACT)).isFalse();

        Properties properties = defaults();
        properties.setProperty("auto-scored.folded-name.min-other-spelling-share", "1.5");
        assertThatThrownBy(() -> MatchingModel.fromProperties(properties))
                .isInstanceOf(InvalidMatchingModelException.class)
                .hasMessage("matching model key auto-scored.folded-name.min-other-spelling-share must be a share in [0, 1] but is 1.5");

        Properties wrongLevel = defaults();
        wrongLevel.setProperty("auto-scored.folded-name.separating-levels", "personal_id.EXACT,phone.FOLDED_EQUAL");
        assertThatThrownBy(() -> MatchingModel.fromProperties(wrongLevel))
                .isInstanceOf(InvalidMatchingModelException.class)
                .hasMessage("auto-scored.folded-name.separating-levels names phone.FOLDED_EQUAL but comparison phone has no level FOLDED_EQUAL");

        Properties missing = defaults();
        missing.remove("auto-scored.folded-name.separating-levels");
        assertThatThrownBy(() -> MatchingModel.fromProperties(missing))
                .hasMessage("matching model key auto-scored.folded-name.separating-levels is missing");
    }

    @Test
    void modelWithoutTheOptionalComparisonsStillWorks() throws IOException {
        Properties properties = defaults();
        properties.setProperty("comparisons", "given_name,birth_date");
        properties.setProperty("auto-scored.veto", "given_name.DISAGREE");
        properties.setProperty("auto-scored.folded-name.separating-levels", "");
        MatchingModel small = MatchingModel.fromProperties(properties);

        Decision decision = new Matcher(RegisterIndex.of(Fixtures.register()), small)
                .decide(Fixtures.account("X/1", "Nguyễn Văn An", "1990-03-15").build());
        assertThat(decision.evidence().candidates().get(0).comparisons()).hasSize(2);
    }
}
