package vn.portal.bridge.application.linking;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import vn.portal.bridge.domain.model.audit.AuditEventType;
import vn.portal.bridge.domain.model.legacy.LegacyAccount;
import vn.portal.bridge.domain.model.population.PopulationRecord;
import vn.portal.bridge.infrastructure.persistence.BridgeServices;

/** Two engines, as two JVMs would run them, on the same agency at the same moment. */
class ConcurrentLinkingTest {

    private static final int PEOPLE = 1_500;

    private final LinkingFixture db = new LinkingFixture();

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void twoEnginesOnTheSameAgencyNeverLinkAnAccountTwice() throws Exception {
        List<PopulationRecord> register = new ArrayList<>();
        List<LegacyAccount> accounts = new ArrayList<>();
        for (int n = 0; n < PEOPLE; n++) {
            register.add(SyntheticPeople.person(n));
            accounts.add(SyntheticPeople.account(db, "BHXH", n));
        }
        db.services.populationRecords().upsert(register);
        for (int from = 0; from < accounts.size(); from += 500) {
            db.services.legacyAccounts().upsert(accounts.subList(from, Math.min(accounts.size(), from + 500)));
        }
        BridgeServices otherJvm = db.secondNode();
        LinkingEngine first = db.services.linkingEngine();
        LinkingEngine second = otherJvm.linkingEngine();
        // Small chunks make the two runs interleave many times over the same accounts.
        LinkingOptions options = LinkingOptions.agency("BHXH").chunkSize(50);
        var firstMatcher = first.loadMatcher();
        var secondMatcher = second.loadMatcher();

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<LinkingSummary> a = threads.submit(() -> {
                start.await();
                return first.run(firstMatcher, options, ProgressListener.NONE);
            });
            Future<LinkingSummary> b = threads.submit(() -> {
                start.await();
                return second.run(secondMatcher, options, ProgressListener.NONE);
            });
            start.countDown();
            LinkingSummary one = a.get(5, TimeUnit.MINUTES);
            LinkingSummary two = b.get(5, TimeUnit.MINUTES);

            long links = db.queryLong("SELECT COUNT(*) FROM identity_link");
            long items = db.queryLong("SELECT COUNT(*) FROM review_item");
            assertThat(one.errors() + two.errors()).isZero();
            assertThat(one.autoLinkedTotal() + two.autoLinkedTotal()).isEqualTo(links);
            assertThat(one.sentToReviewTotal() + two.sentToReviewTotal()).isEqualTo(items);
            assertThat(links).isGreaterThan(PEOPLE * 8L / 10);
            assertThat(db.queryLong("SELECT COUNT(*) FROM (SELECT legacy_account_id FROM identity_link"
                    + " GROUP BY legacy_account_id HAVING COUNT(*) > 1)")).isZero();
            assertThat(db.queryLong("SELECT COUNT(*) FROM (SELECT legacy_account_id FROM review_item"
                    + " GROUP BY legacy_account_id HAVING COUNT(*) > 1)")).isZero();
            assertThat(eventCount(AuditEventType.LINK_CREATED)).isEqualTo(links);
            assertThat(eventCount(AuditEventType.LINK_REVIEW_OPENED)).isEqualTo(items);
            assertThat(db.services.auditLog().verify().isIntact()).isTrue();

            LinkingSummary third = first.run(firstMatcher, options, ProgressListener.NONE);
            assertThat(third.autoLinkedTotal()).isZero();
            assertThat(db.queryLong("SELECT COUNT(*) FROM identity_link")).isEqualTo(links);
        } finally {
            threads.shutdownNow();
        }
    }

    private long eventCount(AuditEventType type) throws SQLException {
        return db.queryLong("SELECT COUNT(*) FROM audit_event WHERE event_type = ?", type.name());
    }
}
