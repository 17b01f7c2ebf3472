package vn.portal.web.interfaces.linking;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The exit status the linking job leaves ({@code seen=3 linked=2 review=1 unlinkable=0 no_match=0 errors=0
 * taken_meanwhile=0}, written by the job listener) read back as counts the page can label. Anything else (a job that
 * failed before its listener wrote the summary, a counter this page does not know) is not a summary: the page then
 * shows the raw text rather than a half-labelled guess.
 */
public record ExitSummary(List<Count> counts) {

    /** The counters the job reports, in the order the page lists them. */
    public static final List<String> NAMES =
            List.of("seen", "linked", "review", "unlinkable", "no_match", "errors", "taken_meanwhile");

    private static final String KEY_PREFIX = "linking.exit.";
    // Eighteen digits at most: every such number fits a long, so parsing cannot overflow.
    private static final Pattern PAIR = Pattern.compile("([a-z_]+)=(\\d{1,18})");

    /** One counter: its name in the exit status and its value. */
    public record Count(String name, long value) {
        public Count {
            if (!NAMES.contains(name)) {
                throw new IllegalArgumentException("unknown linking counter '" + name + "'; known: " + NAMES);
            }
            if (value < 0) {
                throw new IllegalArgumentException("linking counter " + name + " is negative: " + value);
            }
        }

        /** The message key of the counter's label, e.g. {@code linking.exit.no_match}. */
        public String key() {
            return KEY_PREFIX + name;
        }
    }

    public ExitSummary {
        if (counts == null || counts.isEmpty()) {
            throw new IllegalArgumentException("an exit summary has at least one counter");
        }
        counts = List.copyOf(counts);
    }

    /** The summary in {@code exitStatus}, or empty when the text is not one (null, blank, or anything unexpected). */
    public static Optional<ExitSummary> parse(String exitStatus) {
        if (exitStatus == null || exitStatus.isBlank()) {
            return Optional.empty();
        }
        List<Count> counts = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String token : exitStatus.strip().split("\\s+")) {
            Matcher pair = PAIR.matcher(token);
            if (!pair.matches() || !NAMES.contains(pair.group(1)) || !seen.add(pair.group(1))) {
                return Optional.empty();
            }
            counts.add(new Count(pair.group(1), Long.parseLong(pair.group(2))));
        }
        counts.sort((a, b) -> Integer.compare(NAMES.indexOf(a.name()), NAMES.indexOf(b.name())));
        return Optional.of(new ExitSummary(counts));
    }
}
