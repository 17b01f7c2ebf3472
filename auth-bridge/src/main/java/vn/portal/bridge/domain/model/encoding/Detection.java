package vn.portal.bridge.domain.model.encoding;

import java.util.Objects;

/**
 * The outcome of {@link EncodingDetector#detect(byte[])}: the encoding to read the file with, how sure the
 * detector is (0 = a guess, 1 = certain) and, in plain English, the evidence it went by.
 */
public record Detection(LegacyEncoding encoding, double confidence, String explanation) {

    public Detection {
        Objects.requireNonNull(encoding, "encoding");
        Objects.requireNonNull(explanation, "explanation");
        if (!(confidence >= 0.0 && confidence <= 1.0)) {
            throw new IllegalArgumentException("Confidence must be between 0 and 1, was " + confidence);
        }
        if (explanation.isBlank()) {
            throw new IllegalArgumentException("A detection must explain itself");
        }
    }

    /** e.g. "TCVN3 (ABC), confidence 0.96: ..." */
    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%s, confidence %.2f: %s", encoding.displayName(), confidence, explanation);
    }
}
