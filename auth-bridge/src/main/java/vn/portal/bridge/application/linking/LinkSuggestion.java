package vn.portal.bridge.application.linking;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

import vn.portal.bridge.domain.model.matching.Outcome;

/**
 * A legacy account the engine thinks may be the signed-in citizen's, for the "my old accounts" page. It
 * carries only what the citizen needs to recognise the account and see why it was suggested; never the
 * password hash, e-mail or phone. Claiming it still requires proving the legacy password.
 *
 * @param legacyAccountId database id, the handle a claim refers to (re-check it with
 *                        {@link LinkingEngine#suggestion} before acting: never trust an id from a request)
 * @param outcome         what the engine would decide: an automatic link to this citizen, or REVIEW with the
 *                        citizen among the candidates
 * @param score           the citizen's match weight for the account, in bits
 * @param evidenceJson    the decision's evidence as stored with links
 * @param explanation     the same in English sentences (personal IDs masked)
 */
public record LinkSuggestion(long legacyAccountId, String agencyCode, String accountId, String username, String fullName,
        LocalDate birthDate, Outcome outcome, double score, String evidenceJson, String explanation) {

    public LinkSuggestion {
        Objects.requireNonNull(agencyCode, "agencyCode");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(evidenceJson, "evidenceJson");
        Objects.requireNonNull(explanation, "explanation");
    }

    public Optional<String> usernameIfKnown() {
        return Optional.ofNullable(username);
    }
}
