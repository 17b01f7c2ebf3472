package vn.portal.bridge.domain.model.encoding;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Tells which encoding a legacy file uses, and why.
 *
 * <ol>
 * <li>Only ASCII bytes: every supported encoding reads them identically; UTF-8 is reported with certainty.
 * <li>A UTF-8 byte-order mark, or bytes that are valid UTF-8 and contain multi-byte characters: UTF-8.
 *     Legacy Vietnamese text practically never forms valid UTF-8 sequences by accident.
 * <li>Otherwise every word holding a non-ASCII byte is read in each encoding and checked against the rules
 *     of Vietnamese syllables ({@link VietnameseSyllables}); the encoding under which most words are
 *     syllables wins. Ties go to the one with more common name syllables, then to the one leaving fewer
 *     non-Vietnamese characters. ASCII-only words (digits, e-mails, hashes, unaccented names) are the same
 *     in every encoding and are not counted.
 * </ol>
 * The confidence is the share of words the winner reads as Vietnamese, lowered when a runner-up reads many
 * of them too or when only a few words tell the encodings apart.
 */
public final class EncodingDetector {

    /** How much of a file {@link #detect(Path)} reads: enough for thousands of CSV rows. */
    public static final int SAMPLE_BYTES = 1 << 20;

    private static final List<LegacyEncoding> TIE_ORDER =
            List.of(LegacyEncoding.TCVN3, LegacyEncoding.VNI, LegacyEncoding.CP1258, LegacyEncoding.UTF_8);
    private static final Set<String> NAME_SYLLABLES = loadNameSyllables();
    private static final Set<Character> VIETNAMESE_LETTERS = CodeTable.vni().encodings().keySet();
    /** Tone marks by rarity, roughly -log2 of their share in Vietnamese text; no tone costs nothing. */
    private static final String TONES_BY_RARITY = "\u0300\u0301\u0323\u0309\u0303";
    private static final double[] TONE_COST = {1.0, 1.0, 1.3, 1.8, 2.5};
    private static final Map<Character, Double> TONE_COST_BY_LETTER = toneCosts();

    private EncodingDetector() {
    }

