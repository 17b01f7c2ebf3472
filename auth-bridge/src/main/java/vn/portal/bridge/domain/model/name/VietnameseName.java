package vn.portal.bridge.domain.model.name;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A person's full name in Vietnamese order: family name first, given name last, middle names between
 * ("Nguyễn Văn An": family Nguyễn, middle Văn, given An).
 *
 * <p>The display form is canonical so the same name typed on different keyboards compares equal:
 * Unicode NFC, single spaces, each word capitalised (including Đ/đ), and one tone-mark placement.
 *
 * <p><b>Tone-mark convention.</b> Vietnamese writes the tone of the open syllable endings "oa", "oe" and
 * "uy" in two ways: on the first vowel ("hòa", "khỏe", "thúy", the traditional placement) or on the
 * second ("hoà", "khoẻ", "thuý", the placement of the 1980s school reform). We keep the traditional
 * placement, because the population register, ID cards and official place names ("Hòa Bình", "Thanh
 * Hóa", "Khánh Hòa") use it, and convert the other one to it: oà/oá/oả/oã/oạ -> òa/óa/ỏa/õa/ọa,
 * oè/oé/oẻ/oẽ/oẹ -> òe/óe/ỏe/õe/ọe, uỳ/uý/uỷ/uỹ/uỵ -> ùy/úy/ủy/ũy/ụy. Only a word-final pair moves:
 * with a final consonant both conventions agree ("Hoàng", "Huỳnh"), and after "q" the "u" belongs to
 * the consonant "qu", so "Quý" keeps its mark on the y.
 */
public final class VietnameseName {

    /** Longest accepted display form, in chars; longer input is not a name but a pasted paragraph. */
    public static final int MAX_LENGTH = 150;

    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\p{Z}]+");
    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    private static final String TONE_MARKS = "\u0300\u0301\u0309\u0303\u0323";

    private final String display;
    private final List<String> words;

    private VietnameseName(List<String> words) {
        this.words = List.copyOf(words);
        this.display = String.join(" ", words);
    }

    /**
     * Normalises {@code raw} into the canonical display form described in the class comment.
     *
     * @throws InvalidNameException if it is empty, too long, or holds digits or symbols
     */
    public static VietnameseName of(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidNameException(InvalidNameException.Reason.EMPTY, "name is empty");
        }
        String nfc = Normalizer.normalize(raw, Normalizer.Form.NFC).strip();
        String[] rawWords = WHITESPACE.split(nfc);
        List<String> words = new ArrayList<>(rawWords.length);
        int length = -1;
        for (String word : rawWords) {
            if (word.isEmpty()) {
                continue;
            }
            checkCharacters(word);
            String canonical = capitalise(moveToneToTraditionalPlace(word.toLowerCase(Locale.ROOT)));
            words.add(canonical);
            length += canonical.length() + 1;
        }
        if (words.isEmpty()) {
            throw new InvalidNameException(InvalidNameException.Reason.EMPTY, "name is empty");
        }
        if (length > MAX_LENGTH) {
            throw new InvalidNameException(InvalidNameException.Reason.TOO_LONG,
                    "name has " + length + " characters; at most " + MAX_LENGTH + " are accepted");
        }
        return new VietnameseName(words);
    }

    /** The canonical form, e.g. "Nguyễn Văn An". */
    public String display() {
        return display;
    }

    /**
     * A key for matching: lower case, diacritics removed (NFD, combining marks stripped), đ/Đ mapped to d
     * explicitly because Unicode gives it no decomposition, single spaces: "nguyen van an".
     */
    public String comparisonKey() {
        String decomposed = Normalizer.normalize(display, Normalizer.Form.NFD);
        String bare = COMBINING_MARKS.matcher(decomposed).replaceAll("")
                .replace('đ', 'd').replace('Đ', 'D');
        return bare.toLowerCase(Locale.ROOT);
    }

    /** The first word; empty for a one-word name (some ethnic-minority names have no family name). */
    public String familyName() {
        return words.size() > 1 ? words.get(0) : "";
    }

    /** Words between the family and the given name joined by a space; empty when there are none. */
    public String middleNames() {
        return words.size() > 2 ? String.join(" ", words.subList(1, words.size() - 1)) : "";
    }

    /** The last word: the name a person is called by. */
    public String givenName() {
        return words.get(words.size() - 1);
    }

    /** All words in order. */
    public List<String> words() {
        return words;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VietnameseName name && name.display.equals(display);
    }

    @Override
    public int hashCode() {
        return display.hashCode();
    }

    @Override
    public String toString() {
        return display;
    }

    private static void checkCharacters(String word) {
        word.codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            boolean allowed = Character.isLetter(cp)
                    || type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                    || cp == '-' || cp == '\'' || cp == '\u2019';
            if (!allowed) {
                throw new InvalidNameException(InvalidNameException.Reason.INVALID_CHARACTER,
                        "name contains '" + (Character.isISOControl(cp) ? String.format("U+%04X", cp) : new String(Character.toChars(cp)))
                                + "', which is not a letter, space, hyphen or apostrophe");
            }
        });
    }

    /** Expects a lower-case NFC word; see the class comment for the rule. */
    static String moveToneToTraditionalPlace(String word) {
        int n = word.length();
        if (n < 2) {
            return word;
        }
        String last = Normalizer.normalize(word.substring(n - 1), Normalizer.Form.NFD);
        if (last.length() != 2 || TONE_MARKS.indexOf(last.charAt(1)) < 0) {
            return word;
        }
        char base = last.charAt(0);
        char tone = last.charAt(1);
        char previous = word.charAt(n - 2);
        boolean oaOrOe = previous == 'o' && (base == 'a' || base == 'e');
        boolean uy = previous == 'u' && base == 'y' && (n < 3 || word.charAt(n - 3) != 'q');
        if (!oaOrOe && !uy) {
            return word;
        }
        String moved = Normalizer.normalize(String.valueOf(previous) + tone, Normalizer.Form.NFC) + base;
        return word.substring(0, n - 2) + moved;
    }

    /** Upper-cases the first letter and each letter after a hyphen ("Ê-đê" style compound words). */
    private static String capitalise(String word) {
        StringBuilder out = new StringBuilder(word.length());
        boolean startOfPart = true;
        for (int i = 0; i < word.length(); ) {
            int cp = word.codePointAt(i);
            out.appendCodePoint(startOfPart ? Character.toUpperCase(cp) : cp);
            startOfPart = cp == '-';
            i += Character.charCount(cp);
        }
        return Normalizer.normalize(out.toString(), Normalizer.Form.NFC);
    }
}
