package vn.portal.bridge.domain.model.matching;

import java.util.Objects;

import vn.portal.bridge.domain.model.name.VietnameseName;

/**
 * A name prepared for comparison: the canonical display form, the folded comparison key, and where the given
 * name starts in each, so the matcher can compare "family and middle names" and "given name" as separate
 * fields without allocating substrings. Built once per record from a {@link VietnameseName}.
 */
public final class MatchName {

    private final String display;
    private final String key;
    private final int givenStartInDisplay;
    private final int givenStartInKey;
    private final int familyEndInKey;
    private final boolean withoutDiacritics;

    private MatchName(String display, String key) {
        this.display = display;
        this.key = key;
        this.givenStartInDisplay = display.lastIndexOf(' ') + 1;
        this.givenStartInKey = key.lastIndexOf(' ') + 1;
        int firstSpace = key.indexOf(' ');
        this.familyEndInKey = firstSpace < 0 ? 0 : firstSpace;
        this.withoutDiacritics = isPlainAscii(display);
    }

    /** Prepares {@code name}; its display form is already NFC with one tone placement. */
    public static MatchName of(VietnameseName name) {
        Objects.requireNonNull(name, "name");
        return new MatchName(name.display(), name.comparisonKey());
    }

    /** "Nguyễn Văn An". */
    public String display() {
        return display;
    }

    /** "nguyen van an": lower case, diacritics folded, đ -> d. */
    public String key() {
        return key;
    }

    /**
     * True when the name was written without any Vietnamese diacritics ("Nguyen Van An"), as many legacy
     * systems stored it: then only the folded key can be compared, and a folded agreement is full agreement.
     */
    public boolean withoutDiacritics() {
        return withoutDiacritics;
    }

    /** True for a one-word name, which has a given name but no family or middle name. */
    boolean singleWord() {
        return givenStartInKey == 0;
    }

    /** True when there are words between the family name and the given name. */
    boolean hasMiddleName() {
        return familyEndInKey < familyMiddleEndInKey();
    }

    int givenStartInDisplay() {
        return givenStartInDisplay;
    }

    int givenStartInKey() {
        return givenStartInKey;
    }

    /** End (exclusive) of family plus middle names in the display form: the space before the given name. */
    int familyMiddleEndInDisplay() {
        return Math.max(0, givenStartInDisplay - 1);
    }

    int familyMiddleEndInKey() {
        return Math.max(0, givenStartInKey - 1);
    }

    /** End (exclusive) of the family name (first word) in the key; 0 for a one-word name. */
    int familyEndInKey() {
        return familyEndInKey;
    }

    private static boolean isPlainAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 0x7F) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MatchName name && name.display.equals(display);
    }

    @Override
    public int hashCode() {
        return display.hashCode();
    }

    @Override
    public String toString() {
        return display;
    }
}
