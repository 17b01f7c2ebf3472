package vn.portal.bridge.domain.model.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import vn.portal.bridge.domain.model.identity.Gender;
import vn.portal.bridge.domain.model.identity.PersonalId;

/**
 * Decides one legacy account at a time against a {@link RegisterIndex} with a {@link MatchingModel}:
 *
 * <ol>
 * <li>a name matching a test-account pattern makes the account UNLINKABLE;</li>
 * <li>blocking: the candidates are the register people sharing a personal ID, old ID card number, phone, or
 *     folded name and birth year with the account (no key at all: UNLINKABLE, no usable fields);</li>
 * <li>every candidate is scored: the prior weight plus, per comparison, the weight of the level reached;</li>
 * <li>deterministic rules: a personal ID found in the register with the same birth date and a name that does
 *     not contradict it is AUTO_EXACT; an old ID card number naming exactly one person with the same name (or
 *     the same folded name when one side has no diacritics at all) and birth date is AUTO_REGISTER;</li>
 * <li>guards, before any automatic link: when the id number names one person but another candidate agrees
 *     fully on name and birth date and the named one does not, the number may be mistyped (REVIEW); when two
 *     candidates score within the competing margin, they compete (REVIEW);</li>
 * <li>thresholds: at or above the upper threshold AUTO_SCORED unless a vetoing level was reached (REVIEW) or
 *     the folded-name guard objects (REVIEW: the name agrees only without diacritics, the register spells that
 *     given name in several ways, and no id number separates look-alikes); between the thresholds REVIEW;
 *     below NO_MATCH, or UNLINKABLE when the account holds a passport or a test e-mail address, or when no
 *     candidate was found at all.</li>
 * </ol>
 *
 * <p>The matcher keeps no state between calls: it is safe to call from many threads at once. Per call it
 * allocates a few small arrays and the evidence of the decision.
 */
public final class Matcher {

    private static final double SIMILAR_FAMILY_NAME = 0.90;
    private static final int INITIAL_CAPACITY = 16;

    private final RegisterIndex index;
    private final MatchingModel model;
    private final Comparison[] comparisons;
    private final List<BlockingRule> rules;
    private final Thresholds thresholds;
    private final String modelName;

    public Matcher(RegisterIndex index, MatchingModel model) {
        this.index = Objects.requireNonNull(index, "index");
        this.model = Objects.requireNonNull(model, "model");
        this.comparisons = model.comparisonArray();
        this.rules = model.blockingRules();
        this.thresholds = model.thresholds();
        this.modelName = model.name() + "/" + model.version();
    }

    public MatchingModel model() {
        return model;
    }

    public RegisterIndex index() {
        return index;
    }

    /** Decides {@code account}; never throws for account content, every oddity ends in an outcome. */
    public Decision decide(AccountRecord account) {
        Objects.requireNonNull(account, "account");
        if (account.name != null) {
            Optional<String> pattern = model.testNamePattern(account.name.key());
            if (pattern.isPresent()) {
                return new Work(account).unlinkable(UnlinkableReason.TEST_ACCOUNT, DecisionRule.TEST_ACCOUNT_PATTERN,
                        "the name contains the test-account word '" + pattern.get() + "'");
            }
        }
        Work work = new Work(account);
        if (!work.block()) {
            return work.unlinkable(UnlinkableReason.NO_USABLE_FIELDS, DecisionRule.NO_BLOCKING_KEY, null);
        }
        work.score();
        return work.decide();
    }

    /** Agreement of a candidate's name with the account's, for the deterministic rules and the guards. */
    private enum NameAgreement {
        /** The account has no name: it neither supports nor contradicts. */
        UNKNOWN,
        NONE,
        /**
         * Given names at most one edit apart, and family/middle names similar or with the middle name left out:
         * a typo or a shortened form, or a sibling.
         */
        SIMILAR,
        /** Same folded key, but both written with diacritics that differ ("Tú" and "Tư"). */
        KEY_EQUAL,
        /** Same name, or same folded key with one side written without diacritics. */
        STRONG
    }

    /** The per-call state: candidates, their levels and scores. Never shared between threads. */
    private final class Work {

