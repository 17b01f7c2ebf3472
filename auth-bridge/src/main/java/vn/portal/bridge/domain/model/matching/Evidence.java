package vn.portal.bridge.domain.model.matching;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

import vn.portal.bridge.domain.model.identity.PersonalId;

/**
 * Everything a reviewer, an administrator or the citizen needs to see why the matcher decided as it did:
 * the rule that settled it, the candidates with every comparison's level and weight, the total, the
 * thresholds and where the total lies, and plain-English notes from the guards. {@link #toJson()} is the
 * form stored with links and review items; {@link #explain()} is the English rendering. Personal IDs appear
 * in full in the JSON (it is stored next to the link that names the same person) and masked in the
 * explanation (which may be shown or logged more widely).
 */
public final class Evidence {

    private final String model;
    private final String accountReference;
    private final Outcome outcome;
    private final DecisionRule rule;
    private final PersonalId linkedPersonalId;
    private final ReviewReason reviewReason;
    private final UnlinkableReason unlinkableReason;
    private final Double score;
    private final Thresholds thresholds;
    private final double priorWeight;
    private final List<CandidateEvidence> candidates;
    private final List<String> notes;

    Evidence(String model, String accountReference, Outcome outcome, DecisionRule rule, PersonalId linkedPersonalId,
             ReviewReason reviewReason, UnlinkableReason unlinkableReason, Double score, Thresholds thresholds,
             double priorWeight, List<CandidateEvidence> candidates, List<String> notes) {
        this.model = model;
        this.accountReference = accountReference;
        this.outcome = outcome;
        this.rule = rule;
        this.linkedPersonalId = linkedPersonalId;
        this.reviewReason = reviewReason;
        this.unlinkableReason = unlinkableReason;
        this.score = score;
        this.thresholds = thresholds;
        this.priorWeight = priorWeight;
        this.candidates = List.copyOf(candidates);
        this.notes = List.copyOf(notes);
    }

    /** "vn-legacy-accounts/2026-11-28.2". */
    public String model() {
        return model;
    }

    public String accountReference() {
        return accountReference;
    }

    public Outcome outcome() {
        return outcome;
    }

    public DecisionRule rule() {
        return rule;
    }

    public Optional<PersonalId> linkedPersonalId() {
        return Optional.ofNullable(linkedPersonalId);
    }

    public Optional<ReviewReason> reviewReason() {
        return Optional.ofNullable(reviewReason);
    }

    public Optional<UnlinkableReason> unlinkableReason() {
        return Optional.ofNullable(unlinkableReason);
    }

    /** The linked candidate's total weight for links, the best candidate's otherwise; empty without candidates. */
    public OptionalDouble score() {
        return score == null ? OptionalDouble.empty() : OptionalDouble.of(score);
    }

    public Thresholds thresholds() {
        return thresholds;
    }

    public ScoreBand band() {
        return ScoreBand.of(score, thresholds);
    }

    public double priorWeight() {
        return priorWeight;
    }

    /** Best first. */
    public List<CandidateEvidence> candidates() {
        return candidates;
    }

    /** English sentences from the guards and rules that fired. */
    public List<String> notes() {
        return notes;
    }

