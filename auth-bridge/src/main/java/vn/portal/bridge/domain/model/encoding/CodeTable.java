package vn.portal.bridge.domain.model.encoding;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A font encoding read from a data file: single bytes and two-byte "base + mark" sequences mapped to
 * Unicode letters (format in the header of {@code vn/portal/bridge/encoding/tcvn3.txt}). Bytes 0x00-0x7F
 * are ASCII; a byte the table does not list reads as its ISO-8859-1 character, which is what such a byte
 * shows in a non-Vietnamese font and keeps foreign punctuation visible instead of failing.
 */
final class CodeTable implements Codec {

    private static final String RESOURCE_DIRECTORY = "/vn/portal/bridge/encoding/";

    private final LegacyEncoding encoding;
    private final char[] single = new char[256];
    private final char[] pairs = new char[1 << 16];
    private final boolean[] startsPair = new boolean[256];
    /** For TCVN3: letters whose one code stands for both cases (the ABC capital fonts draw it as a capital). */
    private final boolean[] caseless = new boolean[1 << 16];
    private boolean restoresCapitals;
    private final Map<Character, byte[]> encodeTable = new HashMap<>();

    private CodeTable(LegacyEncoding encoding, String resource) {
        this.encoding = encoding;
        load(resource);
    }

    static CodeTable tcvn3() {
        return Tcvn3Holder.TABLE;
    }

    static CodeTable vni() {
        return VniHolder.TABLE;
    }

    private static final class Tcvn3Holder {
        static final CodeTable TABLE = new CodeTable(LegacyEncoding.TCVN3, "tcvn3.txt");
    }

    private static final class VniHolder {
        static final CodeTable TABLE = new CodeTable(LegacyEncoding.VNI, "vni-windows.txt");
    }

    LegacyEncoding encoding() {
        return encoding;
    }

    /** Every character this table can write, with its bytes (a copy). */
    Map<Character, byte[]> encodings() {
        Map<Character, byte[]> copy = new HashMap<>();
        encodeTable.forEach((c, b) -> copy.put(c, b.clone()));
        return copy;
    }

    @Override
    public String decode(byte[] bytes, int from, int to, long streamOffset) {
        char[] out = new char[to - from];
        int n = 0;
        int wordStart = 0;
        boolean wordHasCaseless = false;
        int wordCapitals = 0;
        boolean wordHasLower = false;
        int i = from;
        while (i < to) {
            int b = bytes[i] & 0xFF;
            char c;
            if (startsPair[b] && i + 1 < to && (c = pairs[(b << 8) | (bytes[i + 1] & 0xFF)]) != 0) {
                i += 2;
            } else {
                c = b < 0x80 || single[b] == 0 ? (char) b : single[b];
                i++;
            }
            if (restoresCapitals) {
                if (isLetter(c)) {
                    if (caseless[c]) {
                        wordHasCaseless = true;
                    } else if (isUpperCase(c)) {
                        wordCapitals++;
                    } else {
                        wordHasLower = true;
                    }
                } else {
                    if (wordHasCaseless && wordCapitals >= 2 && !wordHasLower) {
                        capitalise(out, wordStart, n);
                    }
                    wordStart = n + 1;
                    wordHasCaseless = false;
                    wordCapitals = 0;
                    wordHasLower = false;
                }
            }
            out[n++] = c;
        }
        if (restoresCapitals && wordHasCaseless && wordCapitals >= 2 && !wordHasLower) {
            capitalise(out, wordStart, n);
        }
        return new String(out, 0, n);
    }

    /**
     * How many bytes of {@code bytes[from, to)} the table does not map: bytes above 0x7F that a file really
     * written in this encoding would not contain there (a VNI mark after a consonant, a byte TCVN3 leaves unused).
     */
    int strayBytes(byte[] bytes, int from, int to) {
        int stray = 0;
        int i = from;
        while (i < to) {
            int b = bytes[i] & 0xFF;
            if (startsPair[b] && i + 1 < to && pairs[(b << 8) | (bytes[i + 1] & 0xFF)] != 0) {
                i += 2;
                continue;
            }
            if (b >= 0x80 && single[b] == 0) {
                stray++;
            }
            i++;
        }
        return stray;
    }

