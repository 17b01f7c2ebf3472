package vn.portal.bridge.infrastructure.persistence.jpa;

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

/** Test people and accounts with real Vietnamese names and valid personal IDs. */
final class People {

    private static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng"};
    private static final String[] MIDDLE = {"Văn", "Thị", "Hữu", "Đức", "Minh", "Ngọc", "Thanh", "Quốc"};
    private static final String[] GIVEN = {"An", "Bình", "Châu", "Dũng", "Hòa", "Hương", "Khoa", "Lan", "Phúc", "Thủy", "Tuấn", "Yến"};

    private People() {
    }

    /** Personal ID of person {@code n} (0..999999): Hà Nội (001), male born 1985, serial n. */
    static String personalId(int n) {
        return String.format("001085%06d", n);
    }

    static LocalDate birthDate(int n) {
        return LocalDate.of(1985, 1 + n % 12, 1 + n % 28);
    }

    static String name(int n) {
        return FAMILY[n % FAMILY.length] + " " + MIDDLE[(n / 10) % MIDDLE.length] + " " + GIVEN[(n / 80) % GIVEN.length];
    }

    static PopulationRecord person(int n) {
        return new PopulationRecord(PersonalId.parse(personalId(n)), OldIdNumber.parse(String.format("0%08d", n)),
                VietnameseName.of(name(n)), birthDate(n), Gender.MALE, PhoneNumber.parse(String.format("09%08d", n)));
    }

    /** Account {@code n} of {@code agency}, holding person n's personal ID. */
    static LegacyAccount account(String agency, int n) {
        return LegacyAccount.builder(agency, "TK" + n)
                .username("user" + n)
                .fullName(name(n))
                .birthDate(birthDate(n))
                .gender(Gender.MALE)
                .idNumber(personalId(n))
                .phone(String.format("09%08d", n))
                .email("user" + n + "@example.vn")
                .passwordHash("{md5}5f4dcc3b5aa765d61d8327deb882cf99")
                .createdAt(Instant.parse("2015-03-01T02:00:00Z"))
                .lastLoginAt(Instant.parse("2024-01-15T08:30:00Z"))
                .status(AccountStatus.ACTIVE)
                .source("accounts-" + agency + ".csv", n + 2)
                .build();
    }
}
