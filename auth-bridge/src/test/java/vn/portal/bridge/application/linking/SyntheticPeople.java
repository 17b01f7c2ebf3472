package vn.portal.bridge.application.linking;

import java.time.Instant;
import java.time.LocalDate;

import vn.portal.bridge.domain.model.identity.Gender;
import vn.portal.bridge.domain.model.identity.OldIdNumber;
import vn.portal.bridge.domain.model.identity.PersonalId;
import vn.portal.bridge.domain.model.identity.PhoneNumber;
import vn.portal.bridge.domain.model.legacy.AccountStatus;
import vn.portal.bridge.domain.model.legacy.LegacyAccount;
import vn.portal.bridge.domain.model.name.VietnameseName;
import vn.portal.bridge.domain.model.population.PopulationRecord;

/**
 * A deterministic register of many people with real Vietnamese names, and one legacy account per person
 * whose id column varies the way agencies' data does: the personal ID, the old CMND, a mistyped number or
 * nothing (then phone and name decide). Person n is born in 1960..1999; personal IDs are unique.
 */
public final class SyntheticPeople {

    private static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng",
        "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"};
    private static final String[] MIDDLE_MALE = {"Văn", "Hữu", "Đức", "Minh", "Quốc", "Thanh", "Công", "Xuân"};
    private static final String[] MIDDLE_FEMALE = {"Thị", "Ngọc", "Thu", "Thanh", "Mai", "Kim", "Bảo", "Diệu"};
    private static final String[] GIVEN_MALE = {"An", "Bình", "Cường", "Dũng", "Hải", "Hùng", "Khoa", "Long", "Minh", "Nam",
        "Phúc", "Quang", "Sơn", "Thắng", "Tuấn", "Việt", "Đạt", "Hiếu", "Kiên", "Trung"};
    private static final String[] GIVEN_FEMALE = {"Anh", "Châu", "Dung", "Giang", "Hà", "Hạnh", "Hương", "Lan", "Linh", "Mai",
        "Ngân", "Nhung", "Oanh", "Phương", "Quỳnh", "Thảo", "Thủy", "Trang", "Vân", "Yến"};
    private static final String[] PROVINCES = {"001", "079", "031", "048", "036", "038", "040", "092", "026", "037"};

    private SyntheticPeople() {
    }

    static Gender gender(int n) {
        return n % 2 == 0 ? Gender.MALE : Gender.FEMALE;
    }

    static int birthYear(int n) {
        return 1960 + (n / 7) % 40;
    }

    static LocalDate birthDate(int n) {
        return LocalDate.of(birthYear(n), 1 + (n / 3) % 12, 1 + (n / 11) % 28);
    }

    /** Province, century/gender digit, two year digits, and six serial digits unique for n below 1,000,000 per province. */
    static String personalId(int n) {
        String province = PROVINCES[n % PROVINCES.length];
        int serial = n / PROVINCES.length;
        return province + (gender(n) == Gender.MALE ? "0" : "1") + String.format("%02d%06d", birthYear(n) % 100, serial);
    }

    static String oldId(int n) {
        return String.format("%09d", 100_000_000 + n);
    }

    static String phone(int n) {
        return String.format("09%08d", n);
    }

    static String name(int n) {
        int k = n * 7919;
        String family = FAMILY[Math.floorMod(k, FAMILY.length)];
        boolean male = gender(n) == Gender.MALE;
        String middle = (male ? MIDDLE_MALE : MIDDLE_FEMALE)[Math.floorMod(k / 16, 8)];
        String given = (male ? GIVEN_MALE : GIVEN_FEMALE)[Math.floorMod(k / 128, 20)];
        return family + " " + middle + " " + given;
    }

    public static PopulationRecord person(int n) {
        return new PopulationRecord(PersonalId.parse(personalId(n)), n % 3 == 0 ? OldIdNumber.parse(oldId(n)) : null,
                VietnameseName.of(name(n)), birthDate(n), gender(n), n % 4 == 3 ? null : PhoneNumber.parse(phone(n)));
    }

    /** Person n's account: 50% personal ID, 20% old CMND (where the register has one), 30% phone and name only. */
    static LegacyAccount account(LinkingFixture fixture, String agency, int n) {
        return builder(agency, n).build();
    }

    public static LegacyAccount.Builder builder(String agency, int n) {
        String idNumber = switch (n % 10) {
            case 0, 1, 2, 4, 5 -> personalId(n);
            case 3, 6 -> n % 3 == 0 ? oldId(n) : null;
            default -> null;
        };
        return LegacyAccount.builder(agency, "TK" + n)
                .username("user" + n)
                .fullName(n % 5 == 0 ? VietnameseName.of(name(n)).comparisonKey().toUpperCase(java.util.Locale.ROOT) : name(n))
                .birthDate(birthDate(n))
                .gender(gender(n))
                .idNumber(idNumber)
                .phone(n % 4 == 3 ? null : phone(n))
                .email("user" + n + "@example.vn")
                .passwordHash("{md5}5f4dcc3b5aa765d61d8327deb882cf99")
                .createdAt(Instant.parse("2015-03-01T02:00:00Z"))
                .lastLoginAt(Instant.parse("2024-01-15T08:30:00Z"))
                .status(AccountStatus.ACTIVE)
                .source("accounts-" + agency + ".csv", n + 2);
    }
}