        private final AccountRecord account;
        private PersonRecord[] people = new PersonRecord[INITIAL_CAPACITY];
        private int[] foundBy = new int[INITIAL_CAPACITY];
        private double[] scores;
        private byte[] levels;
        private int count;
        private List<String> notes;

        Work(AccountRecord account) {
            this.account = account;
        }

        /** Collects candidates; false when no rule yields a key for the account. */
        boolean block() {
            boolean anyKey = false;
            for (int r = 0; r < rules.size(); r++) {
                BlockingRule rule = rules.get(r);
                String key = rule.accountKey(account);
                if (key == null) {
                    continue;
                }
                anyKey = true;
                Object bucket = index.bucket(rule, key);
                int size = RegisterIndex.bucketSize(bucket);
                if (size > model.maxBucketSize()) {
                    note("the " + rule.key() + " block holds " + size + " register people, more than the maximum "
                            + model.maxBucketSize() + ", and was skipped");
                    continue;
                }
                int before = count;
                for (int i = 0; i < size; i++) {
                    add(RegisterIndex.bucketMember(bucket, i), 1 << rule.ordinal(), before);
                }
            }
            return anyKey;
        }

        private void add(PersonRecord person, int ruleBit, int searchUpTo) {
            // A person sits at most once in each bucket, so only earlier rules' candidates can repeat.
            for (int i = 0; i < searchUpTo; i++) {
                if (people[i] == person) {
                    foundBy[i] |= ruleBit;
                    return;
                }
            }
            if (count == people.length) {
                people = Arrays.copyOf(people, count * 2);
                foundBy = Arrays.copyOf(foundBy, count * 2);
            }
            people[count] = person;
            foundBy[count] = ruleBit;
            count++;
        }

        void score() {
            int k = comparisons.length;
            scores = new double[count];
            levels = new byte[count * k];
            double prior = model.priorWeight();
            for (int i = 0; i < count; i++) {
                double total = prior;
                for (int c = 0; c < k; c++) {
                    int level = comparisons[c].classify(account, people[i]);
                    levels[i * k + c] = (byte) level;
                    total += comparisons[c].weightAt(level);
                }
                scores[i] = total;
            }
        }

