package vn.portal.bridge.domain.model.encoding;

import java.util.Objects;

/** A character that the target legacy encoding cannot represent (e.g. "ç" in TCVN3). */
public final class UnencodableTextException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final LegacyEncoding encoding;
    private final int codePoint;
    private final int index;

    UnencodableTextException(LegacyEncoding encoding, int codePoint, int index) {
        super(String.format("%s cannot represent '%s' (U+%04X) at character index %d",
                Objects.requireNonNull(encoding, "encoding").displayName(), new String(Character.toChars(codePoint)),
                codePoint, index));
        this.encoding = encoding;
        this.codePoint = codePoint;
        this.index = index;
    }

    public LegacyEncoding encoding() {
        return encoding;
    }

    public int codePoint() {
        return codePoint;
    }

    /** Index of the character in the NFC form of the text being encoded. */
    public int index() {
        return index;
    }
}
