package vn.portal.bridge.application.imports;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import vn.portal.bridge.domain.model.encoding.LegacyEncoding;

/**
 * How to read a file's bytes: detect the encoding from the file ({@code auto}), or use the one the operator
 * forced with {@code --encoding utf-8|cp1258|tcvn3|vni}.
 */
public final class EncodingChoice {

    private static final EncodingChoice AUTO = new EncodingChoice(null);

    private final LegacyEncoding forced;

    private EncodingChoice(LegacyEncoding forced) {
        this.forced = forced;
    }

    public static EncodingChoice auto() {
        return AUTO;
    }

    public static EncodingChoice forced(LegacyEncoding encoding) {
        return new EncodingChoice(Objects.requireNonNull(encoding, "encoding"));
    }

    /**
     * Reads a command-line value: {@code auto} (also null or blank) or a name accepted by
     * {@link LegacyEncoding#parse(String)}.
     *
     * @throws vn.portal.bridge.domain.model.encoding.UnknownEncodingException for anything else
     */
    public static EncodingChoice parse(String value) {
        if (value == null || value.isBlank() || value.strip().toLowerCase(Locale.ROOT).equals("auto")) {
            return AUTO;
        }
        return forced(LegacyEncoding.parse(value));
    }

    /** The forced encoding; empty for automatic detection. */
    public Optional<LegacyEncoding> forcedEncoding() {
        return Optional.ofNullable(forced);
    }

    public boolean isAuto() {
        return forced == null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EncodingChoice that && that.forced == forced;
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(forced);
    }

    @Override
    public String toString() {
        return forced == null ? "auto" : forced.cliName();
    }
}
