package vn.portal.e2e;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import vn.portal.bridge.domain.model.identity.Gender;
import vn.portal.bridge.domain.model.identity.PersonalId;
import vn.portal.bridge.domain.model.legacy.AccountStatus;
import vn.portal.bridge.domain.model.legacy.LegacyAccount;
import vn.portal.bridge.domain.model.link.ReviewCause;
import vn.portal.bridge.domain.model.link.ReviewItem;
import vn.portal.bridge.domain.model.link.ReviewItemRepository;
import vn.portal.bridge.domain.model.link.ReviewStatus;
import vn.portal.bridge.domain.model.name.VietnameseName;
import vn.portal.bridge.domain.model.population.PopulationRecord;
import vn.portal.bridge.infrastructure.persistence.BridgeServices;
import vn.portal.bridge.infrastructure.persistence.DatabaseSettings;
import vn.portal.bridge.infrastructure.persistence.PortalDatabase;

/**
 * Open review items for the administrator's journeys, written into the running portal's H2 file by auth-bridge's own
 * repositories: legacy accounts of two agencies, two people of the population register who compete for each account,
 * and one OPEN item per account, opened a minute apart so the queue's order (oldest first) is known. The people are
 * not sandbox citizens, so no citizen journey sees these accounts.
 */
final class ReviewQueueSeed implements AutoCloseable {

    /** Hà Nội, male, born 1976; Hà Nội, female, born 1976. */
    static final PersonalId TOAN = PersonalId.parse("001076012301");
    static final PersonalId TRANG = PersonalId.parse("001176004512");

    static final String HANOI = "UBND-HN";
    static final String INSURANCE = "BHXH";

    private static final ReviewCause[] CAUSES = {ReviewCause.COMPETING_IDENTITIES, ReviewCause.SCORE_BETWEEN_THRESHOLDS,
            ReviewCause.CONTRADICTING_ID_NUMBER, ReviewCause.AUTO_LINK_VETOED};
    private static final Instant FIRST_OPENED = Instant.parse("2024-05-02T01:00:00Z");

    /** One seeded OPEN item. */
    record Item(long id, String agency, ReviewCause cause, Instant openedAt) {
    }

    private final PortalDatabase database;
    private final BridgeServices services;

    private ReviewQueueSeed(PortalDatabase database) {
        this.database = database;
        this.services = new BridgeServices(database);
    }

    /** Opens the portal's database; the portal has migrated it already, so Flyway only validates. */
    static ReviewQueueSeed open() {
        return new ReviewQueueSeed(PortalDatabase.open(DatabaseSettings.defaults().withUrl(E2eSettings.databaseUrl()).withPool(1, 2)));
    }

    ReviewItemRepository reviews() {
        return services.reviewItems();
    }

    /**
     * Seeds {@code count} items, oldest first in the returned list. Two in seven belong to BHXH, the rest to UBND-HN,
     * and the causes take turns, so every filter of the journeys has items and the counts differ.
     */
    List<Item> openItems(int count) {
        services.populationRecords().upsert(List.of(
                new PopulationRecord(TOAN, null, VietnameseName.of("Phan Văn Toàn"), LocalDate.of(1976, 3, 14), Gender.MALE, null),
                new PopulationRecord(TRANG, null, VietnameseName.of("Phan Thị Thu Trang"), LocalDate.of(1976, 3, 14), Gender.FEMALE,
                        null)));
        List<Item> items = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            String agency = n % 7 < 2 ? INSURANCE : HANOI;
            ReviewCause cause = CAUSES[n % CAUSES.length];
            LegacyAccount account = LegacyAccount.builder(agency, String.format("REVIEW-%03d", n))
                    .username("phan.toan" + n)
                    .fullName(n % 2 == 0 ? "Phan Văn Toàn" : "PHAN VAN TOAN")
                    .birthDate(LocalDate.of(1976, 3, 14))
                    .status(AccountStatus.ACTIVE)
                    .createdAt(Instant.parse("2017-09-01T02:00:00Z"))
                    .source("accounts-" + agency + ".csv", n + 2)
                    .build();
            services.legacyAccounts().upsert(List.of(account));
            long accountId = services.legacyAccounts().findByKey(agency, account.accountId()).orElseThrow().id().orElseThrow();
            Instant openedAt = FIRST_OPENED.plusSeconds(60L * n);
            ReviewItem item = services.reviewItems().store(new ReviewItem(accountId, cause, evidence(account.accountId(), cause), null,
                    null, "linking-engine", openedAt));
            items.add(new Item(item.id().orElseThrow(), agency, cause, openedAt));
        }
        return items;
    }

    /** Evidence JSON in the matching package's shape: both people scored, neither far enough ahead. */
    private static String evidence(String accountId, ReviewCause cause) {
        return "{\"model\":\"e2e\",\"account\":\"" + accountId + "\",\"outcome\":\"REVIEW\",\"rule\":\"COMPETING_IDENTITIES_GUARD\","
                + "\"linked_personal_id\":null,\"review_reason\":\"" + cause.name() + "\",\"score\":11.2,"
                + "\"thresholds\":{\"upper\":10.0,\"lower\":-2.0,\"competing_margin\":5.0},\"prior_weight\":-19.9,"
                + "\"candidates\":[{\"personal_id\":\"" + TOAN.value() + "\",\"score\":11.2,\"comparisons\":[]},"
                + "{\"personal_id\":\"" + TRANG.value() + "\",\"score\":9.8,\"comparisons\":[]}],\"notes\":[]}";
    }

    ReviewStatus status(long itemId) {
        return services.reviewItems().findById(itemId).orElseThrow().status();
    }

    @Override
    public void close() {
        database.close();
    }

    static long count(List<Item> items, String agencyOrNull, ReviewCause causeOrNull) {
        return items.stream().filter(i -> agencyOrNull == null || i.agency().equals(agencyOrNull))
                .filter(i -> causeOrNull == null || i.cause() == causeOrNull).count();
    }

    static List<Long> ids(List<Item> items) {
        return items.stream().map(Item::id).map(Objects::requireNonNull).toList();
    }
}
