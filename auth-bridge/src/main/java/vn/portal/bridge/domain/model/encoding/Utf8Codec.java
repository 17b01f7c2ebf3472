package vn.portal.bridge.domain.model.encoding;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** UTF-8, strict: a malformed sequence is an error with its byte offset, never a silent U+FFFD. */
final class Utf8Codec implements Codec {

    static final Utf8Codec INSTANCE = new Utf8Codec();

    private Utf8Codec() {
    }

    @Override
    public String decode(byte[] bytes, int from, int to, long streamOffset) {
        int start = from;
        if (streamOffset == 0 && to - from >= 3
                && (bytes[from] & 0xFF) == 0xEF && (bytes[from + 1] & 0xFF) == 0xBB && (bytes[from + 2] & 0xFF) == 0xBF) {
            start += 3;
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, to - start);
        CharBuffer out = CharBuffer.allocate(to - start);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            long offset = streamOffset + (in.position() - from);
            boolean cutOff = in.position() + result.length() >= to;
            String reason = cutOff
                    ? "multi-byte sequence cut off at the end of the input"
                    : String.format("malformed multi-byte sequence starting with byte 0x%02X", bytes[in.position()] & 0xFF);
            throw new UndecodableTextException(LegacyEncoding.UTF_8, offset, reason);
        }
        out.flip();
        return Nfc.of(out.toString());
    }

    @Override
    public byte[] encode(String nfcText) {
        return nfcText.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public int cutWithoutAscii(byte[] bytes, int length) {
        // Cut before the lead byte of the last sequence so that no sequence is split.
        for (int i = length - 1; i > 0; i--) {
            if ((bytes[i] & 0xC0) != 0x80) {
                return i;
            }
        }
        return length;
    }
}
