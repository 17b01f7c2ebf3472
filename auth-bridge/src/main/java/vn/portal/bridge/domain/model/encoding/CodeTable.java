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
    /** For TCVN3: the capital a lower-case code also stands for (the ABC capital fonts draw it so). */
    private final char[] capitalOf = new char[256];
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
        StringBuilder out = new StringBuilder(to - from);
        int[] caseless = new int[8];
        int caselessCount = 0;
        int wordCapitals = 0;
        boolean wordHasLower = false;
        int i = from;
        while (i < to) {
            int b = bytes[i] & 0xFF;
            char c = 0;
            int length = 1;
            boolean capitalless = false;
            if (startsPair[b] && i + 1 < to) {
                c = pairs[(b << 8) | (bytes[i + 1] & 0xFF)];
                if (c != 0) {
                    length = 2;
                }
            }
            if (c == 0) {
                if (b < 0x80) {
                    c = (char) b;
                } else if (single[b] != 0) {
                    c = single[b];
                    capitalless = capitalOf[b] != 0;
                } else {
                    c = (char) b;
                }
            }
            if (Character.isLetter(c)) {
                if (capitalless) {
                    if (caselessCount == caseless.length) {
                        caseless = Arrays.copyOf(caseless, caselessCount * 2);
                    }
                    caseless[caselessCount++] = out.length();
                } else if (Character.isUpperCase(c)) {
                    wordCapitals++;
                } else if (Character.isLowerCase(c)) {
                    wordHasLower = true;
                }
            } else {
                restoreCapitals(out, caseless, caselessCount, wordCapitals, wordHasLower);
                caselessCount = 0;
                wordCapitals = 0;
                wordHasLower = false;
            }
            out.append(c);
            i += length;
        }
        restoreCapitals(out, caseless, caselessCount, wordCapitals, wordHasLower);
        return out.toString();
    }

    /**
     * TCVN3 has no codes for capitals with tone marks, so "NGUYÔN" holds a lower-case ễ between capitals.
     * In a word with at least two other letters, all capitals, it was meant as a capital. With fewer the
     * bytes cannot tell "Hå" (Hồ) from "HỒ", and title case, by far the more common, is kept; elsewhere the
     * letter stays lower-case (name normalisation recapitalises names).
     */
    private static void restoreCapitals(StringBuilder out, int[] positions, int count, int capitals, boolean lower) {
        if (count == 0 || capitals < 2 || lower) {
            return;
        }
        for (int k = 0; k < count; k++) {
            int p = positions[k];
            out.setCharAt(p, Character.toUpperCase(out.charAt(p)));
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
            capitalOf[first] = c;
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
