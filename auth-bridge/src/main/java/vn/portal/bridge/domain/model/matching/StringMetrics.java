package vn.portal.bridge.domain.model.matching;

/**
 * Allocation-free string similarity on regions of strings, because the matcher compares the given-name and
 * family-name parts of one stored key without cutting substrings out of it a million times.
 */
final class StringMetrics {

    private static final double JARO_WINKLER_PREFIX_SCALE = 0.1;
    private static final int JARO_WINKLER_MAX_PREFIX = 4;

    private StringMetrics() {
    }

    static boolean regionEquals(String a, int aFrom, int aTo, String b, int bFrom, int bTo) {
        int length = aTo - aFrom;
        return length == bTo - bFrom && a.regionMatches(aFrom, b, bFrom, length);
    }

    /**
     * True when the regions are equal or one edit apart: one substitution, one insertion or deletion, or one
     * swap of two adjacent characters (optimal string alignment distance at most 1). Swaps count as one edit
     * because transposed digits and letters are the commonest typing slip.
     */
    static boolean withinOneEdit(String a, int aFrom, int aTo, String b, int bFrom, int bTo) {
        int aLength = aTo - aFrom;
        int bLength = bTo - bFrom;
        if (Math.abs(aLength - bLength) > 1) {
            return false;
        }
        int prefix = 0;
        int shorter = Math.min(aLength, bLength);
        while (prefix < shorter && a.charAt(aFrom + prefix) == b.charAt(bFrom + prefix)) {
            prefix++;
        }
        if (prefix == shorter && aLength == bLength) {
            return true;
        }
        if (aLength == bLength) {
            // substitution at prefix: the rest after it must be equal
            if (regionEquals(a, aFrom + prefix + 1, aTo, b, bFrom + prefix + 1, bTo)) {
                return true;
            }
            // adjacent transposition at prefix
            return prefix + 1 < aLength
                    && a.charAt(aFrom + prefix) == b.charAt(bFrom + prefix + 1)
                    && a.charAt(aFrom + prefix + 1) == b.charAt(bFrom + prefix)
                    && regionEquals(a, aFrom + prefix + 2, aTo, b, bFrom + prefix + 2, bTo);
        }
        // one insertion in the longer region at prefix
        if (aLength > bLength) {
            return regionEquals(a, aFrom + prefix + 1, aTo, b, bFrom + prefix, bTo);
        }
        return regionEquals(a, aFrom + prefix, aTo, b, bFrom + prefix + 1, bTo);
    }

    /**
     * Jaro-Winkler similarity in [0, 1] of two regions (Winkler 1990: Jaro similarity boosted by a common
     * prefix of up to four characters with scale 0.1). Regions up to 64 characters use bit masks and allocate
     * nothing; longer ones fall back to flag arrays.
     */
    static double jaroWinkler(String a, int aFrom, int aTo, String b, int bFrom, int bTo) {
        int aLength = aTo - aFrom;
        int bLength = bTo - bFrom;
        if (aLength == 0 && bLength == 0) {
            return 1.0;
        }
        if (aLength == 0 || bLength == 0) {
            return 0.0;
        }
        double jaro = aLength <= 64 && bLength <= 64
                ? jaroWithMasks(a, aFrom, aLength, b, bFrom, bLength)
                : jaroWithArrays(a, aFrom, aLength, b, bFrom, bLength);
        int prefix = 0;
        int limit = Math.min(JARO_WINKLER_MAX_PREFIX, Math.min(aLength, bLength));
        while (prefix < limit && a.charAt(aFrom + prefix) == b.charAt(bFrom + prefix)) {
            prefix++;
        }
        return jaro + prefix * JARO_WINKLER_PREFIX_SCALE * (1.0 - jaro);
    }

    private static double jaroWithMasks(String a, int aFrom, int aLength, String b, int bFrom, int bLength) {
        int window = Math.max(0, Math.max(aLength, bLength) / 2 - 1);
        long aMatched = 0L;
        long bMatched = 0L;
        int matches = 0;
        for (int i = 0; i < aLength; i++) {
            char c = a.charAt(aFrom + i);
            int start = Math.max(0, i - window);
            int end = Math.min(bLength - 1, i + window);
            for (int j = start; j <= end; j++) {
                if ((bMatched & (1L << j)) == 0 && b.charAt(bFrom + j) == c) {
                    aMatched |= 1L << i;
                    bMatched |= 1L << j;
                    matches++;
                    break;
                }
            }
        }
        if (matches == 0) {
            return 0.0;
        }
        int halfTranspositions = 0;
        int j = 0;
        for (int i = 0; i < aLength; i++) {
            if ((aMatched & (1L << i)) != 0) {
                while ((bMatched & (1L << j)) == 0) {
                    j++;
                }
                if (a.charAt(aFrom + i) != b.charAt(bFrom + j)) {
                    halfTranspositions++;
                }
                j++;
            }
        }
        return jaro(matches, halfTranspositions, aLength, bLength);
    }

    private static double jaroWithArrays(String a, int aFrom, int aLength, String b, int bFrom, int bLength) {
        int window = Math.max(0, Math.max(aLength, bLength) / 2 - 1);
        boolean[] aMatched = new boolean[aLength];
        boolean[] bMatched = new boolean[bLength];
        int matches = 0;
        for (int i = 0; i < aLength; i++) {
            char c = a.charAt(aFrom + i);
            int start = Math.max(0, i - window);
            int end = Math.min(bLength - 1, i + window);
            for (int j = start; j <= end; j++) {
                if (!bMatched[j] && b.charAt(bFrom + j) == c) {
                    aMatched[i] = true;
                    bMatched[j] = true;
                    matches++;
                    break;
                }
            }
        }
        if (matches == 0) {
            return 0.0;
        }
        int halfTranspositions = 0;
        int j = 0;
        for (int i = 0; i < aLength; i++) {
            if (aMatched[i]) {
                while (!bMatched[j]) {
                    j++;
                }
                if (a.charAt(aFrom + i) != b.charAt(bFrom + j)) {
                    halfTranspositions++;
                }
                j++;
            }
        }
        return jaro(matches, halfTranspositions, aLength, bLength);
    }

    private static double jaro(int matches, int halfTranspositions, int aLength, int bLength) {
        double m = matches;
        return (m / aLength + m / bLength + (m - halfTranspositions / 2.0) / m) / 3.0;
    }
}
