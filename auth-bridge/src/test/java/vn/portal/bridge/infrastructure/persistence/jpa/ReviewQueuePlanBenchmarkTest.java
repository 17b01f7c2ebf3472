package vn.portal.bridge.infrastructure.persistence.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import vn.portal.bridge.domain.model.legacy.LegacyAccount;
import vn.portal.bridge.domain.model.link.ReviewCause;
import vn.portal.bridge.domain.model.link.ReviewItem;
import vn.portal.bridge.domain.model.link.ReviewQueueFilter;
import vn.portal.bridge.domain.model.link.ReviewItemRepository;

/**
 * Fills an in-memory H2 (Oracle mode, every migration) with N open review items over two agencies and the five
 * causes, then prints H2's plan (EXPLAIN) and the wall-clock time of the review queue's queries: the first, a middle
 * and the last page of the whole queue, of one cause, of one agency and of both, and the per-cause and per-agency
 * counts. Opt-in because it is a measurement, not a check:
 * {@code mvn -pl auth-bridge test -Dtest=ReviewQueuePlanBenchmarkTest -Dbridge.review.rows=100000}.
 * It asserts only that the pages hold what the counts promise.
 */
@EnabledIfSystemProperty(named = "bridge.review.rows", matches = "\\d+")
class ReviewQueuePlanBenchmarkTest {

    private static final int BATCH = 2000;
    private static final int PAGE = 25;

    private LinkingDatabase db;

    @Test
    void printsPlansAndTimesOfTheQueueQueries() throws SQLException {
        int rows = Integer.parseInt(System.getProperty("bridge.review.rows"));
        try (LinkingDatabase opened = new LinkingDatabase()) {
            db = opened;
            ReviewItemRepository reviews = db.services.reviewItems();
            long started = System.nanoTime();
            for (int from = 0; from < rows; from += BATCH) {
                List<LegacyAccount> batch = new ArrayList<>();
                for (int n = from; n < Math.min(rows, from + BATCH); n++) {
                    // Four accounts in five at Hà Nội: the smaller agency is the harder filter for an index walk.
                    batch.add(People.account(n % 5 == 0 ? "UBND-HCM" : "UBND-HN", n));
                }
                db.services.legacyAccounts().upsert(batch);
            }
            List<Long> accountIds = new ArrayList<>();
            try (Connection connection = db.database.dataSource().getConnection();
                    PreparedStatement select = connection.prepareStatement("SELECT id FROM legacy_account ORDER BY id");
                    ResultSet ids = select.executeQuery()) {
                while (ids.next()) {
                    accountIds.add(ids.getLong(1));
                }
            }
            ReviewCause[] causes = {ReviewCause.SCORE_BETWEEN_THRESHOLDS, ReviewCause.COMPETING_IDENTITIES,
                    ReviewCause.CONTRADICTING_ID_NUMBER, ReviewCause.AUTO_LINK_VETOED};
            for (int from = 0; from < rows; from += BATCH) {
                List<ReviewItem> batch = new ArrayList<>();
                for (int n = from; n < Math.min(rows, from + BATCH); n++) {
                    // Opening times out of account order, with ties, as several engine runs leave them.
                    Instant at = LinkingDatabase.NOW.minusSeconds((n * 7919L) % (rows / 3 + 1));
                    batch.add(new ReviewItem(accountIds.get(n), causes[n % causes.length], "{\"candidates\":[]}", null, null,
                            "linking-engine", at));
                }
                reviews.openAll(batch);
            }
            db.execute("ANALYZE");
            System.out.printf("seeded %d accounts and open review items in %d ms%n", rows, (System.nanoTime() - started) / 1_000_000);

            for (ReviewQueueFilter filter : List.of(ReviewQueueFilter.everything(),
                    ReviewQueueFilter.of(null, ReviewCause.COMPETING_IDENTITIES), ReviewQueueFilter.of("UBND-HCM", null),
                    ReviewQueueFilter.of("UBND-HCM", ReviewCause.COMPETING_IDENTITIES))) {
                long count = time("count " + filter, () -> reviews.countMatching(filter));
                int last = (int) Math.max(0, (count - 1) / PAGE);
                for (int page : new int[] {0, last / 2, last}) {
                    List<ReviewItem> items = time("page " + (page + 1) + " of " + (last + 1) + " " + filter,
                            () -> reviews.findMatching(filter, page * PAGE, PAGE));
                    assertThat(items).hasSize((int) Math.min(PAGE, count - (long) page * PAGE));
                }
                List<Object> parameters = new ArrayList<>();
                String sql = JpaReviewItemRepository.openPageSql(filter, parameters);
                parameters.add(last * PAGE);
                parameters.add(PAGE);
                System.out.println("EXPLAIN " + sql + "\n" + explain(db, sql, parameters));
            }
            time("counts by cause", () -> reviews.countOpenByCause(ReviewQueueFilter.everything()));
            time("counts by cause in UBND-HCM", () -> reviews.countOpenByCause(ReviewQueueFilter.of("UBND-HCM", null)));
            time("counts by agency", () -> reviews.countOpenByAgency(ReviewQueueFilter.everything()));
            time("counts by agency of COMPETING_IDENTITIES", () -> reviews.countOpenByAgency(ReviewQueueFilter.of(null,
                    ReviewCause.COMPETING_IDENTITIES)));
            System.out.println("EXPLAIN counts by agency\n" + explain(db, "SELECT a.agency_code, COUNT(*) FROM review_item r JOIN legacy_account a"
                    + " ON a.id = r.legacy_account_id WHERE r.status = ?1 GROUP BY a.agency_code", List.of("OPEN")));
        }
    }

    /**
     * Times the second run: the first warms the JIT. H2 hands out a remembered result again while no table of the
     * query changed, so a no-op update of review_item in between makes the second run really execute.
     */
    private <T> T time(String what, java.util.function.Supplier<T> query) {
        query.get();
        try {
            db.execute("UPDATE review_item SET version = version WHERE id = (SELECT MIN(id) FROM review_item)");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        long started = System.nanoTime();
        T result = query.get();
        System.out.printf("%-90s %7.1f ms%n", what, (System.nanoTime() - started) / 1e6);
        return result;
    }

    private static String explain(LinkingDatabase db, String sql, List<Object> parameters) throws SQLException {
        String jdbc = sql.replaceAll("\\?\\d+", "?");
        try (Connection connection = db.database.dataSource().getConnection();
                PreparedStatement explain = connection.prepareStatement("EXPLAIN " + jdbc)) {
            for (int i = 0; i < parameters.size(); i++) {
                explain.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet plan = explain.executeQuery()) {
                plan.next();
                return plan.getString(1);
            }
        }
    }
}