        Decision decide() {
            // Deterministic rule 1: the personal ID names a register person.
            int personalIdTarget = -1;
            if (account.personalId != null) {
                for (int i = 0; i < count; i++) {
                    if (people[i].personalId.equals(account.personalId)) {
                        personalIdTarget = i;
                        break;
                    }
                }
            }
            if (personalIdTarget >= 0) {
                int other = contradicting(personalIdTarget, false);
                if (other >= 0) {
                    note("the account's personal ID names " + people[personalIdTarget].personalId.masked()
                            + ", but " + people[other].personalId.masked()
                            + " has the account's name and birth date; the number may be mistyped");
                    return review(ReviewReason.CONTRADICTING_ID_NUMBER, DecisionRule.CONTRADICTING_ID_NUMBER_GUARD,
                            personalIdTarget, personalIdTarget, other);
                }
                NameAgreement name = nameAgreement(people[personalIdTarget]);
                if (name == NameAgreement.NONE && sameBirthDate(personalIdTarget)) {
                    note("the account's personal ID names " + people[personalIdTarget].personalId.masked()
                            + ", born the same day, but under a different name; the number may belong to a relative");
                    return review(ReviewReason.CONTRADICTING_ID_NUMBER, DecisionRule.CONTRADICTING_ID_NUMBER_GUARD,
                            personalIdTarget, personalIdTarget);
                }
                if (sameBirthDate(personalIdTarget) && genderAgrees(personalIdTarget) && name != NameAgreement.NONE) {
                    if (name != NameAgreement.STRONG && name != NameAgreement.UNKNOWN) {
                        note("the name differs slightly from the register ("
                                + (name == NameAgreement.KEY_EQUAL ? "diacritics" : "a typing slip")
                                + "); the personal ID and birth date decide");
                    }
                    return link(Outcome.AUTO_EXACT, DecisionRule.PERSONAL_ID_IN_REGISTER, personalIdTarget, personalIdTarget);
                }
            }

            // Deterministic rule 2: the old ID card number, resolved through the register.
            int[] oldIdTargets = oldIdTargets();
            if (oldIdTargets.length > 0) {
                int agreeing = -1;
                int agreeingCount = 0;
                int diacriticsDiffer = -1;
                for (int t : oldIdTargets) {
                    NameAgreement name = nameAgreement(people[t]);
                    if (sameBirthDate(t) && name == NameAgreement.STRONG) {
                        agreeing = t;
                        agreeingCount++;
                    } else if (sameBirthDate(t) && name == NameAgreement.KEY_EQUAL) {
                        diacriticsDiffer = t;
                    }
                }
                if (agreeingCount == 0 && diacriticsDiffer >= 0) {
                    // "Lê Văn Tú" is not "Lê Văn Tư": written with diacritics, different ones are a different
                    // name (a twin's card on the account, say), so the card number alone does not decide.
                    note("the old ID card number names " + people[diacriticsDiffer].personalId.masked()
                            + ", born the same day, whose name differs from the account's only in diacritics;"
                            + " diacritics that differ do not count as an agreeing name");
                }
                if (agreeingCount > 1) {
                    note("the old ID card number names " + agreeingCount
                            + " register people who all share the account's name and birth date");
                    return review(ReviewReason.COMPETING_IDENTITIES, DecisionRule.COMPETING_IDENTITIES_GUARD, -1, oldIdTargets);
                }
                int probe = agreeingCount == 1 ? agreeing : oldIdTargets[0];
                int other = contradicting(probe, true);
                if (other >= 0) {
                    note("the account's old ID card number names " + people[probe].personalId.masked()
                            + ", but " + people[other].personalId.masked()
                            + " has the account's name and birth date; the number may be mistyped or reissued");
                    return review(ReviewReason.CONTRADICTING_ID_NUMBER, DecisionRule.CONTRADICTING_ID_NUMBER_GUARD,
                            -1, probe, other);
                }
                if (agreeingCount == 1 && genderAgrees(agreeing)) {
                    return link(Outcome.AUTO_REGISTER, DecisionRule.OLD_ID_THROUGH_REGISTER, -1, agreeing);
                }
            }

            // Probabilistic: the Fellegi-Sunter score against the thresholds.
            if (count == 0) {
                return unlinkableWithoutMatch(null);
            }
            int[] order = order();
            int best = order[0];
            double bestScore = scores[best];
            if (bestScore >= thresholds.upper()) {
                if (order.length > 1) {
                    int second = order[1];
                    if (scores[second] >= thresholds.lower() && bestScore - scores[second] < thresholds.competingMargin()) {
                        note(people[best].personalId.masked() + " and " + people[second].personalId.masked()
                                + " score within " + signed(bestScore - scores[second]) + " bits of each other, less than the "
                                + "competing margin " + signed(thresholds.competingMargin()));
                        return review(ReviewReason.COMPETING_IDENTITIES, DecisionRule.COMPETING_IDENTITIES_GUARD,
                                personalIdTarget, best, second);
                    }
                }
                int named = personalIdTarget >= 0 ? personalIdTarget : oldIdTargets.length > 0 && !contains(oldIdTargets, best)
                        ? oldIdTargets[0] : -1;
                if (named >= 0 && named != best) {
                    note("the best-scoring person " + people[best].personalId.masked() + " is not "
                            + people[named].personalId.masked() + ", whom the account's id number names");
                    return review(ReviewReason.CONTRADICTING_ID_NUMBER, DecisionRule.CONTRADICTING_ID_NUMBER_GUARD,
                            personalIdTarget, best, named);
                }
                String veto = vetoingLevels(best);
                if (veto != null) {
                    note("automatic scored links are never made when the " + veto);
                    return review(ReviewReason.AUTO_LINK_VETOED, DecisionRule.AUTO_LINK_VETO, personalIdTarget, best);
                }
                String ambiguity = foldedNameAmbiguity(best);
                if (ambiguity != null) {
                    note(ambiguity);
                    return review(ReviewReason.FOLDED_NAME_AMBIGUOUS, DecisionRule.FOLDED_NAME_GUARD, personalIdTarget, best);
                }
                return link(Outcome.AUTO_SCORED, DecisionRule.SCORE_THRESHOLDS, personalIdTarget, best);
            }
            if (bestScore >= thresholds.lower()) {
                int reviewable = 0;
                while (reviewable < order.length && scores[order[reviewable]] >= thresholds.lower()) {
                    reviewable++;
                }
                return review(ReviewReason.BETWEEN_THRESHOLDS, DecisionRule.SCORE_THRESHOLDS, personalIdTarget,
                        Arrays.copyOf(order, reviewable));
            }
            return unlinkableWithoutMatch(bestScore);
        }

