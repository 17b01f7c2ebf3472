package vn.portal.bridge.domain.model.matching;

/**
 * Decision thresholds on the total match weight (log2 of the posterior odds of a match): at or above
 * {@code upper} a pair may be linked automatically, from {@code lower} up to {@code upper} it goes to
 * review, below {@code lower} it is not a match. Two candidates whose weights are closer than
 * {@code competingMargin} (and both at least {@code lower}) compete, and competition always means review.
 *
 * @throws InvalidMatchingModelException when the values are not finite, upper is not above lower, or the
 *                                       margin is negative
 */
public record Thresholds(double upper, double lower, double competingMargin) {

    public Thresholds {
        if (!Double.isFinite(upper) || !Double.isFinite(lower) || !Double.isFinite(competingMargin)) {
            throw new InvalidMatchingModelException("thresholds must be finite numbers but were upper=" + upper
                    + ", lower=" + lower + ", competing margin=" + competingMargin);
        }
        if (upper <= lower) {
            throw new InvalidMatchingModelException("the upper threshold (" + upper
                    + ") must be above the lower threshold (" + lower + ")");
        }
        if (competingMargin < 0) {
            throw new InvalidMatchingModelException("the competing margin must not be negative but was " + competingMargin);
        }
    }

    /** Match probability at a weight: 2^w / (1 + 2^w). */
    public static double probability(double weight) {
        double odds = Math.pow(2.0, weight);
        return Double.isInfinite(odds) ? 1.0 : odds / (1.0 + odds);
    }
}
