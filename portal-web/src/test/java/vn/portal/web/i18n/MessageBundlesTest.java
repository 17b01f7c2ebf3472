package vn.portal.web.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Vietnamese first, English second: both bundles must say everything the pages ask for. */
class MessageBundlesTest {

    private static final Pattern LITERAL_KEY = Pattern.compile("msg\\['([a-zA-Z0-9_.-]+)'\\]");

    private static Properties load(String language) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream("/vn/portal/web/i18n/messages_" + language + ".properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void bothLanguagesHaveTheSameKeys() throws IOException {
        assertThat(new TreeSet<>(load("en").stringPropertyNames())).isEqualTo(new TreeSet<>(load("vi").stringPropertyNames()));
    }

    @Test
    void everyLiteralKeyOfThePagesExists() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> pages = Files.walk(Path.of("src/main/webapp"))) {
            for (Path page : pages.filter(p -> p.toString().endsWith(".xhtml")).toList()) {
                Matcher matcher = LITERAL_KEY.matcher(Files.readString(page, StandardCharsets.UTF_8));
                while (matcher.find()) {
                    used.add(matcher.group(1));
                }
            }
        }
        Properties vi = load("vi");
        assertThat(used).isNotEmpty().allSatisfy(key -> assertThat(vi.getProperty(key)).as(key).isNotNull());
    }

    @Test
    void translatedEnumKeysCoverEveryValue() throws IOException {
        Properties vi = load("vi");
        for (var method : vn.portal.bridge.domain.model.link.LinkMethod.values()) {
            assertThat(vi.getProperty("link.method." + method)).as(method.name()).isNotNull();
        }
        for (var state : vn.portal.bridge.domain.model.link.LinkState.values()) {
            assertThat(vi.getProperty("link.state." + state)).as(state.name()).isNotNull();
        }
        for (var cause : vn.portal.bridge.domain.model.link.ReviewCause.values()) {
            assertThat(vi.getProperty("review.cause." + cause)).as(cause.name()).isNotNull();
        }
        for (var reason : vn.portal.bridge.application.selflink.ClaimNotPossibleException.Reason.values()) {
            assertThat(vi.getProperty("legacy.claim." + reason)).as(reason.name()).isNotNull();
        }
        for (var level : vn.portal.bridge.domain.model.matching.Level.values()) {
            assertThat(vi.getProperty("evidence.level." + level)).as(level.name()).isNotNull();
        }
        for (var field : vn.portal.bridge.domain.model.matching.ComparisonField.values()) {
            assertThat(vi.getProperty("evidence.field." + field.key())).as(field.name()).isNotNull();
        }
        Properties en = load("en");
        for (var code : vn.portal.bridge.application.imports.RowErrorCode.values()) {
            assertThat(vi.getProperty("import.reason." + code)).as(code.name()).isNotNull();
            assertThat(en.getProperty("import.reason." + code)).as(code.name()).isNotNull();
        }
        for (var rule : vn.portal.bridge.domain.model.matching.DecisionRule.values()) {
            assertThat(vi.getProperty("evidence.rule." + rule)).as(rule.name()).isNotNull();
        }
    }

    @Test
    void parameterisedMessagesFormatInBothLanguages() throws IOException {
        for (String language : new String[] {"vi", "en"}) {
            Properties bundle = load(language);
            for (String key : bundle.stringPropertyNames()) {
                String pattern = bundle.getProperty(key);
                if (pattern.contains("{0}")) {
                    String formatted = new MessageFormat(pattern, Locale.forLanguageTag(language)).format(new Object[] {"X", "Y"});
                    assertThat(formatted).as(language + " " + key).doesNotContain("{0}").contains("X");
                }
            }
        }
    }
}