    /** Detects the encoding of the first {@link #SAMPLE_BYTES} bytes of a file. */
    public static Detection detect(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(Objects.requireNonNull(file, "file"))) {
            return detect(in.readNBytes(SAMPLE_BYTES));
        }
    }

    /**
     * Detects the encoding of a sample (typically the start of a file; a multi-byte character cut off at
     * the end of the sample is tolerated).
     */
    public static Detection detect(byte[] sample) {
        Objects.requireNonNull(sample, "sample");
        boolean byteOrderMark = sample.length >= 3
                && (sample[0] & 0xFF) == 0xEF && (sample[1] & 0xFF) == 0xBB && (sample[2] & 0xFF) == 0xBF;
        if (byteOrderMark) {
            return new Detection(LegacyEncoding.UTF_8, 1.0, "The file starts with the UTF-8 byte-order mark (EF BB BF).");
        }
        int nonAscii = 0;
        for (byte b : sample) {
            if (b < 0) {
                nonAscii++;
            }
        }
        if (nonAscii == 0) {
            return new Detection(LegacyEncoding.UTF_8, 1.0, sample.length == 0
                    ? "The sample is empty; there is nothing that could be misread."
                    : "All " + sample.length + " bytes are ASCII, which every supported encoding reads identically.");
        }
        List<int[]> words = wordsWithNonAscii(sample);
        long malformedAt = firstMalformedUtf8(sample);
        if (malformedAt < 0) {
            return utf8(sample, words);
        }
        List<Tally> tallies = new ArrayList<>();
        for (LegacyEncoding encoding : TIE_ORDER) {
            tallies.add(Tally.of(encoding, sample, words));
        }
        tallies.sort(Tally::compareBest);
        return legacy(tallies, words, sample, malformedAt);
    }

    private static Detection utf8(byte[] sample, List<int[]> words) {
        Tally tally = Tally.of(LegacyEncoding.UTF_8, sample, words);
        String decoded = new String(sample, StandardCharsets.UTF_8);
        boolean decomposed = !Normalizer.isNormalized(decoded, Normalizer.Form.NFC);
        StringBuilder text = new StringBuilder("The bytes are valid UTF-8 and ")
                .append(words.size()).append(words.size() == 1 ? " word contains" : " words contain")
                .append(" multi-byte characters, ").append(tally.valid).append(" of them Vietnamese syllables");
        String example = tally.firstValidWord();
        if (example != null) {
            text.append(" (e.g. \"").append(example).append("\")");
        }
        text.append(decomposed
                ? "; tone marks are decomposed (NFD) and are normalised to NFC when read."
                : "; tone marks are precomposed (NFC).");
        return new Detection(LegacyEncoding.UTF_8, tally.valid > 0 ? 0.99 : 0.9, text.toString());
    }

    private static Detection legacy(List<Tally> ranked, List<int[]> words, byte[] sample, long malformedAt) {
        Tally best = ranked.get(0);
        Tally second = ranked.get(1);
        int n = words.size();
        StringBuilder text = new StringBuilder();
        if (best.valid == 0) {
            text.append("No supported encoding reads the ").append(n)
                    .append(n == 1 ? " word" : " words").append(" with non-ASCII bytes as Vietnamese; ")
                    .append(best.encoding.displayName()).append(" leaves the fewest non-Vietnamese characters (")
                    .append(best.foreign).append("). Check the file's origin before importing it.");
            return new Detection(best.encoding, 0.05, text.toString());
        }
        text.append(best.valid).append(" of ").append(n).append(n == 1 ? " word" : " words")
                .append(" with non-ASCII bytes read as Vietnamese syllables in ").append(best.encoding.displayName())
                .append(", against ");
        for (int k = 1; k < ranked.size(); k++) {
            Tally other = ranked.get(k);
            text.append(other.valid).append(" in ").append(other.encoding.displayName());
            if (other.encoding == LegacyEncoding.UTF_8) {
                text.append(String.format(Locale.ROOT, " (byte 0x%02X at offset %d is not valid UTF-8)",
                        sample[(int) malformedAt] & 0xFF, malformedAt));
            } else if (other.firstUndecodable >= 0) {
                text.append(String.format(Locale.ROOT, " (byte 0x%02X at offset %d is undefined there)",
                        sample[(int) other.firstUndecodable] & 0xFF, other.firstUndecodable));
            }
            text.append(k == ranked.size() - 2 ? " and " : k == ranked.size() - 1 ? ". " : ", ");
        }
        double confidence;
        if (best.readsLike(second)) {
            text.append(best.encoding.displayName()).append(" and ").append(second.encoding.displayName())
                    .append(" read every such word identically here, so either gives the same text.");
            confidence = (double) best.valid / n;
        } else {
            int index = best.exampleAgainst(second);
            if (index >= 0) {
                int[] w = words.get(index);
                text.append("For example the bytes ").append(hex(sample, w[0], w[1])).append(" read \"")
                        .append(best.decoded[index]).append('"');
                if (second.decoded[index] != null) {
                    text.append(", where ").append(second.encoding.displayName()).append(" would read \"")
                            .append(second.decoded[index]).append('"');
                }
                text.append('.');
            }
            if (best.valid == second.valid) {
                text.append(" Tie broken by ");
                if (best.stray != second.stray) {
                    text.append("bytes the encoding does not use (").append(best.stray).append(" against ")
                            .append(second.stray).append(").");
                } else if (best.names != second.names) {
                    text.append("common name syllables (").append(best.names).append(" against ").append(second.names).append(").");
                } else if (best.foreign != second.foreign) {
                    text.append("fewer non-Vietnamese characters (").append(best.foreign).append(" against ")
                            .append(second.foreign).append(").");
                } else {
                    text.append("more frequent tone marks.");
                }
            }
            double share = (double) best.valid / n;
            int margin = Math.max(0, best.onlyHere(second) - second.onlyHere(best));
            confidence = Math.min(0.99, share * (1 - Math.pow(0.5, margin + 1)));
        }
        return new Detection(best.encoding, Math.round(confidence * 100) / 100.0, text.toString().strip());
    }

    /** Words as {from, to} byte ranges: runs of ASCII letters and non-ASCII bytes holding a non-ASCII byte. */
    private static List<int[]> wordsWithNonAscii(byte[] sample) {
        List<int[]> words = new ArrayList<>();
        int start = -1;
        boolean hasNonAscii = false;
        for (int i = 0; i <= sample.length; i++) {
            boolean inWord = i < sample.length && isWordByte(sample[i]);
            if (inWord) {
                if (start < 0) {
                    start = i;
                    hasNonAscii = false;
                }
                hasNonAscii |= sample[i] < 0;
            } else if (start >= 0) {
                if (hasNonAscii) {
                    words.add(new int[] {start, i});
                }
                start = -1;
            }
        }
        return words;
    }

    private static boolean isWordByte(byte b) {
        return b < 0 || (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z');
    }

    /** Offset of the first byte that is not valid UTF-8, or -1; a sequence cut off by the sample's end is valid. */
    private static long firstMalformedUtf8(byte[] bytes) {
        int i = 0;
        while (i < bytes.length) {
            int b = bytes[i] & 0xFF;
            int length;
            int min;
            if (b < 0x80) {
                i++;
                continue;
            } else if (b >= 0xC2 && b <= 0xDF) {
                length = 2;
                min = 0x80;
            } else if (b >= 0xE0 && b <= 0xEF) {
                length = 3;
                min = 0x800;
            } else if (b >= 0xF0 && b <= 0xF4) {
                length = 4;
                min = 0x10000;
            } else {
                return i;
            }
            int codePoint = b & (0xFF >> (length + 1));
            for (int k = 1; k < length; k++) {
                if (i + k >= bytes.length) {
                    return -1;
                }
                int c = bytes[i + k] & 0xFF;
                if ((c & 0xC0) != 0x80) {
                    return i;
                }
                codePoint = (codePoint << 6) | (c & 0x3F);
            }
            if (codePoint < min || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF)) {
                return i;
            }
            i += length;
        }
        return -1;
    }

    private static String hex(byte[] bytes, int from, int to) {
        StringBuilder out = new StringBuilder();
        for (int i = from; i < to; i++) {
            if (i > from) {
                out.append(' ');
            }
            out.append(String.format(Locale.ROOT, "%02X", bytes[i] & 0xFF));
        }
        return out.toString();
    }

    private static Map<Character, Double> toneCosts() {
        Map<Character, Double> costs = new HashMap<>();
        for (char letter : VIETNAMESE_LETTERS) {
            String decomposed = Normalizer.normalize(String.valueOf(letter), Normalizer.Form.NFD);
            for (int i = 0; i < decomposed.length(); i++) {
                int rank = TONES_BY_RARITY.indexOf(decomposed.charAt(i));
                if (rank >= 0) {
                    costs.put(letter, TONE_COST[rank]);
                }
            }
        }
        return Map.copyOf(costs);
    }

    private static Set<String> loadNameSyllables() {
        String path = "/vn/portal/bridge/encoding/name-syllables.txt";
        InputStream stream = EncodingDetector.class.getResourceAsStream(path);
        if (stream == null) {
            throw new IllegalStateException("Name syllable list " + path + " is missing from the class path");
        }
        Set<String> syllables = new HashSet<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                int comment = line.indexOf('#');
                for (String word : (comment >= 0 ? line.substring(0, comment) : line).strip().split("\\s+")) {
                    if (!word.isEmpty()) {
                        syllables.add(Nfc.of(word).toLowerCase(Locale.ROOT));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path, e);
        }
        return Set.copyOf(syllables);
    }

    /** How one encoding fares on the sample's words. */
    private static final class Tally {
        final LegacyEncoding encoding;
        final String[] decoded;
        final boolean[] syllable;
        int valid;
        int names;
        int foreign;
        int stray;
        double toneCost;
        long firstUndecodable = -1;

        private Tally(LegacyEncoding encoding, int size) {
            this.encoding = encoding;
            this.decoded = new String[size];
            this.syllable = new boolean[size];
        }

        static Tally of(LegacyEncoding encoding, byte[] sample, List<int[]> words) {
            Codec codec = Codec.of(encoding);
            Tally tally = new Tally(encoding, words.size());
            for (int k = 0; k < words.size(); k++) {
                int[] w = words.get(k);
                String text;
                try {
                    text = codec.decode(sample, w[0], w[1], w[0]);
                } catch (UndecodableTextException e) {
                    if (tally.firstUndecodable < 0) {
                        tally.firstUndecodable = e.byteOffset();
                    }
                    tally.foreign += w[1] - w[0];
                    continue;
                }
                tally.decoded[k] = text;
                if (codec instanceof CodeTable table) {
                    tally.stray += table.strayBytes(sample, w[0], w[1]);
                }
                if (VietnameseSyllables.isSyllable(text)) {
                    tally.syllable[k] = true;
                    tally.valid++;
                    if (NAME_SYLLABLES.contains(text.toLowerCase(Locale.ROOT))) {
                        tally.names++;
                    }
                }
                for (int i = 0; i < text.length(); i++) {
                    char c = text.charAt(i);
                    boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || VIETNAMESE_LETTERS.contains(c);
                    if (!letter) {
                        tally.foreign++;
                    } else if (c >= 0x80) {
                        tally.toneCost += toneCost(c);
                    }
                }
            }
            return tally;
        }

        /** Orders best first: more syllables, fewer stray bytes, more name syllables, fewer foreign characters, likelier tones. */
        static int compareBest(Tally a, Tally b) {
            if (a.valid != b.valid) {
                return Integer.compare(b.valid, a.valid);
            }
            if (a.stray != b.stray) {
                return Integer.compare(a.stray, b.stray);
            }
            if (a.names != b.names) {
                return Integer.compare(b.names, a.names);
            }
            if (a.foreign != b.foreign) {
                return Integer.compare(a.foreign, b.foreign);
            }
            if (a.toneCost != b.toneCost) {
                return Double.compare(a.toneCost, b.toneCost);
            }
            return Integer.compare(TIE_ORDER.indexOf(a.encoding), TIE_ORDER.indexOf(b.encoding));
        }

        /** Words this encoding reads as syllables and the other does not. */
        int onlyHere(Tally other) {
            int count = 0;
            for (int k = 0; k < syllable.length; k++) {
                if (syllable[k] && !other.syllable[k]) {
                    count++;
                }
            }
            return count;
        }

        private static double toneCost(char letter) {
            Double cost = TONE_COST_BY_LETTER.get(letter);
            return cost == null ? 0 : cost;
        }

        boolean readsLike(Tally other) {
            for (int k = 0; k < decoded.length; k++) {
                if (!Objects.equals(decoded[k], other.decoded[k])) {
                    return false;
                }
            }
            return true;
        }

        /** A word this encoding reads as a syllable and the other does not (or reads differently); -1 if none. */
        int exampleAgainst(Tally other) {
            int differing = -1;
            for (int k = 0; k < decoded.length; k++) {
                if (syllable[k] && !other.syllable[k]) {
                    return k;
                }
                if (differing < 0 && syllable[k] && !Objects.equals(decoded[k], other.decoded[k])) {
                    differing = k;
                }
            }
            return differing;
        }

        String firstValidWord() {
            for (int k = 0; k < decoded.length; k++) {
                if (syllable[k]) {
                    return decoded[k];
                }
            }
            return null;
        }
    }
}
