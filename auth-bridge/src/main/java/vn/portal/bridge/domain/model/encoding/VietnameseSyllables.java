package vn.portal.bridge.domain.model.encoding;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Tells whether a word is a well-formed Vietnamese syllable: onset, vowel nucleus and final from the
 * closed inventories of Vietnamese orthography, at most one tone mark, placed on a vowel where either the
 * old ("hòa") or the new ("hoà") convention puts it, and only the sắc or nặng tone before a stop final
 * (c, ch, p, t). Text decoded with the wrong legacy table almost never passes ("NguyƠn", "Th̃", "Nguyeón"),
 * which is what makes the check a good witness for {@link EncodingDetector}.
 */
final class VietnameseSyllables {

    private static final String TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323";
    private static final char ACUTE = '\u0301';
    private static final char DOT_BELOW = '\u0323';
    private static final String VOWELS = "aăâeêioôơuưy";
    private static final String LETTERS = "abcdeghiklmnopqrstuvxyăâđêôơư";
    private static final String MARKED_VOWELS = "ăâêôơư";
    private static final List<String> ONSETS = List.of(
            "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
            "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x");
    private static final Set<String> FINALS = Set.of("", "c", "ch", "m", "n", "ng", "nh", "p", "t");
    private static final Set<String> STOP_FINALS = Set.of("c", "ch", "p", "t");

    private enum Final { NONE, REQUIRED, OPTIONAL }

    /** Vowel nuclei (semivowel finals i/y/o/u included) and whether a consonant final may or must follow. */
    private static final Map<String, Final> NUCLEI = Map.ofEntries(
            Map.entry("a", Final.OPTIONAL), Map.entry("ă", Final.REQUIRED), Map.entry("â", Final.REQUIRED),
            Map.entry("e", Final.OPTIONAL), Map.entry("ê", Final.OPTIONAL), Map.entry("i", Final.OPTIONAL),
            Map.entry("o", Final.OPTIONAL), Map.entry("ô", Final.OPTIONAL), Map.entry("ơ", Final.OPTIONAL),
            Map.entry("u", Final.OPTIONAL), Map.entry("ư", Final.OPTIONAL), Map.entry("y", Final.OPTIONAL),
            Map.entry("oa", Final.OPTIONAL), Map.entry("oă", Final.REQUIRED), Map.entry("oe", Final.OPTIONAL),
            Map.entry("oo", Final.REQUIRED), Map.entry("uâ", Final.REQUIRED), Map.entry("uê", Final.OPTIONAL),
            Map.entry("uy", Final.OPTIONAL), Map.entry("uơ", Final.NONE),
            Map.entry("iê", Final.REQUIRED), Map.entry("yê", Final.REQUIRED), Map.entry("uô", Final.REQUIRED),
            Map.entry("ươ", Final.REQUIRED), Map.entry("uyê", Final.REQUIRED),
            Map.entry("ia", Final.NONE), Map.entry("ua", Final.NONE), Map.entry("ưa", Final.NONE),
            Map.entry("uya", Final.NONE),
            Map.entry("ai", Final.NONE), Map.entry("ao", Final.NONE), Map.entry("au", Final.NONE),
            Map.entry("ay", Final.NONE), Map.entry("âu", Final.NONE), Map.entry("ây", Final.NONE),
            Map.entry("eo", Final.NONE), Map.entry("êu", Final.NONE), Map.entry("iu", Final.NONE),
            Map.entry("oi", Final.NONE), Map.entry("ôi", Final.NONE), Map.entry("ơi", Final.NONE),
            Map.entry("ui", Final.NONE), Map.entry("ưi", Final.NONE), Map.entry("ưu", Final.NONE),
            Map.entry("iêu", Final.NONE), Map.entry("yêu", Final.NONE), Map.entry("oai", Final.NONE),
            Map.entry("oay", Final.NONE), Map.entry("oao", Final.NONE), Map.entry("oeo", Final.NONE),
            Map.entry("uây", Final.NONE), Map.entry("uôi", Final.NONE), Map.entry("ươi", Final.NONE),
            Map.entry("ươu", Final.NONE), Map.entry("uyu", Final.NONE));

    private VietnameseSyllables() {
    }

