package vn.portal.bridge.domain.model.encoding;

import java.util.Objects;

/**
 * Bytes that are not text in the encoding they were read as: a malformed UTF-8 sequence, or a byte that
 * Windows-1258 leaves undefined. TCVN3 and VNI define every byte, so they never raise it. The offset
 * counts bytes from the start of the array or stream, so an importer can point at the exact place.
 */
public final class UndecodableTextException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final LegacyEncoding encoding;
    private final long byteOffset;

    UndecodableTextException(LegacyEncoding encoding, long byteOffset, String reason) {
        super("Not valid " + Objects.requireNonNull(encoding, "encoding").displayName() + " text at byte offset "
                + byteOffset + ": " + reason);
        this.encoding = encoding;
        this.byteOffset = byteOffset;
    }

    public LegacyEncoding encoding() {
        return encoding;
    }

    /** Offset of the first offending byte, counted from the start of the input. */
    public long byteOffset() {
        return byteOffset;
    }
}
