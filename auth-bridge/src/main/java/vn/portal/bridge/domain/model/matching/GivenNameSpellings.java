package vn.portal.bridge.domain.model.matching;

import java.util.List;
import java.util.Locale;

import vn.portal.bridge.domain.model.identity.Gender;

/**
 * How the register spells the given names that fold to one comparison key: "thuy" is Thủy for some people,
 * Thúy or Thùy for others. A legacy account that lost its diacritics says only "Thuy", so these counts are
 * the register's own term frequencies for telling how much a folded agreement leaves open (in the way Splink
 * adjusts a level's weight by the frequency of the value agreed on). Counted per gender as well, because
 * Vietnamese given names mostly belong to one: "dung" is Dung for women and Dũng for men. Immutable.
 */
public final class GivenNameSpellings {

    /** Column of people whose gender the register does not give; they count for either gender. */
    private static final int UNKNOWN_GENDER = 2;

    private final String folded;
    private final String[] spellings;
    /** Per spelling: men, women, gender unknown. */
    private final int[][] counts;
    private final int total;

    /** {@code spellings} and {@code counts} (men, women, unknown) in the same order, most common first. */
    GivenNameSpellings(String folded, String[] spellings, int[][] counts) {
        this.folded = folded;
        this.spellings = spellings.clone();
        this.counts = new int[counts.length][];
        int sum = 0;
        for (int i = 0; i < counts.length; i++) {
            this.counts[i] = counts[i].clone();
            sum += counts[i][0] + counts[i][1] + counts[i][2];
        }
        this.total = sum;
    }

    /** Column of {@code gender} in the counts. */
    static int column(Gender gender) {
        return gender == null ? UNKNOWN_GENDER : gender.ordinal();
    }

    /** "thuy". */
    public String folded() {
        return folded;
    }

    /** The display forms ("Thủy", "Thúy"), most common first. */
    public List<String> spellings() {
        return List.of(spellings);
    }

    /** Register people whose given name folds to {@link #folded()}. */
    public int total() {
        return total;
    }

    /** Register people whose given name is written exactly {@code spelling}; 0 for a spelling nobody has. */
    public int count(String spelling) {
        return count(spelling, null);
    }

    /**
     * As {@link #count(String)}, among people of {@code gender} and those whose gender is not recorded; all
     * people when {@code gender} is null.
     */
    public int count(String spelling, Gender gender) {
        for (int i = 0; i < spellings.length; i++) {
            if (spellings[i].equals(spelling)) {
                return counted(i, gender);
            }
        }
        return 0;
    }

    /** Share of the people counted here whose given name is written otherwise than {@code spelling}. */
    public double otherSpellingShare(String spelling) {
        return otherSpellingShare(spelling, null);
    }

    /**
     * As {@link #otherSpellingShare(String)}, among people of {@code gender} and those whose gender is not
     * recorded; 0 when nobody is counted.
     */
    public double otherSpellingShare(String spelling, Gender gender) {
        int all = 0;
        int same = 0;
        for (int i = 0; i < spellings.length; i++) {
            int n = counted(i, gender);
            all += n;
            if (spellings[i].equals(spelling)) {
                same = n;
            }
        }
        return all == 0 ? 0.0 : (all - same) / (double) all;
    }

    private int counted(int spelling, Gender gender) {
        int[] c = counts[spelling];
        return gender == null ? c[0] + c[1] + c[2] : c[gender.ordinal()] + c[UNKNOWN_GENDER];
    }

    /** "Thúy 1,502, Thủy 1,479" among people of {@code gender} (all when null), at most {@code limit} spellings. */
    String describe(int limit, Gender gender) {
        StringBuilder out = new StringBuilder();
        int shown = 0;
        for (int i = 0; i < spellings.length; i++) {
            int n = counted(i, gender);
            if (n == 0) {
                continue;
            }
            if (shown == limit) {
                out.append(", …");
                break;
            }
            out.append(shown == 0 ? "" : ", ").append(spellings[i]).append(' ').append(String.format(Locale.ROOT, "%,d", n));
            shown++;
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return "GivenNameSpellings[" + folded + ": " + describe(Integer.MAX_VALUE, null) + "]";
    }
}
