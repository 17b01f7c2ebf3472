package vn.portal.bridge.application.selflink;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import vn.portal.bridge.application.TestClock;
import vn.portal.bridge.application.review.ReviewDesk;
import vn.portal.bridge.domain.model.identity.Gender;
import vn.portal.bridge.domain.model.identity.OldIdNumber;
import vn.portal.bridge.domain.model.identity.PersonalId;
import vn.portal.bridge.domain.model.identity.PhoneNumber;
import vn.portal.bridge.domain.model.legacy.AccountStatus;
import vn.portal.bridge.domain.model.legacy.LegacyAccount;
import vn.portal.bridge.domain.model.name.VietnameseName;
import vn.portal.bridge.domain.model.population.PopulationRecord;
import vn.portal.bridge.infrastructure.persistence.BridgeServices;
import vn.portal.bridge.infrastructure.persistence.DatabaseSettings;
import vn.portal.bridge.infrastructure.persistence.PortalDatabase;
import vn.portal.bridge.infrastructure.persistence.selflink.JdbcClaimAttemptRepository;

/**
 * A fresh in-memory H2 database (Oracle mode, all migrations, demo agencies) with two register people, their
 * legacy accounts, and the self-linking service wired on the real repositories and linking engine.
 */
final class SelfLinkingDatabase implements AutoCloseable {

    static final PersonalId AN = PersonalId.parse("001085012345");
    static final PersonalId NGOC = PersonalId.parse("079301001234");
    static final String AN_PASSWORD = "Mật khẩu cũ 2019";

    final TestClock clock = new TestClock(Instant.parse("2024-05-20T03:00:00Z"));
    final DatabaseSettings settings = DatabaseSettings.inMemory("selflink-" + UUID.randomUUID());
    final PortalDatabase database = PortalDatabase.open(settings, true);
    final BridgeServices services = new BridgeServices(database.entityManagerFactory(), clock);
    final CitizenSelfLinking selfLinking = selfLinking(database);
    final ReviewDesk reviewDesk = new ReviewDesk(services.reviewItems(), services.identityLinks(), services.legacyAccounts(),
            services.auditLog(), clock);

    SelfLinkingDatabase() {
        services.populationRecords().upsert(List.of(
                new PopulationRecord(AN, OldIdNumber.parse("012345678"), VietnameseName.of("Nguyễn Văn An"),
                        LocalDate.of(1985, 3, 12), Gender.MALE, PhoneNumber.parse("0912345678")),
                new PopulationRecord(NGOC, null, VietnameseName.of("Trần Thị Bích Ngọc"), LocalDate.of(2001, 11, 5), Gender.FEMALE,
                        PhoneNumber.parse("0987654321"))));
    }

    /** The service on another EntityManagerFactory of the same database: a second portal node. */
    CitizenSelfLinking selfLinking(PortalDatabase node) {
        BridgeServices on = node == database ? services : new BridgeServices(node.entityManagerFactory(), clock);
        return new CitizenSelfLinking(on.legacyAccounts(), on.identityLinks(), on.reviewItems(), on.serviceCatalog(),
                on.linkingEngine(), new JdbcClaimAttemptRepository(node.entityManagerFactory()), on.auditLog(), clock);
    }

    PortalDatabase openSecondNode() {
        return PortalDatabase.open(settings, true);
    }

    /** Stores an account and returns its database id. */
    long account(LegacyAccount account) {
        services.legacyAccounts().upsert(List.of(account));
        return services.legacyAccounts().findByKey(account.agencyCode(), account.accountId()).orElseThrow().id().orElseThrow();
    }

    static LegacyAccount.Builder accountOf(String agency, String accountId, String name, LocalDate birthDate, Gender gender) {
        return LegacyAccount.builder(agency, accountId).username(accountId.toLowerCase()).fullName(name).birthDate(birthDate)
                .gender(gender).status(AccountStatus.ACTIVE).createdAt(Instant.parse("2016-04-01T02:00:00Z"))
                .source("accounts-" + agency + ".csv", 2);
    }

    @Override
    public void close() {
        database.close();
    }
}
