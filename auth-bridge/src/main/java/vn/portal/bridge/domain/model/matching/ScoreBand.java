package vn.portal.bridge.domain.model.matching;

/** Where a decision's score lies relative to the thresholds. */
public enum ScoreBand {
    AT_OR_ABOVE_UPPER,
    BETWEEN_THRESHOLDS,
    BELOW_LOWER,
    /** There was no candidate, so nothing was scored. */
    NOT_SCORED;

    static ScoreBand of(Double score, Thresholds thresholds) {
        if (score == null) {
            return NOT_SCORED;
        }
        if (score >= thresholds.upper()) {
            return AT_OR_ABOVE_UPPER;
        }
        return score >= thresholds.lower() ? BETWEEN_THRESHOLDS : BELOW_LOWER;
    }
}