    static boolean isSyllable(String word) {
        String decomposed = Normalizer.normalize(word.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        StringBuilder withoutTone = new StringBuilder(decomposed.length());
        int letters = 0;
        int tonePosition = -1;
        char tone = 0;
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (TONE_MARKS.indexOf(c) >= 0) {
                if (tone != 0 || letters == 0) {
                    return false;
                }
                tone = c;
                tonePosition = letters - 1;
            } else {
                if (Character.getType(c) != Character.NON_SPACING_MARK) {
                    letters++;
                }
                withoutTone.append(c);
            }
        }
        String base = Normalizer.normalize(withoutTone, Normalizer.Form.NFC);
        if (base.isEmpty() || base.length() != letters) {
            return false;
        }
        for (int i = 0; i < base.length(); i++) {
            if (LETTERS.indexOf(base.charAt(i)) < 0) {
                return false;
            }
        }
        String onset = onset(base);
        if (onset == null) {
            return false;
        }
        int nucleusEnd = onset.length();
        while (nucleusEnd < base.length() && VOWELS.indexOf(base.charAt(nucleusEnd)) >= 0) {
            nucleusEnd++;
        }
        String nucleus = base.substring(onset.length(), nucleusEnd);
        String coda = base.substring(nucleusEnd);
        Final finalRule = NUCLEI.get(nucleus);
        if (finalRule == null || !FINALS.contains(coda)
                || (finalRule == Final.NONE && !coda.isEmpty()) || (finalRule == Final.REQUIRED && coda.isEmpty())) {
            return false;
        }
        if (nucleus.equals("y") && !coda.isEmpty() && !onset.equals("qu")) {
            return false; // "quýt", "quỳnh"; elsewhere a final follows "uy", never a lone y
        }
        if (!spellingAgrees(onset, nucleus, coda)) {
            return false;
        }
        if (STOP_FINALS.contains(coda) && tone != ACUTE && tone != DOT_BELOW) {
            return false;
        }
        return tone == 0 || toneMayStandOn(nucleus, !coda.isEmpty(), tonePosition - onset.length());
    }

    /** The onset of the syllable ("" when it starts with a vowel), or {@code null} if it has none that fits. */
    private static String onset(String base) {
        for (String candidate : ONSETS) {
            if (!base.startsWith(candidate)) {
                continue;
            }
            boolean vowelFollows = base.length() > candidate.length() && VOWELS.indexOf(base.charAt(candidate.length())) >= 0;
            if (candidate.equals("gi") && !vowelFollows) {
                return "g"; // "gì", "gìn": the i is the vowel
            }
            if (candidate.equals("qu") && !vowelFollows) {
                return null;
            }
            return candidate;
        }
        if (base.charAt(0) == 'q') {
            return null;
        }
        return VOWELS.indexOf(base.charAt(0)) >= 0 ? "" : null;
    }

    /** The spelling rules for /k/ and /ɣ/: k, gh, ngh before front vowels, c, g, ng elsewhere; ch/nh finals. */
    private static boolean spellingAgrees(String onset, String nucleus, String coda) {
        char first = nucleus.charAt(0);
        boolean front = "eêiy".indexOf(first) >= 0;
        switch (onset) {
            case "k":
                if (!front) {
                    return false;
                }
                break;
            case "gh", "ngh":
                if (!front || first == 'y') {
                    return false;
                }
                break;
            case "c":
                if (front) {
                    return false;
                }
                break;
            default:
                break;
        }
        if (coda.equals("ch") || coda.equals("nh")) {
            return "aêiy".indexOf(nucleus.charAt(nucleus.length() - 1)) >= 0;
        }
        return true;
    }

    private static boolean toneMayStandOn(String nucleus, boolean hasFinal, int position) {
        if (position < 0 || position >= nucleus.length()) {
            return false;
        }
        int marked = -1;
        for (int i = 0; i < nucleus.length(); i++) {
            if (MARKED_VOWELS.indexOf(nucleus.charAt(i)) >= 0) {
                marked = i;
            }
        }
        if (marked >= 0) {
            return position == marked;
        }
        if (nucleus.length() == 1) {
            return true;
        }
        if (hasFinal) {
            return position == nucleus.length() - 1;
        }
        if (nucleus.length() == 2) {
            // Old style "hòa, thúy" and new style "hoà, thuý" are both in daily use.
            boolean eitherStyle = nucleus.equals("oa") || nucleus.equals("oe") || nucleus.equals("uy");
            return position == 0 || (eitherStyle && position == 1);
        }
        return position == 1;
    }
}