    private static boolean isLetter(char c) {
        return c < 0x80 ? (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') : Character.isLetter(c);
    }

    private static boolean isUpperCase(char c) {
        return c < 0x80 ? c >= 'A' && c <= 'Z' : Character.isUpperCase(c);
    }

    /**
     * TCVN3 has no codes for capitals with tone marks, so "NGUYÔN" holds a lower-case ễ between capitals.
     * In a word with at least two other letters, all capitals, it was meant as a capital. With fewer the
     * bytes cannot tell "Hå" (Hồ) from "HỒ", and title case, by far the more common, is kept; elsewhere the
     * letter stays lower-case (name normalisation recapitalises names).
     */
    private void capitalise(char[] out, int from, int to) {
        for (int p = from; p < to; p++) {
            if (caseless[out[p]]) {
                out[p] = Character.toUpperCase(out[p]);
            }
        }
    }

    @Override
    public byte[] encode(String nfcText) {
        byte[] out = new byte[nfcText.length() * 2];
        int n = 0;
        for (int i = 0; i < nfcText.length(); i++) {
            char c = nfcText.charAt(i);
            if (c < 0x80) {
                out[n++] = (byte) c;
                continue;
            }
            byte[] bytes = encodeTable.get(c);
            if (bytes == null) {
                throw new UnencodableTextException(encoding, nfcText.codePointAt(i), i);
            }
            for (byte b : bytes) {
                out[n++] = b;
            }
        }
        return Arrays.copyOf(out, n);
    }

    private void load(String resource) {
        String path = RESOURCE_DIRECTORY + resource;
        InputStream stream = CodeTable.class.getResourceAsStream(path);
        if (stream == null) {
            throw new IllegalStateException("Code table " + path + " is missing from the class path");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                int comment = line.indexOf('#');
                String content = (comment >= 0 ? line.substring(0, comment) : line).strip();
                if (!content.isEmpty()) {
                    parseRow(content, path, number);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read code table " + path, e);
        }
    }

    private void parseRow(String content, String path, int number) {
        String[] fields = content.split("\t+");
        if (fields.length < 3 || fields.length > 4) {
            throw rowError(path, number, "expected 3 or 4 tab-separated fields, found " + fields.length);
        }
        String[] hex = fields[0].split("\\+");
        if (hex.length > 2) {
            throw rowError(path, number, "a sequence has at most two bytes: " + fields[0]);
        }
        byte[] bytes = new byte[hex.length];
        for (int k = 0; k < hex.length; k++) {
            if (!hex[k].matches("[0-9A-Fa-f]{2}")) {
                throw rowError(path, number, "not a hexadecimal byte: " + hex[k]);
            }
            bytes[k] = (byte) Integer.parseInt(hex[k], 16);
        }
        String character = fields[1];
        if (character.length() != 1 || !fields[2].matches("U\\+[0-9A-F]{4}")
                || character.charAt(0) != Integer.parseInt(fields[2].substring(2), 16)) {
            throw rowError(path, number, "character '" + character + "' does not match code point " + fields[2]);
        }
        char c = character.charAt(0);
        boolean encodeOnly = fields.length == 4;
        if (encodeOnly && !fields[3].equals("encode-only")) {
            throw rowError(path, number, "unknown flag '" + fields[3] + "'");
        }
        if (encodeTable.putIfAbsent(c, bytes) != null) {
            throw rowError(path, number, "character " + fields[2] + " is mapped twice");
        }
        int first = bytes[0] & 0xFF;
        if (first < 0x80 && bytes.length == 1) {
            throw rowError(path, number, "ASCII bytes are not remapped");
        }
        if (encodeOnly) {
            if (bytes.length != 1 || single[first] == 0 || Character.toUpperCase(single[first]) != c) {
                throw rowError(path, number, "an encode-only row must give the capital of an earlier single-byte row");
            }
            caseless[single[first]] = true;
            restoresCapitals = true;
            return;
        }
        if (bytes.length == 1) {
            if (single[first] != 0) {
                throw rowError(path, number, "byte " + fields[0] + " is mapped twice");
            }
            single[first] = c;
        } else {
            int key = (first << 8) | (bytes[1] & 0xFF);
            if (pairs[key] != 0) {
                throw rowError(path, number, "sequence " + fields[0] + " is mapped twice");
            }
            pairs[key] = c;
            startsPair[first] = true;
        }
    }

    private static IllegalStateException rowError(String path, int number, String reason) {
        return new IllegalStateException("Code table " + path + " line " + number + ": " + reason);
    }
}
