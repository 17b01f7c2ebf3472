package vn.portal.web.interfaces.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;

import org.junit.jupiter.api.Test;

import vn.portal.bridge.domain.model.link.ReviewCause;
import vn.portal.bridge.domain.model.link.ReviewQueueFilter;

class ReviewQueueAddressTest {

    private static final Set<String> AGENCIES = Set.of("BHXH", "UBND-HN", "UBND-HCM");

    @Test
    void readsABookmarkedFilteredPage() {
        ReviewQueueAddress.Parsed parsed = ReviewQueueAddress.parse("3", "UBND-HN", "COMPETING_IDENTITIES", AGENCIES);

        assertThat(parsed.valid()).isTrue();
        assertThat(parsed.address().filter()).isEqualTo(ReviewQueueFilter.of("UBND-HN", ReviewCause.COMPETING_IDENTITIES));
        assertThat(parsed.address().page()).isEqualTo(3);
        assertThat(parsed.address().path()).isEqualTo("/admin/review?agency=UBND-HN&cause=COMPETING_IDENTITIES&page=3");
    }

    @Test
    void emptyOrMissingParametersMeanTheWholeQueueFromItsFirstPage() {
        ReviewQueueAddress.Parsed fromFilterForm = ReviewQueueAddress.parse(null, "", "", AGENCIES);
        ReviewQueueAddress.Parsed bare = ReviewQueueAddress.parse(null, null, null, AGENCIES);

        assertThat(fromFilterForm.valid()).isTrue();
        assertThat(fromFilterForm.address()).isEqualTo(bare.address());
        assertThat(bare.address().filter().isEverything()).isTrue();
        assertThat(bare.address().page()).isEqualTo(1);
        assertThat(bare.address().path()).isEqualTo("/admin/review");
        assertThat(bare.address().withPage(2).path()).isEqualTo("/admin/review?page=2");
    }

    @Test
    void refusesPagesThatAreNotPositiveWholeNumbers() {
        for (String page : new String[] {"-1", "0", "abc", "1.5", "+2", " 2", "2 ", "１", "9999999999", "00000000001"}) {
            ReviewQueueAddress.Parsed parsed = ReviewQueueAddress.parse(page, null, null, AGENCIES);
            assertThat(parsed.valid()).as(page).isFalse();
            assertThat(parsed.problems()).as(page).singleElement().satisfies(p -> {
                assertThat(p.key()).isEqualTo("review.filter.badpage");
                assertThat(p.argument(0)).isEqualTo(page.length() > 40 ? page.substring(0, 40) + "…" : page);
            });
        }
        assertThat(ReviewQueueAddress.parse("000000012", null, null, AGENCIES).address().page()).isEqualTo(12);
    }

    @Test
    void refusesUnknownAgenciesAndCausesAndSaysWhichValueWasWrong() {
        ReviewQueueAddress.Parsed parsed = ReviewQueueAddress.parse("abc", "UBND-XYZ", "competing_identities", AGENCIES);

        assertThat(parsed.problems()).extracting(ReviewQueueAddress.Problem::key)
                .containsExactly("review.filter.badpage", "review.filter.unknownagency", "review.filter.unknowncause");
        assertThat(parsed.problems()).extracting(p -> p.argument(0)).containsExactly("abc", "UBND-XYZ", "competing_identities");
        // What was valid stays, so a decision's way back still lands on a real page.
        assertThat(ReviewQueueAddress.parse("2", "UBND-XYZ", "AUTO_LINK_VETOED", AGENCIES).address())
                .isEqualTo(new ReviewQueueAddress(ReviewQueueFilter.of(null, ReviewCause.AUTO_LINK_VETOED), 2));
        String injected = "<script>alert(1)</script>" + "x".repeat(60);
        assertThat(ReviewQueueAddress.parse(null, injected, null, AGENCIES).problems()).singleElement()
                .satisfies(p -> assertThat(p.argument(0)).hasSize(41).endsWith("…"));
    }

    @Test
    void encodesTheAgencyInTheAddress() {
        ReviewQueueAddress address = new ReviewQueueAddress(ReviewQueueFilter.of("SỞ TP&HN", null), 1);

        assertThat(address.path()).isEqualTo("/admin/review?agency=S%E1%BB%9E+TP%26HN");
        assertThatThrownBy(() -> address.withPage(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pages are numbered from 1, not 0");
    }

    @Test
    void everyProblemAndCauseHasItsMessageInBothLanguages() throws IOException {
        for (String language : new String[] {"vi", "en"}) {
            Properties bundle = new Properties();
            try (InputStream in = getClass().getResourceAsStream("/vn/portal/web/i18n/messages_" + language + ".properties")) {
                bundle.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            for (String key : new String[] {"review.filter.badpage", "review.filter.unknownagency", "review.filter.unknowncause",
                    "review.filter.nopage"}) {
                assertThat(bundle.getProperty(key)).as(language + " " + key).isNotBlank();
            }
            for (ReviewCause cause : ReviewCause.values()) {
                assertThat(bundle.getProperty("review.cause." + cause.name())).as(language + " " + cause).isNotBlank();
            }
        }
    }
}
