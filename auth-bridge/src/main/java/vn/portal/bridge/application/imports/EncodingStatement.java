package vn.portal.bridge.application.imports;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.portal.bridge.domain.model.encoding.Detection;
import vn.portal.bridge.domain.model.encoding.LegacyEncoding;

/**
 * The encoding an import read its file with, and whether it was detected (with the detector's confidence and
 * English explanation) or forced. {@link #text()} is the English sentence for the CLI, logs and
 * {@code import_run.encoding}; {@link #parse} reads that sentence back, so a user interface can word it in its own
 * language, for runs stored before this class existed as well (the sentence has not changed).
 *
 * @param confidence  0..1 when detected; empty when forced
 * @param explanation the detector's evidence in English; empty when forced (and possibly clipped when parsed back)
 */
public record EncodingStatement(LegacyEncoding encoding, Optional<Double> confidence, Optional<String> explanation) {

    private static final String FORCED = " (forced)";
    private static final Pattern DETECTED = Pattern.compile(" \\(detected, confidence ([01]\\.\\d{2})(?:: (.*)\\)|\\)|: (.*))?",
            Pattern.DOTALL);

    public EncodingStatement {
        Objects.requireNonNull(encoding, "encoding");
        Objects.requireNonNull(confidence, "confidence");
        Objects.requireNonNull(explanation, "explanation");
        if (confidence.isPresent() && !(confidence.get() >= 0.0 && confidence.get() <= 1.0)) {
            throw new IllegalArgumentException("confidence must be between 0 and 1 but is " + confidence.get());
        }
        if (confidence.isEmpty() && explanation.isPresent()) {
            throw new IllegalArgumentException("a forced encoding has no detector's explanation");
        }
    }

    static EncodingStatement of(LegacyEncoding encoding, Optional<Detection> detection) {
        return new EncodingStatement(encoding, detection.map(Detection::confidence), detection.map(Detection::explanation));
    }

    public boolean detected() {
        return confidence.isPresent();
    }

    /** e.g. "TCVN3 (ABC) (detected, confidence 0.97: ...)" or "VNI-Windows (forced)". */
    public String text() {
        return confidence.map(c -> String.format(Locale.ROOT, "%s (detected, confidence %.2f: %s)", encoding.displayName(), c,
                explanation.orElse(""))).orElse(encoding.displayName() + FORCED);
    }

    /**
     * Reads a stored {@link #text()} back, also one clipped to {@link ImportRun#MAX_ENCODING} characters inside the
     * explanation; empty for anything else (a running import's "auto", say).
     */
    public static Optional<EncodingStatement> parse(String stored) {
        if (stored == null) {
            return Optional.empty();
        }
        for (LegacyEncoding encoding : LegacyEncoding.values()) {
            String name = encoding.displayName();
            if (!stored.startsWith(name)) {
                continue;
            }
            String rest = stored.substring(name.length());
            if (rest.equals(FORCED)) {
                return Optional.of(new EncodingStatement(encoding, Optional.empty(), Optional.empty()));
            }
            Matcher detected = DETECTED.matcher(rest);
            if (detected.matches()) {
                String explanation = detected.group(2) != null ? detected.group(2) : detected.group(3);
                return Optional.of(new EncodingStatement(encoding, Optional.of(Double.parseDouble(detected.group(1))),
                        Optional.ofNullable(explanation)));
            }
        }
        return Optional.empty();
    }
}
