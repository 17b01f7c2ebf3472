package vn.portal.bridge.application.linking;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import vn.portal.bridge.domain.model.identity.Gender;
import vn.portal.bridge.domain.model.identity.OldIdNumber;
import vn.portal.bridge.domain.model.identity.PersonalId;
import vn.portal.bridge.domain.model.identity.PhoneNumber;
import vn.portal.bridge.domain.model.legacy.AccountStatus;
import vn.portal.bridge.domain.model.legacy.LegacyAccount;
import vn.portal.bridge.domain.model.matching.MatchingModel;
import vn.portal.bridge.domain.model.name.VietnameseName;
import vn.portal.bridge.domain.model.population.PopulationRecord;
import vn.portal.bridge.infrastructure.persistence.BridgeServices;
import vn.portal.bridge.infrastructure.persistence.DatabaseSettings;
import vn.portal.bridge.infrastructure.persistence.PortalDatabase;
import vn.portal.bridge.infrastructure.persistence.jpa.JpaAgencyRepository;
import vn.portal.bridge.infrastructure.persistence.jpa.JpaCitizenIdentityRepository;

/**
 * A fresh in-memory H2 database (Oracle mode, schema V1 + V2, demo agencies BHXH, BTP, BCA, UBND-HN, UBND-HCM)
 * holding a small register of real-looking Vietnamese people: twins, namesakes, old ID cards.
 */
public final class LinkingFixture implements AutoCloseable {

    static final Instant NOW = Instant.parse("2024-05-20T03:00:00Z");

    static final String AN = "001090012345";
    static final String HOA = "001195001111";
    static final String HONG = "001195001112";
    static final String TU = "079088123450";
    static final String TU_HORN = "079088123451";
    static final String HUNG_HANOI = "001090555001";
    static final String HUNG_HAIPHONG = "031090555002";
    static final String LAN_NAMDINH = "036185000101";
    static final String LAN_THANHHOA = "038185000202";
    static final String HUONG = "040192345678";
    static final String BAO = "048201000777";
    static final String THUY = "092179000333";

    final DatabaseSettings settings = DatabaseSettings.inMemory("linking-engine-" + UUID.randomUUID());
    final PortalDatabase database = PortalDatabase.open(settings, true);
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    public final BridgeServices services = new BridgeServices(database.entityManagerFactory(), clock);
    private final List<PortalDatabase> otherNodes = new ArrayList<>();
    private int nextLine = 2;

    public void loadRegister() {
        services.populationRecords().upsert(List.of(
                person(AN, "Nguyễn Văn An", "1990-03-15", Gender.MALE, "0912345678", "012345678"),
                person(HOA, "Trần Thị Hoa", "1995-07-08", Gender.FEMALE, "0987654321", null),
                person(HONG, "Trần Thị Hồng", "1995-07-08", Gender.FEMALE, "0987654321", null),
                person(TU, "Lê Văn Tú", "1988-02-10", Gender.MALE, "0905111222", "025111222"),
                person(TU_HORN, "Lê Văn Tư", "1988-02-10", Gender.MALE, "0905111333", "025111223"),
                person(HUNG_HANOI, "Nguyễn Văn Hùng", "1990-05-12", Gender.MALE, "0903111222", null),
                person(HUNG_HAIPHONG, "Nguyễn Văn Hùng", "1990-11-20", Gender.MALE, null, "031222333"),
                person(LAN_NAMDINH, "Phạm Thị Lan", "1985-04-04", Gender.FEMALE, "0945000101", null),
                person(LAN_THANHHOA, "Phạm Thị Lan", "1985-04-04", Gender.FEMALE, "0945000202", null),
                person(HUONG, "Phạm Thị Thu Hương", "1992-11-05", Gender.FEMALE, "0366123456", null),
                person(BAO, "Đặng Quốc Bảo", "2001-01-09", Gender.MALE, "0339998877", null),
                person(THUY, "Huỳnh Thị Thúy", "1979-12-03", Gender.FEMALE, "0939000333", "361000333")));
    }

    static PopulationRecord person(String pid, String name, String birth, Gender gender, String phone, String oldId) {
        return new PopulationRecord(PersonalId.parse(pid), oldId == null ? null : OldIdNumber.parse(oldId), VietnameseName.of(name),
                LocalDate.parse(birth), gender, phone == null ? null : PhoneNumber.parse(phone));
    }

    /** An account as an agency's CSV row would give it; null fields stay empty. */
    LegacyAccount.Builder account(String agency, String accountId, String name, String birth, Gender gender, String idNumber,
            String phone) {
        return LegacyAccount.builder(agency, accountId)
                .username(accountId.toLowerCase(java.util.Locale.ROOT))
                .fullName(name)
                .birthDate(birth == null ? null : LocalDate.parse(birth))
                .gender(gender)
                .idNumber(idNumber)
                .phone(phone)
                .passwordHash("{md5}5f4dcc3b5aa765d61d8327deb882cf99")
                .createdAt(Instant.parse("2016-03-01T02:00:00Z"))
                .lastLoginAt(Instant.parse("2024-01-15T08:30:00Z"))
                .status(AccountStatus.ACTIVE)
                .source("accounts-" + agency + ".csv", nextLine++);
    }

    /** Stores the accounts and returns their database ids, in the given order. */
    public List<Long> store(LegacyAccount... accounts) {
        services.legacyAccounts().upsert(List.of(accounts));
        List<Long> ids = new ArrayList<>();
        for (LegacyAccount account : accounts) {
            ids.add(services.legacyAccounts().findByKey(account.agencyCode(), account.accountId()).orElseThrow().id().orElseThrow());
        }
        return ids;
    }

    /** An engine on the same database with another matching model (e.g. other thresholds). */
    LinkingEngine engineWith(MatchingModel model) {
        return new LinkingEngine(new JpaAgencyRepository(database.entityManagerFactory()), services.legacyAccounts(),
                services.populationRecords(), services.populationRegister(),
                new JpaCitizenIdentityRepository(database.entityManagerFactory()), services.identityLinks(), services.reviewItems(),
                services.auditLog(), model, clock);
    }

    /** Services on another EntityManagerFactory and pool over the same database: a second JVM, as far as the database sees. */
    BridgeServices secondNode() {
        PortalDatabase node = PortalDatabase.open(settings, false);
        otherNodes.add(node);
        return new BridgeServices(node.entityManagerFactory(), clock);
    }

    public long queryLong(String sql, Object... parameters) throws SQLException {
        String value = queryString(sql, parameters);
        return value == null ? 0 : Long.parseLong(value);
    }

    public String queryString(String sql, Object... parameters) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    @Override
    public void close() {
        otherNodes.forEach(PortalDatabase::close);
        database.close();
    }
}