    /**
     * Compact JSON (about 2 kB with three candidates); member names are stable and snake_case:
     * {@code model, account, outcome, rule, linked_personal_id, review_reason, unlinkable_reason, score,
     * match_probability, band, thresholds{upper, lower, competing_margin}, prior_weight,
     * candidates[{personal_id, score, match_probability, id_number_target, found_by[], comparisons[{comparison,
     * level, weight, vetoes_auto_link (only when true)}]}], notes[]}}.
     */
    public String toJson() {
        JsonWriter json = new JsonWriter().beginObject();
        json.name("model").value(model);
        json.name("account").value(accountReference);
        json.name("outcome").value(outcome.name());
        json.name("rule").value(rule.name());
        json.name("linked_personal_id").value(linkedPersonalId == null ? null : linkedPersonalId.value());
        json.name("review_reason").value(reviewReason == null ? null : reviewReason.name());
        json.name("unlinkable_reason").value(unlinkableReason == null ? null : unlinkableReason.name());
        json.name("score").value(score);
        json.name("match_probability").value(score == null ? null : Thresholds.probability(score));
        json.name("band").value(band().name());
        json.name("thresholds").beginObject()
                .name("upper").value(thresholds.upper())
                .name("lower").value(thresholds.lower())
                .name("competing_margin").value(thresholds.competingMargin())
                .endObject();
        json.name("prior_weight").value(priorWeight);
        json.name("candidates").beginArray();
        for (CandidateEvidence candidate : candidates) {
            json.beginObject();
            json.name("personal_id").value(candidate.personalId().value());
            json.name("score").value(candidate.score());
            json.name("match_probability").value(candidate.matchProbability());
            json.name("id_number_target").value(candidate.idNumberTarget());
            json.name("found_by").beginArray();
            for (BlockingRule foundBy : candidate.foundBy()) {
                json.value(foundBy.key());
            }
            json.endArray();
            json.name("comparisons").beginArray();
            for (ComparisonResult result : candidate.comparisons()) {
                json.beginObject()
                        .name("comparison").value(result.field().key())
                        .name("level").value(result.level().name())
                        .name("weight").value(result.weight());
                // m and u stay in the model file named by "model"; the weight is what this decision used.
                if (result.vetoes()) {
                    json.name("vetoes_auto_link").value(true);
                }
                json.endObject();
            }
            json.endArray();
            json.endObject();
        }
        json.endArray();
        json.name("notes").beginArray();
        for (String note : notes) {
            json.value(note);
        }
        json.endArray();
        return json.endObject().toString();
    }

    /** A few lines of English a reviewer can read top to bottom. */
    public String explain() {
        StringBuilder out = new StringBuilder(512);
        out.append("Account ").append(accountReference).append(": ").append(outcome.description());
        if (linkedPersonalId != null) {
            out.append(" (personal ID ").append(linkedPersonalId.masked()).append(')');
        }
        out.append(".\n");
        out.append("Decided by ").append(rule.description()).append('.');
        if (reviewReason != null) {
            out.append(" Review because ").append(reviewReason.description()).append('.');
        }
        if (unlinkableReason != null) {
            out.append(" Unlinkable because ").append(unlinkableReason.description()).append('.');
        }
        out.append('\n');
        if (score != null) {
            out.append("Total match weight ").append(signed(score)).append(" bits (match probability ")
                    .append(String.format(Locale.ROOT, "%.6f", Thresholds.probability(score))).append(") is ")
                    .append(switch (band()) {
                        case AT_OR_ABOVE_UPPER -> "at or above the upper threshold " + signed(thresholds.upper());
                        case BETWEEN_THRESHOLDS -> "between the lower threshold " + signed(thresholds.lower())
                                + " and the upper threshold " + signed(thresholds.upper());
                        default -> "below the lower threshold " + signed(thresholds.lower());
                    }).append(".\n");
        }
        for (String note : notes) {
            out.append("Note: ").append(note).append('\n');
        }
        int rank = 1;
        for (CandidateEvidence candidate : candidates) {
            out.append("Candidate ").append(rank++).append(": personal ID ").append(candidate.personalId().masked())
                    .append(", total ").append(signed(candidate.score())).append(" bits");
            if (candidate.idNumberTarget()) {
                out.append(", named by the account's id number");
            }
            out.append(", found by ");
            for (int i = 0; i < candidate.foundBy().size(); i++) {
                out.append(i == 0 ? "" : " and ").append(candidate.foundBy().get(i).description());
            }
            out.append(".\n  prior ").append(signed(priorWeight)).append('\n');
            for (ComparisonResult result : candidate.comparisons()) {
                out.append("  ").append(result.field().description()).append(": ").append(result.level().description())
                        .append(' ').append(signed(result.weight()));
                if (result.vetoes()) {
                    out.append(" (forbids an automatic scored link)");
                }
                out.append('\n');
            }
        }
        return out.toString();
    }

    private static String signed(double value) {
        return String.format(Locale.ROOT, "%+.2f", value);
    }

    @Override
    public String toString() {
        return "Evidence[" + accountReference + " " + outcome + "]";
    }
}
