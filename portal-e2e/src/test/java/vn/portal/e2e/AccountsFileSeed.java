package vn.portal.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import vn.portal.bridge.domain.model.encoding.LegacyEncoding;
import vn.portal.bridge.domain.model.encoding.LegacyText;
import vn.portal.bridge.domain.model.identity.Gender;
import vn.portal.bridge.domain.model.identity.OldIdNumber;
import vn.portal.bridge.domain.model.identity.PersonalId;
import vn.portal.bridge.domain.model.legacy.LegacyAccount;
import vn.portal.bridge.domain.model.link.IdentityLink;
import vn.portal.bridge.domain.model.link.LinkMethod;
import vn.portal.bridge.domain.model.link.ReviewItem;
import vn.portal.bridge.domain.model.name.VietnameseName;
import vn.portal.bridge.domain.model.population.PopulationRecord;
import vn.portal.bridge.infrastructure.persistence.BridgeServices;
import vn.portal.bridge.infrastructure.persistence.DatabaseSettings;
import vn.portal.bridge.infrastructure.persistence.PortalDatabase;

/**
 * The data of the administrator's import and linking journey: a Ministry of Justice (BTP) accounts file in TCVN3, as
 * a 1990s system typed with the ABC keyboard would have exported it, and the people of the population register its
 * accounts belong to, written into the running portal's H2 file by auth-bridge's own repositories. Nobody here is a
 * sandbox citizen and no other journey uses BTP, so no citizen's dashboard and no other queue changes.
 */
final class AccountsFileSeed implements AutoCloseable {

    static final String AGENCY = "BTP";
    static final String FILE_NAME = "accounts-BTP-e2e-tcvn3.csv";

    /** Hà Nội, male, born 1982: the account carries his personal ID. */
    static final PersonalId HAI = PersonalId.parse("001082004411");
    /** Nam Định, female, born 1975, with her old 9-digit identity card. */
    static final PersonalId HANG = PersonalId.parse("036175001122");
    static final String HANG_OLD_ID = "162345678";
    /** Two men of the same name born the same day, in Hà Nội and Thái Bình: only a person can tell them apart. */
    static final PersonalId MINH_HANOI = PersonalId.parse("001090007701");
    static final PersonalId MINH_THAI_BINH = PersonalId.parse("034090007702");

    static final String BY_PERSONAL_ID = "TP-E2E-0001";
    static final String BY_OLD_ID = "TP-E2E-0002";
    static final String NAMESAKES = "TP-E2E-0003";
    /** Line 5 of the file: 31 February does not exist. */
    static final String IMPOSSIBLE_DATE = "TP-E2E-0004";
    static final long IMPOSSIBLE_DATE_LINE = 5;
    static final String IMPOSSIBLE_DATE_VALUE = "31/02/1988";

    private static final String HEADER =
            "agency_code,account_id,username,full_name,birth_date,gender,id_number,phone,email,password_hash,created_at,last_login_at,status";

    private final PortalDatabase database;
    private final BridgeServices services;

    private AccountsFileSeed(PortalDatabase database) {
        this.database = database;
        this.services = new BridgeServices(database);
    }

    /** Opens the portal's database; the portal has migrated it already, so Flyway only validates. */
    static AccountsFileSeed open() {
        return new AccountsFileSeed(PortalDatabase.open(DatabaseSettings.defaults().withUrl(E2eSettings.databaseUrl()).withPool(1, 2)));
    }

    /** The register entries the linking run is to find. */
    void registerThePeople() {
        LocalDate minhBorn = LocalDate.of(1990, 5, 5);
        services.populationRecords().upsert(List.of(
                new PopulationRecord(HAI, null, VietnameseName.of("Trịnh Văn Hải"), LocalDate.of(1982, 8, 14), Gender.MALE, null),
                new PopulationRecord(HANG, OldIdNumber.parse(HANG_OLD_ID), VietnameseName.of("Vũ Thị Hằng"), LocalDate.of(1975, 3, 9),
                        Gender.FEMALE, null),
                new PopulationRecord(MINH_HANOI, null, VietnameseName.of("Đỗ Văn Minh"), minhBorn, Gender.MALE, null),
                new PopulationRecord(MINH_THAI_BINH, null, VietnameseName.of("Đỗ Văn Minh"), minhBorn, Gender.MALE, null)));
    }

    /** Writes the accounts file, TCVN3-encoded with CRLF line ends, into {@code directory}. */
    static Path writeFile(Path directory) throws IOException {
        String text = String.join("\r\n", HEADER,
                AGENCY + "," + BY_PERSONAL_ID + ",hai.tv,Trịnh Văn Hải,14/08/1982,Nam," + HAI.value()
                        + ",,,,2016-04-11 08:00:00,2024-03-02 09:15:00,ACTIVE",
                AGENCY + "," + BY_OLD_ID + ",hang.vt,Vũ Thị Hằng,09/03/1975,Nữ," + HANG_OLD_ID
                        + ",,,,2016-05-20 08:00:00,2023-11-30 14:00:00,ACTIVE",
                AGENCY + "," + NAMESAKES + ",minh.dv,Đỗ Văn Minh,05/05/1990,Nam,,,,,2017-01-09 08:00:00,,ACTIVE",
                AGENCY + "," + IMPOSSIBLE_DATE + ",thao.lt,Lương Thị Thảo," + IMPOSSIBLE_DATE_VALUE
                        + ",Nữ,,,,,2017-02-14 08:00:00,,ACTIVE") + "\r\n";
        Files.createDirectories(directory);
        Path file = directory.resolve(FILE_NAME);
        Files.write(file, LegacyText.encode(text, LegacyEncoding.TCVN3));
        return file;
    }

    Optional<LegacyAccount> account(String accountId) {
        return services.legacyAccounts().findByKey(AGENCY, accountId);
    }

    /** The account's current link, if the linking run made one. */
    Optional<IdentityLink> link(String accountId) {
        long id = account(accountId).orElseThrow().id().orElseThrow();
        return services.identityLinks().findCurrentByAccount(id);
    }

    /** The account's open review item, if the linking run left the decision to a person. */
    Optional<ReviewItem> openReview(String accountId) {
        long id = account(accountId).orElseThrow().id().orElseThrow();
        return services.reviewItems().findOpenByAccount(id);
    }

    /** Current links by method over every agency, as the linking page counts them. */
    Map<LinkMethod, Long> linksByMethod() {
        return services.identityLinks().countCurrentByMethod(null);
    }

    long openReviews() {
        return services.reviewItems().countOpen(null);
    }

    @Override
    public void close() {
        database.close();
    }
}
