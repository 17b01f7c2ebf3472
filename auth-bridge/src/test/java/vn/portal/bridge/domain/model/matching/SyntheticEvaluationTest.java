package vn.portal.bridge.domain.model.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.logging.Logger;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import vn.portal.bridge.domain.model.matching.bench.LinkageTally;
import vn.portal.bridge.domain.model.matching.bench.SyntheticPopulation;

/**
 * Precision first, measured: a seeded synthetic register of 20,000 people (twins and namesakes included)
 * and 19,000 accounts with realistic variations, plus accounts of absent people, foreigners and test
 * accounts. Not one automatic link may be wrong; recall must stay at the documented level.
 */
class SyntheticEvaluationTest {

    private static final Logger LOG = Logger.getLogger(SyntheticEvaluationTest.class.getName());

    private static Matcher matcher;
    private static List<SyntheticPopulation.Account> accounts;
    private static List<SyntheticPopulation.Person> twins;

    @BeforeAll
    static void generate() {
        SyntheticPopulation population = new SyntheticPopulation(84_2024L);
        List<SyntheticPopulation.Person> people = population.people(20_000);
        List<PersonRecord> records = new ArrayList<>(people.size());
        for (SyntheticPopulation.Person person : people) {
            records.add(person.toRecord());
        }
        matcher = new Matcher(RegisterIndex.of(records), MatchingModel.loadDefault());
        Random pick = new Random(7);
        accounts = new ArrayList<>();
        for (SyntheticPopulation.Person person : people) {
            if (pick.nextDouble() < 0.9) {
                accounts.add(population.accountFor(person));
            }
        }
        for (int i = 0; i < 600; i++) {
            accounts.add(population.absentPersonAccount());
        }
        for (int i = 0; i < 100; i++) {
            accounts.add(population.foreignerAccount());
            accounts.add(population.testAccount());
        }
        twins = new ArrayList<>();
        for (int i = 1; i < people.size(); i++) {
            SyntheticPopulation.Person a = people.get(i - 1);
            SyntheticPopulation.Person b = people.get(i);
            if (a.family() == b.family() && a.birthDate().equals(b.birthDate())) {
                twins.add(a);
                twins.add(b);
            }
        }
    }

    @Test
    void noAutomaticLinkIsWrongAndRecallHoldsItsDocumentedLevel() {
        LinkageTally tally = new LinkageTally();
        for (SyntheticPopulation.Account account : accounts) {
            tally.record(matcher.decide(account.toRecord()), account.truePersonalId());
        }
        LOG.info(() -> "synthetic evaluation:\n" + tally.render());

        assertThat(tally.wrongAutomatic()).as(tally.render()).isZero();
        assertThat(tally.automaticRecall()).as(tally.render()).isGreaterThan(0.74);
        assertThat(tally.recallAfterReview()).as(tally.render()).isGreaterThan(0.95);
    }

    @Test
    void twinsAreNeverLinkedToEachOther() {
        assertThat(twins).hasSizeGreaterThan(100);
        SyntheticPopulation population = new SyntheticPopulation(5L);
        int linked = 0;
        for (SyntheticPopulation.Person twin : twins) {
            for (int variant = 0; variant < 3; variant++) {
                Decision decision = matcher.decide(population.accountFor(twin).toRecord());
                if (decision.outcome().isAutomaticLink()) {
                    assertThat(decision.linkedPersonalId().orElseThrow().value()).isEqualTo(twin.personalId());
                    linked++;
                }
            }
        }
        assertThat(linked).isPositive();
    }

    @Test
    void accountsOfAbsentPeopleForeignersAndTestersAreNeverLinked() {
        SyntheticPopulation population = new SyntheticPopulation(11L);
        for (int i = 0; i < 500; i++) {
            assertThat(matcher.decide(population.absentPersonAccount().toRecord()).outcome().isAutomaticLink()).isFalse();
            Decision foreigner = matcher.decide(population.foreignerAccount().toRecord());
            assertThat(foreigner.outcome()).isEqualTo(Outcome.UNLINKABLE);
            assertThat(foreigner.unlinkableReason()).contains(UnlinkableReason.FOREIGN_PASSPORT);
            assertThat(matcher.decide(population.testAccount().toRecord()).unlinkableReason())
                    .contains(UnlinkableReason.TEST_ACCOUNT);
        }
    }

    @Test
    void decisionsAreTheSameWhenMadeFromManyThreadsAtOnce() {
        List<AccountRecord> records = accounts.stream().limit(6000).map(SyntheticPopulation.Account::toRecord).toList();
        List<String> sequential = records.stream().map(r -> matcher.decide(r).evidence().toJson()).toList();
        List<String> parallel = records.parallelStream().map(r -> matcher.decide(r).evidence().toJson()).toList();

        assertThat(parallel).isEqualTo(sequential);
    }
}