        private Decision unlinkableWithoutMatch(Double bestScore) {
            if (account.passportNumber != null) {
                return unlinkable(UnlinkableReason.FOREIGN_PASSPORT,
                        count == 0 ? DecisionRule.NO_CANDIDATES : DecisionRule.SCORE_THRESHOLDS, null);
            }
            if (account.email != null) {
                Optional<String> pattern = model.testEmailPattern(account.email);
                if (pattern.isPresent()) {
                    return unlinkable(UnlinkableReason.TEST_ACCOUNT,
                            count == 0 ? DecisionRule.NO_CANDIDATES : DecisionRule.SCORE_THRESHOLDS,
                            "the e-mail address matches the test-account pattern '" + pattern.get() + "'");
                }
            }
            if (count == 0) {
                return unlinkable(UnlinkableReason.NOT_IN_REGISTER, DecisionRule.NO_CANDIDATES, null);
            }
            return finish(Outcome.NO_MATCH, DecisionRule.SCORE_THRESHOLDS, null, null, null, bestScore, -1, new int[0]);
        }

        /**
         * A candidate other than {@code target} (and, when {@code skipOldIdTargets}, other than everyone the
         * account's old ID card number names) that has the account's birth date and a strongly agreeing name
         * while {@code target} lacks one of the two; -1 when there is none.
         */
        private int contradicting(int target, boolean skipOldIdTargets) {
            if (account.birthDate == null || account.name == null) {
                return -1;
            }
            if (sameBirthDate(target) && nameAgreement(people[target]) == NameAgreement.STRONG) {
                return -1;
            }
            for (int i = 0; i < count; i++) {
                if (i == target) {
                    continue;
                }
                if (skipOldIdTargets && account.oldIdNumber != null && account.oldIdNumber.equals(people[i].oldIdNumber)) {
                    continue;
                }
                if (sameBirthDate(i) && nameAgreement(people[i]) == NameAgreement.STRONG) {
                    return i;
                }
            }
            return -1;
        }

        private int[] oldIdTargets() {
            if (account.oldIdNumber == null) {
                return new int[0];
            }
            int n = 0;
            for (int i = 0; i < count; i++) {
                if (account.oldIdNumber.equals(people[i].oldIdNumber)) {
                    n++;
                }
            }
            int[] targets = new int[n];
            n = 0;
            for (int i = 0; i < count; i++) {
                if (account.oldIdNumber.equals(people[i].oldIdNumber)) {
                    targets[n++] = i;
                }
            }
            return targets;
        }

        private boolean sameBirthDate(int i) {
            return account.birthDate != null && account.birthDate.equals(people[i].birthDate);
        }

        private boolean genderAgrees(int i) {
            return account.gender == null || people[i].gender == null || account.gender == people[i].gender;
        }

