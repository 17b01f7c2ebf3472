package vn.portal.bridge.domain.model.encoding;

/** Converts between the bytes of one encoding and NFC text. Implementations are immutable and thread-safe. */
interface Codec {

    /**
     * Decodes {@code bytes[from, to)} to NFC text.
     *
     * @param streamOffset offset of {@code bytes[from]} in the whole input, for error messages; a UTF-8
     *                     byte-order mark is skipped only at offset 0
     * @throws UndecodableTextException if the bytes are not text in this encoding
     */
    String decode(byte[] bytes, int from, int to, long streamOffset);

    /**
     * Encodes NFC text.
     *
     * @throws UnencodableTextException if a character has no representation in this encoding
     */
    byte[] encode(String nfcText);

    /**
     * Where a reader whose buffer holds no ASCII byte at all may cut it without splitting a character:
     * an index in {@code [1, length]}.
     */
    default int cutWithoutAscii(byte[] bytes, int length) {
        // Table encodings: holding back the last byte keeps a VNI base letter with its mark.
        return Math.max(1, length - 1);
    }

    static Codec of(LegacyEncoding encoding) {
        return switch (encoding) {
            case UTF_8 -> Utf8Codec.INSTANCE;
            case CP1258 -> Windows1258Codec.INSTANCE;
            case TCVN3 -> CodeTable.tcvn3();
            case VNI -> CodeTable.vni();
        };
    }
}
