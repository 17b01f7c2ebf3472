package vn.portal.bridge.domain.model.matching;

/**
 * The result of one comparison for one pair: the level reached and what it weighed.
 *
 * @param weight log2(m/u), 0 for {@link Level#MISSING}
 * @param vetoes true when this level forbids an automatic scored link
 */
public record ComparisonResult(ComparisonField field, Level level, double weight, double m, double u, boolean vetoes) {
}
