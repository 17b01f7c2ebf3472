package vn.portal.bridge.domain.model.matching;

import java.util.List;

import vn.portal.bridge.domain.model.identity.PersonalId;

/**
 * Why one register person was considered for an account, and how it scored.
 *
 * @param foundBy          the blocking rules that brought the person in
 * @param idNumberTarget   true when the account's personal ID or old ID card number names this person
 * @param score            prior weight plus the comparison weights, in bits
 * @param matchProbability 2^score / (1 + 2^score)
 */
public record CandidateEvidence(PersonalId personalId, List<BlockingRule> foundBy, boolean idNumberTarget,
                                double score, double matchProbability, List<ComparisonResult> comparisons) {

    public CandidateEvidence {
        foundBy = List.copyOf(foundBy);
        comparisons = List.copyOf(comparisons);
    }
}
