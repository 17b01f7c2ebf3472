package vn.portal.bridge.domain.model.matching;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The linking model as data: the prior, the comparisons with their ordered levels and m/u probabilities,
 * the blocking rules, the thresholds, the levels that veto an automatic scored link, the folded-name guard
 * (when a name written without diacritics may not link automatically), and the patterns of test accounts. The default lives in the resource {@value #DEFAULT_RESOURCE}; a different file can be
 * loaded, and thresholds can be overridden by configuration ({@link #withThresholds}). Every key is checked:
 * an unknown or misspelt key fails loading rather than being silently ignored. Immutable, thread-safe.
 */
public final class MatchingModel {

    public static final String DEFAULT_RESOURCE = "/vn/portal/bridge/matching/matching-model.properties";

    /** Configuration key: path of a model file replacing {@value #DEFAULT_RESOURCE}. */
    public static final String CONFIG_MODEL_FILE = "PORTAL_MATCH_MODEL_FILE";
    /** Configuration key: the upper threshold in bits (model default 10). */
    public static final String CONFIG_UPPER_THRESHOLD = "PORTAL_MATCH_UPPER_THRESHOLD";
    /** Configuration key: the lower threshold in bits (model default -2). */
    public static final String CONFIG_LOWER_THRESHOLD = "PORTAL_MATCH_LOWER_THRESHOLD";
    /** Configuration key: the competing margin in bits (model default 5). */
    public static final String CONFIG_COMPETING_MARGIN = "PORTAL_MATCH_COMPETING_MARGIN";

    private final String name;
    private final String version;
    private final double priorProbability;
    private final double priorWeight;
    private final Comparison[] comparisons;
    private final List<BlockingRule> blockingRules;
    private final Thresholds thresholds;
    private final int maxBucketSize;
    private final int maxEvidenceCandidates;
    private final boolean[][] veto;
    private final double foldedNameMinOtherSpellingShare;
    private final boolean[][] separatesLookAlikes;
    private final Set<String> testNameWords;
    private final List<String> testNamePhrases;
    private final List<String> testEmailLocalPrefixes;
    private final Set<String> testEmailDomains;

    private MatchingModel(Parsed p, Thresholds thresholds) {
        this.name = p.name;
        this.version = p.version;
        this.priorProbability = p.priorProbability;
        this.priorWeight = Math.log(p.priorProbability / (1.0 - p.priorProbability)) / Math.log(2.0);
        this.comparisons = p.comparisons;
        this.blockingRules = p.blockingRules;
        this.thresholds = thresholds;
        this.maxBucketSize = p.maxBucketSize;
        this.maxEvidenceCandidates = p.maxEvidenceCandidates;
        this.veto = p.veto;
        this.foldedNameMinOtherSpellingShare = p.foldedNameMinOtherSpellingShare;
        this.separatesLookAlikes = p.separatesLookAlikes;
        this.testNameWords = p.testNameWords;
        this.testNamePhrases = p.testNamePhrases;
        this.testEmailLocalPrefixes = p.testEmailLocalPrefixes;
        this.testEmailDomains = p.testEmailDomains;
    }

    /** The model shipped in {@value #DEFAULT_RESOURCE}. */
    public static MatchingModel loadDefault() {
        try (InputStream in = MatchingModel.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new InvalidMatchingModelException("resource " + DEFAULT_RESOURCE + " is missing from the class path");
            }
            return load(in);
        } catch (IOException e) {
            throw new InvalidMatchingModelException("cannot read " + DEFAULT_RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /** Reads a model in {@link Properties} syntax, UTF-8. */
    public static MatchingModel load(InputStream in) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return fromProperties(properties);
    }

    /** @throws InvalidMatchingModelException naming the first key that is missing, unknown or out of range */
    public static MatchingModel fromProperties(Properties properties) {
        Parsed parsed = new Parsed(properties);
        return new MatchingModel(parsed, parsed.thresholds);
    }

    /**
     * The model as configured: {@value #CONFIG_MODEL_FILE} names a model file (else the default resource), and
     * {@value #CONFIG_UPPER_THRESHOLD}, {@value #CONFIG_LOWER_THRESHOLD}, {@value #CONFIG_COMPETING_MARGIN}
     * override its thresholds. {@code lookup} is the caller's configuration source, e.g. MicroProfile Config's
     * {@code getOptionalValue(key, String.class)} or {@code key -> Optional.ofNullable(System.getenv(key))},
     * so this class stays container-free.
     *
     * @throws InvalidMatchingModelException when the file cannot be read or a value is not a number
     */
    public static MatchingModel fromConfiguration(Function<String, Optional<String>> lookup) {
        Optional<String> file = lookup.apply(CONFIG_MODEL_FILE).filter(value -> !value.isBlank());
        MatchingModel model;
        if (file.isPresent()) {
            Path path = Path.of(file.get().strip());
            try (InputStream in = Files.newInputStream(path)) {
                model = load(in);
            } catch (IOException e) {
                throw new InvalidMatchingModelException(CONFIG_MODEL_FILE + " names " + path + ", which cannot be read: "
                        + e.getMessage(), e);
            }
        } else {
            model = loadDefault();
        }
        Thresholds current = model.thresholds;
        Thresholds configured = new Thresholds(
                configuredNumber(lookup, CONFIG_UPPER_THRESHOLD, current.upper()),
                configuredNumber(lookup, CONFIG_LOWER_THRESHOLD, current.lower()),
                configuredNumber(lookup, CONFIG_COMPETING_MARGIN, current.competingMargin()));
        return configured.equals(current) ? model : model.withThresholds(configured);
    }

    private static double configuredNumber(Function<String, Optional<String>> lookup, String key, double fallback) {
        Optional<String> value = lookup.apply(key).filter(text -> !text.isBlank());
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            return Double.parseDouble(value.get().strip());
        } catch (NumberFormatException e) {
            throw new InvalidMatchingModelException(key + " must be a number of bits but is '" + value.get() + "'", e);
        }
    }

    /** The same model with other thresholds, e.g. from configuration. */
    public MatchingModel withThresholds(Thresholds replacement) {
        Parsed same = new Parsed(this);
        return new MatchingModel(same, replacement);
    }

    /** "vn-legacy-accounts". */
    public String name() {
        return name;
    }

    public String version() {
        return version;
    }

    /** λ, the probability that a random account-person pair is a match. */
    public double priorProbability() {
        return priorProbability;
    }

    /** log2(λ / (1 - λ)): where every pair's total weight starts. */
    public double priorWeight() {
        return priorWeight;
    }

    public List<Comparison> comparisons() {
        return List.of(comparisons);
    }

    public List<BlockingRule> blockingRules() {
        return blockingRules;
    }

    public Thresholds thresholds() {
        return thresholds;
    }

    /** Blocks with more register people than this are skipped (and said so in the evidence). */
    public int maxBucketSize() {
        return maxBucketSize;
    }

    public int maxEvidenceCandidates() {
        return maxEvidenceCandidates;
    }

    /** True when reaching {@code level} in {@code field} forbids an automatic scored link. */
    public boolean vetoes(ComparisonField field, Level level) {
        for (int c = 0; c < comparisons.length; c++) {
            if (comparisons[c].field() == field) {
                for (int l = 0; l < comparisons[c].levelCount(); l++) {
                    if (comparisons[c].levelAt(l) == level) {
                        return veto[c][l];
                    }
                }
            }
        }
        return false;
    }

    /**
     * The folded-name guard's bar: an automatic scored link whose given name agrees only once folded (one side
     * written without diacritics) goes to review when at least this share of the register people with that
     * folded given name spell it otherwise than the candidate, unless a separating level was reached. 0 sends
     * every such link to review.
     */
    public double foldedNameMinOtherSpellingShare() {
        return foldedNameMinOtherSpellingShare;
    }

    /**
     * True when reaching {@code level} in {@code field} tells two look-alike people apart (twins share family
     * name, birth date and often the phone, never the personal ID or the old ID card), so the folded-name
     * guard lets the link through.
     */
    public boolean separatesLookAlikes(ComparisonField field, Level level) {
        for (int c = 0; c < comparisons.length; c++) {
            if (comparisons[c].field() == field) {
                for (int l = 0; l < comparisons[c].levelCount(); l++) {
                    if (comparisons[c].levelAt(l) == level) {
                        return separatesLookAlikes[c][l];
                    }
                }
            }
        }
        return false;
    }

    boolean separatesLookAlikesAt(int comparison, int level) {
        return separatesLookAlikes[comparison][level];
    }

    Comparison[] comparisonArray() {
        return comparisons;
    }

    boolean vetoAt(int comparison, int level) {
        return veto[comparison][level];
    }

    /** The test-account pattern the folded name key matches ("test", "tai khoan thu"), if any. */
    Optional<String> testNamePattern(String nameKey) {
        // Called once per account, so no substrings: whole-word matches found in place.
        for (String word : testNameWords) {
            if (containsWords(nameKey, word)) {
                return Optional.of(word);
            }
        }
        for (String phrase : testNamePhrases) {
            if (containsWords(nameKey, phrase)) {
                return Optional.of(phrase);
            }
        }
        return Optional.empty();
    }

    /** True when {@code words} occurs in {@code key} bounded by spaces or the ends. */
    private static boolean containsWords(String key, String words) {
        int from = 0;
        while (true) {
            int at = key.indexOf(words, from);
            if (at < 0) {
                return false;
            }
            int end = at + words.length();
            if ((at == 0 || key.charAt(at - 1) == ' ') && (end == key.length() || key.charAt(end) == ' ')) {
                return true;
            }
            from = at + 1;
        }
    }

    /** The test-account pattern a lower-case e-mail address matches, if any. */
    Optional<String> testEmailPattern(String email) {
        int at = email.lastIndexOf('@');
        if (at < 0) {
            return Optional.empty();
        }
        String domain = email.substring(at + 1);
        if (testEmailDomains.contains(domain)) {
            return Optional.of("@" + domain);
        }
        String local = email.substring(0, at);
        for (String prefix : testEmailLocalPrefixes) {
            if (local.startsWith(prefix)) {
                String rest = local.substring(prefix.length());
                // "test01", "test.user", "demo" but not "testament" or "democracy"
                if (rest.isEmpty() || !Character.isLetter(rest.charAt(0))) {
                    return Optional.of(prefix + "…@");
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return name + "/" + version;
    }

    /** Parsing and validation, kept apart so the model itself stays a plain immutable value. */
    private static final class Parsed {

        final String name;
        final String version;
        final double priorProbability;
        final Comparison[] comparisons;
        final List<BlockingRule> blockingRules;
        final Thresholds thresholds;
        final int maxBucketSize;
        final int maxEvidenceCandidates;
        final boolean[][] veto;
        final double foldedNameMinOtherSpellingShare;
        final boolean[][] separatesLookAlikes;
        final Set<String> testNameWords;
        final List<String> testNamePhrases;
        final List<String> testEmailLocalPrefixes;
        final Set<String> testEmailDomains;

        private final Properties properties;
        private final Set<String> used = new HashSet<>();

        Parsed(MatchingModel model) {
            this.properties = null;
            this.name = model.name;
            this.version = model.version;
            this.priorProbability = model.priorProbability;
            this.comparisons = model.comparisons;
            this.blockingRules = model.blockingRules;
            this.thresholds = model.thresholds;
            this.maxBucketSize = model.maxBucketSize;
            this.maxEvidenceCandidates = model.maxEvidenceCandidates;
            this.veto = model.veto;
            this.foldedNameMinOtherSpellingShare = model.foldedNameMinOtherSpellingShare;
            this.separatesLookAlikes = model.separatesLookAlikes;
            this.testNameWords = model.testNameWords;
            this.testNamePhrases = model.testNamePhrases;
            this.testEmailLocalPrefixes = model.testEmailLocalPrefixes;
            this.testEmailDomains = model.testEmailDomains;
        }

        Parsed(Properties properties) {
            this.properties = properties;
            this.name = text("model.name");
            this.version = text("model.version");
            this.priorProbability = probability("prior.match-probability");
            if (priorProbability >= 1.0) {
                throw new InvalidMatchingModelException("prior.match-probability must be below 1 but is " + priorProbability);
            }
            this.thresholds = new Thresholds(number("threshold.upper"), number("threshold.lower"),
                    number("guard.competing-margin"));
            this.maxBucketSize = positiveInt("blocking.max-bucket-size");
            this.maxEvidenceCandidates = positiveInt("evidence.max-candidates");

            List<BlockingRule> rules = new ArrayList<>();
            for (String key : list("blocking.rules")) {
                BlockingRule rule = BlockingRule.byKey(key);
                if (rules.contains(rule)) {
                    throw new InvalidMatchingModelException("blocking.rules lists " + key + " twice");
                }
                rules.add(rule);
            }
            if (rules.isEmpty()) {
                throw new InvalidMatchingModelException("blocking.rules must name at least one rule");
            }
            this.blockingRules = List.copyOf(rules);

            List<String> fieldKeys = list("comparisons");
            Set<ComparisonField> seen = EnumSet.noneOf(ComparisonField.class);
            this.comparisons = new Comparison[fieldKeys.size()];
            for (int i = 0; i < comparisons.length; i++) {
                ComparisonField field = ComparisonField.byKey(fieldKeys.get(i));
                if (!seen.add(field)) {
                    throw new InvalidMatchingModelException("comparisons lists " + field.key() + " twice");
                }
                comparisons[i] = comparison(field);
            }
            if (seen.isEmpty()) {
                throw new InvalidMatchingModelException("comparisons must name at least one comparison");
            }

            this.veto = levelFlags("auto-scored.veto");
            this.foldedNameMinOtherSpellingShare = share("auto-scored.folded-name.min-other-spelling-share");
            this.separatesLookAlikes = levelFlags("auto-scored.folded-name.separating-levels");

            this.testNameWords = Collections.unmodifiableSet(new TreeSet<>(list("unlinkable.test-name-words")));
            this.testNamePhrases = list("unlinkable.test-name-phrases");
            this.testEmailLocalPrefixes = list("unlinkable.test-email-local-prefixes");
            this.testEmailDomains = Collections.unmodifiableSet(new TreeSet<>(list("unlinkable.test-email-domains")));

            Set<String> unknown = new TreeSet<>(properties.stringPropertyNames());
            unknown.removeAll(used);
            // Definitions of known comparisons left out of the list are kept for switching them back on.
            unknown.removeIf(key -> {
                String[] parts = key.split("\\.", 3);
                if (parts.length < 3 || !parts[0].equals("comparison")) {
                    return false;
                }
                try {
                    return !seen.contains(ComparisonField.byKey(parts[1]));
                } catch (InvalidMatchingModelException e) {
                    return false;
                }
            });
            if (!unknown.isEmpty()) {
                throw new InvalidMatchingModelException("unknown keys in the matching model: " + String.join(", ", unknown));
            }
        }

        /** Per comparison and level, whether the list under {@code key} ("given_name.DISAGREE, ...") names it. */
        private boolean[][] levelFlags(String key) {
            boolean[][] flags = new boolean[comparisons.length][];
            for (int c = 0; c < comparisons.length; c++) {
                flags[c] = new boolean[comparisons[c].levelCount()];
            }
            for (String entry : list(key)) {
                int dot = entry.indexOf('.');
                if (dot < 0) {
                    throw new InvalidMatchingModelException(key + " entry '" + entry + "' must be comparison.LEVEL");
                }
                ComparisonField field = ComparisonField.byKey(entry.substring(0, dot));
                Level level = level(entry.substring(dot + 1), key);
                boolean found = false;
                for (int c = 0; c < comparisons.length && !found; c++) {
                    if (comparisons[c].field() == field) {
                        if (!comparisons[c].levels().contains(level)) {
                            throw new InvalidMatchingModelException(key + " names " + entry + " but comparison "
                                    + field.key() + " has no level " + level);
                        }
                        flags[c][comparisons[c].indexOf(level)] = true;
                        found = true;
                    }
                }
                if (!found) {
                    throw new InvalidMatchingModelException(key + " names " + entry
                            + " but comparison " + field.key() + " is not in the model");
                }
            }
            return flags;
        }

        private Comparison comparison(ComparisonField field) {
            String prefix = "comparison." + field.key() + ".";
            List<String> levelNames = list(prefix + "levels");
            if (levelNames.size() < 2) {
                throw new InvalidMatchingModelException(prefix + "levels needs at least MISSING and DISAGREE");
            }
            Level[] levels = new Level[levelNames.size()];
            double[] m = new double[levels.length];
            double[] u = new double[levels.length];
            Set<Level> distinct = new LinkedHashSet<>();
            for (int i = 0; i < levels.length; i++) {
                Level level = level(levelNames.get(i), prefix + "levels");
                if (!field.supports(level)) {
                    throw new InvalidMatchingModelException(prefix + "levels: comparison " + field.key()
                            + " cannot use level " + level);
                }
                if (!distinct.add(level)) {
                    throw new InvalidMatchingModelException(prefix + "levels lists " + level + " twice");
                }
                levels[i] = level;
                if (level == Level.MISSING) {
                    m[i] = 1.0;
                    u[i] = 1.0;
                } else {
                    m[i] = probability(prefix + level.name() + ".m");
                    u[i] = probability(prefix + level.name() + ".u");
                }
            }
            if (levels[0] != Level.MISSING) {
                throw new InvalidMatchingModelException(prefix + "levels must start with MISSING (the null level)");
            }
            if (levels[levels.length - 1] != Level.DISAGREE) {
                throw new InvalidMatchingModelException(prefix + "levels must end with DISAGREE (the catch-all level)");
            }
            double threshold = 1.0;
            if (distinct.contains(Level.JARO_WINKLER)) {
                threshold = probability(prefix + "jaro-winkler-threshold");
            }
            return new Comparison(field, levels, m, u, threshold);
        }

        private static Level level(String text, String key) {
            try {
                return Level.valueOf(text.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidMatchingModelException(key + ": unknown level '" + text + "'", e);
            }
        }

        private String text(String key) {
            used.add(key);
            String value = properties.getProperty(key);
            if (value == null || value.isBlank()) {
                throw new InvalidMatchingModelException("matching model key " + key + " is missing");
            }
            return value.strip();
        }

        private List<String> list(String key) {
            used.add(key);
            String value = properties.getProperty(key);
            if (value == null) {
                throw new InvalidMatchingModelException("matching model key " + key + " is missing");
            }
            List<String> items = new ArrayList<>();
            for (String item : value.split(",")) {
                String stripped = item.strip();
                if (!stripped.isEmpty()) {
                    items.add(stripped);
                }
            }
            return List.copyOf(items);
        }

        private double number(String key) {
            String value = text(key);
            try {
                double parsed = Double.parseDouble(value);
                if (!Double.isFinite(parsed)) {
                    throw new NumberFormatException("not finite");
                }
                return parsed;
            } catch (NumberFormatException e) {
                throw new InvalidMatchingModelException("matching model key " + key + " must be a number but is '" + value + "'", e);
            }
        }

        private double probability(String key) {
            double value = number(key);
            if (value <= 0.0 || value > 1.0) {
                throw new InvalidMatchingModelException("matching model key " + key
                        + " must be a probability in (0, 1] but is " + value);
            }
            return value;
        }

        /** A share in [0, 1]; unlike a probability, 0 is allowed. */
        private double share(String key) {
            double value = number(key);
            if (value < 0.0 || value > 1.0) {
                throw new InvalidMatchingModelException("matching model key " + key
                        + " must be a share in [0, 1] but is " + value);
            }
            return value;
        }

        private int positiveInt(String key) {
            String value = text(key);
            try {
                int parsed = Integer.parseInt(value);
                if (parsed < 1) {
                    throw new NumberFormatException("not positive");
                }
                return parsed;
            } catch (NumberFormatException e) {
                throw new InvalidMatchingModelException("matching model key " + key
                        + " must be a positive whole number but is '" + value + "'", e);
            }
        }
    }
}
