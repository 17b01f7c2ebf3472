package vn.portal.web.interfaces.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The language switch keeps the page the administrator is on: its query survives, only {@code lang} changes. */
class LocaleSelectorTest {

    @Test
    void switchOnABarePageOnlySetsTheLanguage() {
        assertThat(LocaleSelector.switchQuery(null, "en")).isEqualTo("?lang=en");
        assertThat(LocaleSelector.switchQuery("", "vi")).isEqualTo("?lang=vi");
    }

    @Test
    void switchOnAnImportStatusPageKeepsTheImport() {
        assertThat(LocaleSelector.switchQuery("job=Qm9uZ1hvYW5nSW1wb3J0MQ", "en")).isEqualTo("?job=Qm9uZ1hvYW5nSW1wb3J0MQ&lang=en");
    }

    @Test
    void switchOnAFilteredReviewPageKeepsFilterAndPageAndReplacesTheEarlierChoice() {
        assertThat(LocaleSelector.switchQuery("agency=UBND-HN&lang=en&page=2&cause=", "vi"))
                .isEqualTo("?agency=UBND-HN&page=2&cause=&lang=vi");
        assertThat(LocaleSelector.switchQuery("lang=vi&lang=en", "en")).isEqualTo("?lang=en");
    }

    @Test
    void switchKeepsAnEncodedValueAsTheBrowserSentIt() {
        assertThat(LocaleSelector.switchQuery("agency=%3Cb%3EX%3C%2Fb%3E&language=x", "en"))
                .isEqualTo("?agency=%3Cb%3EX%3C%2Fb%3E&language=x&lang=en");
    }
}