        private NameAgreement nameAgreement(PersonRecord person) {
            MatchName a = account.name;
            if (a == null) {
                return NameAgreement.UNKNOWN;
            }
            MatchName b = person.name;
            if (a.key().equals(b.key())) {
                return a.display().equals(b.display()) || a.withoutDiacritics() || b.withoutDiacritics()
                        ? NameAgreement.STRONG : NameAgreement.KEY_EQUAL;
            }
            String ak = a.key();
            String bk = b.key();
            boolean givenClose = StringMetrics.withinOneEdit(ak, a.givenStartInKey(), ak.length(),
                    bk, b.givenStartInKey(), bk.length());
            boolean middleNameDropped = (!a.hasMiddleName() || !b.hasMiddleName())
                    && StringMetrics.regionEquals(ak, 0, a.familyEndInKey(), bk, 0, b.familyEndInKey());
            boolean familyClose = a.singleWord() || b.singleWord() || middleNameDropped
                    || StringMetrics.jaroWinkler(ak, 0, a.familyMiddleEndInKey(), bk, 0, b.familyMiddleEndInKey())
                    >= SIMILAR_FAMILY_NAME;
            return givenClose && familyClose ? NameAgreement.SIMILAR : NameAgreement.NONE;
        }

        /**
         * Why the folded-name guard keeps {@code candidate} from an automatic scored link, or null when it does
         * not. A name without any diacritics ("Nguyen Thi Thuy") can only be compared folded, and then it fits
         * Nguyễn Thị Thủy and her twin Nguyễn Thị Thúy alike: twins share family and middle names, birth date
         * and often the phone, so when the register spells the folded given name in several ways, only an id
         * number (a separating level) can tell the account's owner from a look-alike who may be absent from
         * the register. Names written with diacritics that differ never get here: that level is vetoed.
         */
        private String foldedNameAmbiguity(int candidate) {
            MatchName a = account.name;
            MatchName b = people[candidate].name;
            if (a == null || !(a.withoutDiacritics() || b.withoutDiacritics())) {
                return null;
            }
            String ak = a.key();
            String bk = b.key();
            if (!StringMetrics.regionEquals(ak, a.givenStartInKey(), ak.length(), bk, b.givenStartInKey(), bk.length())) {
                return null;
            }
            int k = comparisons.length;
            for (int c = 0; c < k; c++) {
                if (model.separatesLookAlikesAt(c, levels[candidate * k + c])) {
                    return null;
                }
            }
            GivenNameSpellings spellings = index.spellingsOf(bk.substring(b.givenStartInKey()));
            String spelling = b.display().substring(b.givenStartInDisplay());
            // The look-alike who owns the account has the account's gender (the other gender would have reached
            // the vetoed gender DISAGREE level), so only spellings of that gender leave the name open.
            Gender gender = account.gender;
            double otherShare = spellings == null ? 0.0 : spellings.otherSpellingShare(spelling, gender);
            double bar = model.foldedNameMinOtherSpellingShare();
            if (otherShare < bar) {
                return null;
            }
            return (a.withoutDiacritics() ? "the account's name is written without diacritics" : "the register's name is "
                    + "written without diacritics") + ", so the given name '" + a.display().substring(a.givenStartInDisplay())
                    + "' agrees with " + people[candidate].personalId.masked() + "'s '" + spelling + "' only once folded; "
                    + (spellings == null ? "" : (gender == null ? "" : "among " + (gender == Gender.MALE ? "men" : "women")
                    + " ") + "the register spells '" + spellings.folded() + "' as " + spellings.describe(4, gender) + ", ")
                    + String.format(Locale.ROOT, "%.1f%%", otherShare * 100) + " of them otherwise (the model's bar is "
                    + String.format(Locale.ROOT, "%.1f%%", bar * 100) + "), and no id number agrees: a twin or namesake "
                    + "written otherwise would look the same, so a person must decide";
        }

        private String vetoingLevels(int candidate) {
            int k = comparisons.length;
            StringBuilder found = null;
            for (int c = 0; c < k; c++) {
                int level = levels[candidate * k + c];
                if (model.vetoAt(c, level)) {
                    found = found == null ? new StringBuilder() : found.append(" and the ");
                    found.append(comparisons[c].field().description()).append(" is at level ")
                            .append(comparisons[c].levelAt(level).name());
                }
            }
            return found == null ? null : found.toString();
        }

        /** Candidate indexes by descending score; ties keep blocking order, so decisions are reproducible. */
        private int[] order() {
            int[] order = new int[count];
            for (int i = 0; i < count; i++) {
                int j = i;
                while (j > 0 && scores[order[j - 1]] < scores[i]) {
                    order[j] = order[j - 1];
                    j--;
                }
                order[j] = i;
            }
            return order;
        }

