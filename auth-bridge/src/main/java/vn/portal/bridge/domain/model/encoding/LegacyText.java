package vn.portal.bridge.domain.model.encoding;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.util.Objects;

/**
 * Reading and writing Vietnamese text in the encodings of {@link LegacyEncoding}. Whatever the input, text
 * comes out in NFC, so "Nguyễn" typed in 1995 with the ABC keyboard and "Nguyễn" from VNeID compare equal.
 *
 * <p>Known limit, inherent in the encoding: TCVN3 (VN3) has no codes for capitals with tone marks (the ABC
 * capital fonts draw the lower-case codes as capitals), so such a letter reads as lower-case unless at least
 * two other letters of its word are capitals and none is lower-case: "¸nh" reads "ánh", "¸NH" reads "ÁNH",
 * "Hå" and "HÅ" both read "Hồ".
 */
public final class LegacyText {

    private LegacyText() {
    }

    /**
     * Decodes a whole byte array to NFC text. A UTF-8 byte-order mark at the start is skipped.
     *
     * @throws UndecodableTextException for malformed UTF-8, or a byte undefined in Windows-1258
     */
    public static String decode(byte[] bytes, LegacyEncoding encoding) {
        Objects.requireNonNull(bytes, "bytes");
        return Codec.of(Objects.requireNonNull(encoding, "encoding")).decode(bytes, 0, bytes.length, 0);
    }

    /**
     * Decodes {@code length} bytes starting at {@code offset}; a UTF-8 byte-order mark is skipped only when
     * {@code offset} is 0, and error offsets count from the start of the array.
     *
     * @throws UndecodableTextException for malformed UTF-8, or a byte undefined in Windows-1258
     */
    public static String decode(byte[] bytes, int offset, int length, LegacyEncoding encoding) {
        Objects.requireNonNull(bytes, "bytes");
        Objects.checkFromIndexSize(offset, length, bytes.length);
        return Codec.of(Objects.requireNonNull(encoding, "encoding")).decode(bytes, offset, offset + length, offset);
    }

    /**
     * Encodes text as an agency's legacy system would have stored it. The text is first put in NFC; UTF-8
     * output is NFC. Windows-1258 output uses a precomposed letter where the code page has one and otherwise
     * the letter followed by a combining tone byte. TCVN3 writes a capital with a tone mark with its
     * lower-case code (see the class comment).
     *
     * @throws UnencodableTextException if a character has no representation in the encoding
     */
    public static byte[] encode(String text, LegacyEncoding encoding) {
        Objects.requireNonNull(text, "text");
        return Codec.of(Objects.requireNonNull(encoding, "encoding")).encode(Nfc.of(text));
    }

    /**
     * A reader that decodes the stream to NFC text with a fixed 64 KiB buffer, for imports of any size.
     * The reader does its own buffering; closing it closes the stream. A malformed input raises the
     * unchecked {@link UndecodableTextException} with the offset counted from the start of the stream.
     */
    public static Reader reader(InputStream in, LegacyEncoding encoding) {
        return new DecodingReader(Objects.requireNonNull(in, "in"), Codec.of(Objects.requireNonNull(encoding, "encoding")));
    }

    /**
     * A writer that encodes text as {@link #encode(String, LegacyEncoding)} does, streaming. It buffers up to
     * a few thousand characters; {@code flush} and {@code close} write everything. Closing it closes the stream.
     * An unrepresentable character raises {@link UnencodableTextException} when its piece is written.
     */
    public static Writer writer(OutputStream out, LegacyEncoding encoding) {
        return new EncodingWriter(Objects.requireNonNull(out, "out"), Codec.of(Objects.requireNonNull(encoding, "encoding")));
    }
}
