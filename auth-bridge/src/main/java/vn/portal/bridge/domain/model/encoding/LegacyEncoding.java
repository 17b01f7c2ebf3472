package vn.portal.bridge.domain.model.encoding;

import java.util.Locale;

/**
 * The text encodings an agency's legacy export may use. Each has a short name used on the command line
 * ({@code --encoding utf-8|cp1258|tcvn3|vni}) and a display name used in reports.
 */
public enum LegacyEncoding {
    /** UTF-8, with precomposed (NFC) or decomposed (NFD) tone marks; a leading byte-order mark is skipped. */
    UTF_8("utf-8", "UTF-8"),
    /** Microsoft's Windows-1258 code page: base letters plus combining tone-mark bytes. */
    CP1258("cp1258", "Windows-1258"),
    /** TCVN 5712:1993 table VN3, the encoding of the ABC fonts (.VnTime). */
    TCVN3("tcvn3", "TCVN3 (ABC)"),
    /** The VNI-Windows font encoding: base letter followed by a mark byte. */
    VNI("vni", "VNI-Windows");

    private final String cliName;
    private final String displayName;

    LegacyEncoding(String cliName, String displayName) {
        this.cliName = cliName;
        this.displayName = displayName;
    }

    /** The name accepted by {@link #parse(String)} and printed by the command line tool. */
    public String cliName() {
        return cliName;
    }

    /** A human-readable name, e.g. "TCVN3 (ABC)". */
    public String displayName() {
        return displayName;
    }

    /**
     * Reads a command-line encoding name, case-insensitively: {@code utf-8} (or {@code utf8}),
     * {@code cp1258} (or {@code windows-1258}), {@code tcvn3} (or {@code abc}), {@code vni} (or
     * {@code vni-windows}). "auto" is deliberately not an encoding: callers resolve it with
     * {@link EncodingDetector} before asking for one.
     *
     * @throws UnknownEncodingException if the name is none of these
     */
    public static LegacyEncoding parse(String name) {
        if (name == null) {
            throw new UnknownEncodingException(null);
        }
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "utf-8", "utf8" -> UTF_8;
            case "cp1258", "windows-1258" -> CP1258;
            case "tcvn3", "abc" -> TCVN3;
            case "vni", "vni-windows" -> VNI;
            default -> throw new UnknownEncodingException(name);
        };
    }
}