        private Decision link(Outcome outcome, DecisionRule rule, int personalIdTarget, int linked) {
            return finish(outcome, rule, people[linked].personalId, null, null, scores[linked], personalIdTarget,
                    new int[] {linked});
        }

        private Decision review(ReviewReason reason, DecisionRule rule, int personalIdTarget, int... chosen) {
            double best = Double.NEGATIVE_INFINITY;
            for (int i : chosen) {
                best = Math.max(best, scores[i]);
            }
            return finish(Outcome.REVIEW, rule, null, reason, null, best, personalIdTarget, chosen);
        }

        Decision unlinkable(UnlinkableReason reason, DecisionRule rule, String note) {
            if (note != null) {
                note(note);
            }
            Double best = null;
            if (scores != null) {
                for (double s : scores) {
                    best = best == null ? s : Math.max(best, s);
                }
            }
            return finish(Outcome.UNLINKABLE, rule, null, null, reason, best, -1, new int[0]);
        }

        /**
         * Builds the evidence: the {@code chosen} candidates first (the linked one, or the ones a reviewer must
         * compare), then the best of the rest up to the model's maximum.
         */
        private Decision finish(Outcome outcome, DecisionRule rule, PersonalId linked, ReviewReason reviewReason,
                                UnlinkableReason unlinkableReason, Double score, int personalIdTarget, int[] chosen) {
            List<CandidateEvidence> shown = new ArrayList<>();
            boolean[] taken = new boolean[count];
            for (int i : chosen) {
                if (i >= 0 && !taken[i]) {
                    taken[i] = true;
                    shown.add(evidenceFor(i, personalIdTarget));
                }
            }
            List<PersonalId> reviewCandidates = new ArrayList<>();
            if (outcome == Outcome.REVIEW) {
                shown.sort((x, y) -> Double.compare(y.score(), x.score()));
                for (CandidateEvidence candidate : shown) {
                    reviewCandidates.add(candidate.personalId());
                }
            }
            if (count > 0 && scores != null) {
                int[] order = order();
                for (int i = 0; i < order.length && shown.size() < Math.max(model.maxEvidenceCandidates(), chosen.length); i++) {
                    if (!taken[order[i]]) {
                        taken[order[i]] = true;
                        shown.add(evidenceFor(order[i], personalIdTarget));
                    }
                }
            }
            Evidence evidence = new Evidence(modelName, account.reference, outcome, rule, linked, reviewReason,
                    unlinkableReason, score, thresholds, model.priorWeight(), shown,
                    notes == null ? List.of() : notes);
            return new Decision(evidence, reviewCandidates);
        }

        private CandidateEvidence evidenceFor(int i, int personalIdTarget) {
            int k = comparisons.length;
            List<ComparisonResult> results = new ArrayList<>(k);
            for (int c = 0; c < k; c++) {
                int level = levels[i * k + c];
                Comparison comparison = comparisons[c];
                results.add(new ComparisonResult(comparison.field(), comparison.levelAt(level), comparison.weightAt(level),
                        comparison.mAt(level), comparison.uAt(level), model.vetoAt(c, level)));
            }
            List<BlockingRule> by = new ArrayList<>(2);
            for (BlockingRule rule : rules) {
                if ((foundBy[i] & (1 << rule.ordinal())) != 0) {
                    by.add(rule);
                }
            }
            boolean target = i == personalIdTarget
                    || account.oldIdNumber != null && account.oldIdNumber.equals(people[i].oldIdNumber);
            return new CandidateEvidence(people[i].personalId, by, target, scores[i], Thresholds.probability(scores[i]), results);
        }

        private void note(String text) {
            if (notes == null) {
                notes = new ArrayList<>(2);
            }
            notes.add(text);
        }
    }

    private static boolean contains(int[] values, int value) {
        for (int v : values) {
            if (v == value) {
                return true;
            }
        }
        return false;
    }

    private static String signed(double value) {
        return String.format(Locale.ROOT, "%+.2f", value);
    }
}
