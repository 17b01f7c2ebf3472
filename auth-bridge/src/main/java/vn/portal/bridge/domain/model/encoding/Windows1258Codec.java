package vn.portal.bridge.domain.model.encoding;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;

/**
 * Windows-1258 through the JDK's {@code windows-1258} charset. The code page has precomposed letters only
 * for what Latin-1 already had (á, â, ê ...) and writes the other tones as a base letter followed by a
 * combining tone-mark byte (0xCC grave, 0xEC acute, 0xD2 hook, 0xDE tilde, 0xF2 dot below), so decoded
 * text is partly decomposed and is normalised to NFC here.
 */
final class Windows1258Codec implements Codec {

    static final Windows1258Codec INSTANCE = new Windows1258Codec();

    private static final String TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323";

    private final char[] decodeTable = new char[256];
    private final boolean[] defined = new boolean[256];
    private final Map<Character, Byte> encodeTable = new HashMap<>();

    private Windows1258Codec() {
        // The table is taken from the JDK charset byte by byte so that the JDK stays the single authority;
        // decoding through the table afterwards is what lets errors carry exact byte offsets.
        Charset charset = Charset.forName("windows-1258");
        for (int b = 0; b < 256; b++) {
            CharsetDecoder decoder = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            try {
                CharBuffer decoded = decoder.decode(ByteBuffer.wrap(new byte[] {(byte) b}));
                if (decoded.length() == 1) {
                    decodeTable[b] = decoded.get(0);
                    defined[b] = true;
                    encodeTable.put(decodeTable[b], (byte) b);
                }
            } catch (CharacterCodingException undefinedInCodePage) {
                defined[b] = false;
            }
        }
    }

    @Override
    public String decode(byte[] bytes, int from, int to, long streamOffset) {
        char[] out = new char[to - from];
        for (int i = from; i < to; i++) {
            int b = bytes[i] & 0xFF;
            if (!defined[b]) {
                throw new UndecodableTextException(LegacyEncoding.CP1258, streamOffset + (i - from),
                        String.format("byte 0x%02X is undefined in the code page", b));
            }
            out[i - from] = decodeTable[b];
        }
        return Nfc.of(new String(out));
    }

    @Override
    public byte[] encode(String nfcText) {
        byte[] out = new byte[nfcText.length() * 2];
        int n = 0;
        for (int i = 0; i < nfcText.length(); i++) {
            char c = nfcText.charAt(i);
            Byte direct = encodeTable.get(c);
            if (direct != null) {
                out[n++] = direct;
                continue;
            }
            // As Windows itself writes it: the letter without its tone (precomposed if the code page has it),
            // then the combining tone byte.
            String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
            int tone = -1;
            StringBuilder base = new StringBuilder();
            for (int k = 0; k < decomposed.length(); k++) {
                char d = decomposed.charAt(k);
                if (TONE_MARKS.indexOf(d) >= 0 && tone < 0) {
                    tone = d;
                } else {
                    base.append(d);
                }
            }
            String composedBase = Normalizer.normalize(base, Normalizer.Form.NFC);
            Byte baseByte = composedBase.length() == 1 ? encodeTable.get(composedBase.charAt(0)) : null;
            Byte toneByte = tone >= 0 ? encodeTable.get((char) tone) : null;
            if (baseByte == null || toneByte == null) {
                throw new UnencodableTextException(LegacyEncoding.CP1258, nfcText.codePointAt(i), i);
            }
            out[n++] = baseByte;
            out[n++] = toneByte;
        }
        return java.util.Arrays.copyOf(out, n);
    }
}
