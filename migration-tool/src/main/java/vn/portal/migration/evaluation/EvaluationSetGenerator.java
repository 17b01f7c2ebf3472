package vn.portal.migration.evaluation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

import vn.portal.bridge.domain.model.encoding.LegacyEncoding;
import vn.portal.bridge.domain.model.identity.Gender;
import vn.portal.bridge.domain.model.identity.Province;

/**
 * A seeded generator of a labelled evaluation set: a population-register extract and legacy accounts of four
 * agencies whose files use different encodings, each account labelled with its owner's personal ID (or none)
 * and the {@link Variation} it carries. Names are drawn per region (North, Centre, South have different
 * family-name frequencies and province codes) and carry their diacritics; the variations then strip, decompose,
 * re-encode or mistype them. The same seed and size always give the same set, so figures can be reproduced.
 */
public final class EvaluationSetGenerator {

    /** An agency of the set, the encoding its file is written in and whether its text is decomposed. */
    public record AgencyFile(String agencyCode, String name, LegacyEncoding encoding) {
        public String fileName() {
            return "accounts-" + agencyCode + ".csv";
        }
    }

    /** Most accounts come from a UTF-8 system; the others from older provincial systems. */
    public static final List<AgencyFile> AGENCIES = List.of(
            new AgencyFile("EVAL-BHXH", "Bảo hiểm xã hội (bộ đánh giá)", LegacyEncoding.UTF_8),
            new AgencyFile("EVAL-HN", "Sở Tư pháp Hà Nội (bộ đánh giá, TCVN3)", LegacyEncoding.TCVN3),
            new AgencyFile("EVAL-HCM", "Sở Tư pháp TP. Hồ Chí Minh (bộ đánh giá, VNI)", LegacyEncoding.VNI),
            new AgencyFile("EVAL-DN", "Sở Kế hoạch và Đầu tư Đà Nẵng (bộ đánh giá, CP1258)", LegacyEncoding.CP1258));

    /** Weights of the variations among generated accounts (per thousand). */
    private static final Object[][] VARIATION_WEIGHTS = {
            {Variation.EXACT, 200}, {Variation.NO_DIACRITICS, 120}, {Variation.NFD, 40}, {Variation.TCVN3, 60},
            {Variation.VNI, 60}, {Variation.CP1258, 30}, {Variation.NAME_TYPO_WITH_ID, 20}, {Variation.NAME_TYPO, 20},
            {Variation.DAY_MONTH_SWAP, 30}, {Variation.OLD_ID_CARD, 100}, {Variation.PHONE_RENUMBERED, 50},
            {Variation.ID_TYPO, 20}, {Variation.TWIN, 30}, {Variation.NAMESAKE, 40}, {Variation.ABSENT_TWIN, 15},
            {Variation.ABSENT_NAMESAKE, 20}, {Variation.ABSENT, 80}, {Variation.FOREIGNER, 20},
            {Variation.TEST_ACCOUNT, 15}};

    private enum Region { NORTH, CENTRE, SOUTH }

    // Frequencies differ by region: Huỳnh and Võ are southern and central spellings of Hoàng and Vũ.
    private static final String[][] FAMILY = {
            {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đỗ", "Bùi", "Đặng", "Ngô", "Đinh", "Dương", "Lương",
                    "Trịnh", "Đào", "Tạ", "Khuất", "Kiều", "Nghiêm", "Chu"},
            {"Nguyễn", "Lê", "Trần", "Phan", "Hồ", "Võ", "Hoàng", "Phạm", "Đặng", "Trương", "Huỳnh", "Tôn", "Mai",
                    "Thái", "Ngô", "Dương", "Cao", "Lưu", "Đoàn", "Hà"},
            {"Nguyễn", "Trần", "Lê", "Huỳnh", "Võ", "Phạm", "Phan", "Trương", "Lâm", "Lý", "Đặng", "Dương", "Hồ",
                    "Châu", "Tăng", "La", "Quách", "Thạch", "Diệp", "Mã"}};
    private static final int[][] FAMILY_WEIGHT = {
            {300, 120, 90, 80, 50, 50, 40, 40, 30, 30, 20, 20, 10, 20, 20, 10, 10, 10, 5, 5},
            {280, 120, 100, 70, 60, 60, 40, 40, 30, 30, 30, 10, 20, 20, 20, 10, 20, 10, 10, 10},
            {320, 110, 80, 80, 70, 60, 40, 30, 30, 20, 20, 20, 20, 20, 10, 10, 10, 10, 5, 5}};
    private static final String[][] PROVINCES = {
            {"001", "031", "034", "036", "030", "022"},
            {"038", "040", "042", "046", "048", "052"},
            {"079", "092", "075", "074", "087", "089"}};
    private static final String[] MIDDLE_MALE = {"Văn", "Đức", "Minh", "Quang", "Hữu", "Thanh", "Công", "Ngọc",
            "Xuân", "Tuấn", "Thế", "Đình", "Bá", "Duy", "Trọng", "Quốc", "Gia", "Hoài", "Văn Minh", "Hữu Quang"};
    private static final String[] MIDDLE_FEMALE = {"Thị", "Ngọc", "Thu", "Thanh", "Kim", "Hồng", "Phương", "Bích",
            "Mai", "Thùy", "Diệu", "Khánh", "Thị Thu", "Thị Ngọc", "Hoài", "Bảo", "Như", "Mỹ"};
    private static final String[] GIVEN_MALE = {"An", "Anh", "Bình", "Cường", "Dũng", "Duy", "Đạt", "Đức", "Hải",
            "Hiếu", "Hoàng", "Hùng", "Huy", "Khang", "Khoa", "Khôi", "Long", "Lâm", "Minh", "Nam", "Nghĩa", "Phong",
            "Phúc", "Quân", "Quang", "Sơn", "Tài", "Tâm", "Thắng", "Thành", "Thịnh", "Toàn", "Trung", "Tuấn", "Tú",
            "Tư", "Việt", "Vinh", "Vũ", "Hòa", "Kiên", "Lộc", "Tùng", "Hưng", "Mạnh", "Trí", "Bảo", "Khánh", "Phú"};
    private static final String[] GIVEN_FEMALE = {"Anh", "Châu", "Chi", "Dung", "Giang", "Hà", "Hằng", "Hạnh",
            "Hiền", "Hoa", "Hồng", "Huyền", "Hương", "Lan", "Linh", "Loan", "Ly", "Mai", "My", "Nga", "Ngân", "Ngọc",
            "Nhung", "Oanh", "Phương", "Quyên", "Quỳnh", "Tâm", "Thảo", "Thu", "Thủy", "Thúy", "Trang", "Trinh",
            "Tuyết", "Uyên", "Vân", "Yến", "Hòa", "Thư", "Nhi", "Nhàn", "Hân", "Hậu", "Khuê", "Diễm", "Xuân"};
    /** Twins are often given names that look alike: the hardest negatives. */
    private static final String[][] TWIN_MALE = {{"Khôi", "Khoa"}, {"Tú", "Tư"}, {"An", "Anh"}, {"Minh", "Mạnh"},
            {"Long", "Lâm"}, {"Phúc", "Phú"}, {"Hùng", "Dũng"}, {"Tài", "Trí"}};
    private static final String[][] TWIN_FEMALE = {{"Hoa", "Hồng"}, {"Thủy", "Thúy"}, {"Thu", "Thư"},
            {"Nhi", "Nhàn"}, {"Trang", "Trinh"}, {"Mai", "My"}, {"Hằng", "Hạnh"}, {"Linh", "Lan"}};
    private static final String[] NEW_PREFIXES = {"090", "091", "093", "094", "096", "097", "098", "086", "088",
            "089", "032", "033", "034", "035", "036", "037", "038", "039", "070", "076", "077", "078", "079", "081",
            "082", "083", "084", "085", "056", "058", "059"};
    /** New prefix -> the 11-digit prefix it replaced in 2018 (Ministry of Information decision 798/QĐ-BTTTT). */
    private static final String[][] RENUMBERED = {{"032", "0162"}, {"033", "0163"}, {"034", "0164"},
            {"035", "0165"}, {"036", "0166"}, {"037", "0167"}, {"038", "0168"}, {"039", "0169"}, {"070", "0120"},
            {"079", "0121"}, {"077", "0122"}, {"076", "0126"}, {"078", "0128"}, {"083", "0123"}, {"084", "0124"},
            {"085", "0125"}, {"081", "0127"}, {"082", "0129"}, {"056", "0186"}, {"058", "0188"}, {"059", "0199"}};
    private static final String[] FOREIGN_NAMES = {"John Smith", "Kim Min Jun", "Tanaka Hiroshi", "Maria Garcia",
            "Wang Wei", "Somchai Srisuk", "Emma Müller", "Park Ji Hoon", "Olga Ivanova", "Chen Jia Hui"};
    private static final String[] TEST_NAMES = {"Test", "Test Test", "Tài khoản thử nghiệm", "Nguyen Van Test",
            "Demo User", "Admin", "Người dùng thử", "abc xyz"};
    private static final DateTimeFormatter[] DATE_STYLES = {DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT),
            DateTimeFormatter.ofPattern("dd/MM/uuuu", Locale.ROOT), DateTimeFormatter.ofPattern("d/M/uuuu", Locale.ROOT)};
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("dd/MM/uuuu HH:mm:ss", Locale.ROOT);

    /** A register person, as population.csv has them. */
    public record RegisterRow(String personalId, String oldIdNumber, String fullName, LocalDate birthDate,
                              Gender gender, String phone) {
    }

    /** A legacy account as its agency's file has it, plus the truth. */
    public record AccountRow(AgencyFile agency, String accountId, String username, String fullName, String birthDate,
                             String gender, String idNumber, String phone, String email, String passwordHash,
                             String createdAt, String lastLoginAt, String status, String truePersonalId,
                             Variation variation) {
    }

    /** The generated set. */
    public record EvaluationSet(long seed, List<RegisterRow> register, List<AccountRow> accounts) {
        public EvaluationSet {
            register = List.copyOf(register);
            accounts = List.copyOf(accounts);
        }
    }

    private record Person(String personalId, String oldId, String name, LocalDate birth, Gender gender, String phone,
                          Region region) {
        RegisterRow row() {
            return new RegisterRow(personalId, oldId, name, birth, gender, phone);
        }
    }

    private final long seed;
    private final Random random;
    private final Set<String> personalIds = new HashSet<>();
    private final Set<String> oldIds = new HashSet<>();
    private final Set<String> phones = new HashSet<>();
    private final int[] serials = new int[AGENCIES.size()];
    private final int variationTotal;

    public EvaluationSetGenerator(long seed) {
        this.seed = seed;
        this.random = new Random(seed);
        int total = 0;
        for (Object[] weight : VARIATION_WEIGHTS) {
            total += (Integer) weight[1];
        }
        this.variationTotal = total;
        for (String[] codes : PROVINCES) {
            for (String code : codes) {
                if (Province.byCode(code).isEmpty()) {
                    throw new IllegalStateException("province code " + code + " is not a known province");
                }
            }
        }
    }

    /**
     * {@code accountCount} labelled accounts and the register they are linked against: every owner in the
     * register, plus half as many people again who have no account (they make the blocks realistic in size).
     */
    public EvaluationSet generate(int accountCount) {
        if (accountCount < 1) {
            throw new IllegalArgumentException("the evaluation set needs at least one account, got " + accountCount);
        }
        List<RegisterRow> register = new ArrayList<>(accountCount * 2);
        List<AccountRow> accounts = new ArrayList<>(accountCount);
        for (int i = 0; i < accountCount; i++) {
            accounts.add(account(pickVariation(), register));
            if (i % 2 == 0) {
                register.add(person(randomRegion()).row());
            }
        }
        // The register extract is sorted by personal ID, not in account order, like a real extract.
        register.sort((a, b) -> a.personalId().compareTo(b.personalId()));
        return new EvaluationSet(seed, register, accounts);
    }

    private Variation pickVariation() {
        int pick = random.nextInt(variationTotal);
        for (Object[] weight : VARIATION_WEIGHTS) {
            pick -= (Integer) weight[1];
            if (pick < 0) {
                return (Variation) weight[0];
            }
        }
        throw new IllegalStateException("variation weights do not add up");
    }

    private AccountRow account(Variation variation, List<RegisterRow> register) {
        Region region = randomRegion();
        return switch (variation) {
            case EXACT -> owned(variation, inRegister(person(region), register), Id.PERSONAL, Name.AS_IS);
            case NO_DIACRITICS -> owned(variation, inRegister(person(region), register), Id.NONE, Name.FOLDED);
            case NFD -> owned(variation, inRegister(person(region), register), Id.NONE, Name.NFD);
            case TCVN3, VNI, CP1258 -> owned(variation, inRegister(person(region), register), Id.NONE, Name.AS_IS);
            case NAME_TYPO_WITH_ID -> owned(variation, inRegister(person(region), register), Id.PERSONAL, Name.TYPO);
            case NAME_TYPO -> owned(variation, inRegister(person(region), register), Id.NONE, Name.TYPO);
            case DAY_MONTH_SWAP -> owned(variation, inRegister(swappablePerson(region), register), Id.NONE, Name.AS_IS);
            case OLD_ID_CARD -> owned(variation, inRegister(personWithOldId(region), register), Id.OLD, Name.MIXED);
            case PHONE_RENUMBERED -> owned(variation, inRegister(personWithRenumberedPhone(region), register), Id.NONE,
                    Name.MIXED);
            case ID_TYPO -> owned(variation, inRegister(person(region), register), Id.PERSONAL_TYPO, Name.MIXED);
            case TWIN -> {
                Person[] twins = twins(region);
                inRegister(twins[1], register);
                yield owned(variation, inRegister(twins[0], register), random.nextDouble() < 0.3 ? Id.PERSONAL : Id.NONE,
                        Name.MIXED);
            }
            case NAMESAKE -> {
                Person original = inRegister(person(region), register);
                yield owned(variation, inRegister(namesake(original), register),
                        random.nextDouble() < 0.3 ? Id.PERSONAL : Id.NONE, Name.MIXED);
            }
            case ABSENT_TWIN -> {
                Person[] twins = twins(region);
                inRegister(twins[1], register);
                // Written like every other account: a third without diacritics, some in legacy-encoded files.
                // Folded, "Thúy" and "Thủy" (or "Tú" and "Tư") are the same letters; the matcher must see that.
                yield owned(variation, twins[0], Id.NONE, Name.MIXED);
            }
            case ABSENT_NAMESAKE -> {
                Person original = inRegister(person(region), register);
                yield owned(variation, namesake(original), Id.NONE, Name.MIXED);
            }
            case ABSENT -> owned(variation, person(region), random.nextDouble() < 0.4 ? Id.PERSONAL : Id.NONE, Name.MIXED);
            case FOREIGNER -> foreigner();
            case TEST_ACCOUNT -> testAccount();
        };
    }

    private enum Id { NONE, PERSONAL, PERSONAL_TYPO, OLD }

    private enum Name { AS_IS, FOLDED, NFD, TYPO, MIXED }

    private static Person inRegister(Person person, List<RegisterRow> register) {
        register.add(person.row());
        return person;
    }

    private AccountRow owned(Variation variation, Person owner, Id id, Name nameStyle) {
        AgencyFile agency = switch (variation) {
            case TCVN3 -> AGENCIES.get(1);
            case VNI -> AGENCIES.get(2);
            case CP1258 -> AGENCIES.get(3);
            // decomposed text only survives in a Unicode file
            case NFD -> AGENCIES.get(0);
            default -> random.nextDouble() < 0.7 ? AGENCIES.get(0) : AGENCIES.get(1 + random.nextInt(3));
        };
        String name = switch (nameStyle) {
            case AS_IS -> owner.name();
            case FOLDED -> random.nextDouble() < 0.3 ? fold(owner.name()).toUpperCase(Locale.ROOT) : fold(owner.name());
            case NFD -> Normalizer.normalize(owner.name(), Normalizer.Form.NFD);
            case TYPO -> typoInGivenName(random.nextBoolean() ? owner.name() : fold(owner.name()));
            case MIXED -> random.nextDouble() < 0.35 ? fold(owner.name()) : owner.name();
        };
        String idNumber = switch (id) {
            case NONE -> null;
            case PERSONAL -> owner.personalId();
            case PERSONAL_TYPO -> typoDigits(owner.personalId());
            case OLD -> owner.oldId();
        };
        LocalDate birth = owner.birth();
        if (variation == Variation.DAY_MONTH_SWAP) {
            birth = LocalDate.of(birth.getYear(), birth.getDayOfMonth(), birth.getMonthValue());
        }
        String phone = owner.phone();
        if (variation == Variation.PHONE_RENUMBERED) {
            phone = oldForm(phone);
        } else if (phone != null && random.nextDouble() < 0.3) {
            phone = null;
        } else if (phone != null && random.nextDouble() < 0.2) {
            phone = "+84 " + phone.substring(1, 4) + " " + phone.substring(4, 7) + " " + phone.substring(7);
        }
        String username = fold(owner.name()).toLowerCase(Locale.ROOT).replace(" ", "") + random.nextInt(1000);
        String truth = variation.ownerInRegister() ? owner.personalId() : null;
        return row(agency, username, name, birth, owner.gender(), idNumber, phone,
                random.nextDouble() < 0.4 ? username + "@gmail.com" : null, truth, variation);
    }

    private AccountRow foreigner() {
        String name = FOREIGN_NAMES[random.nextInt(FOREIGN_NAMES.length)];
        String passport = (char) ('B' + random.nextInt(24)) + String.format(Locale.ROOT, "%07d", random.nextInt(10_000_000));
        String username = name.toLowerCase(Locale.ROOT).replace(" ", ".");
        return row(AGENCIES.get(0), username, name, birthDate(), random.nextBoolean() ? Gender.MALE : Gender.FEMALE,
                passport, random.nextBoolean() ? newPhone() : null, username + "@example.com", null, Variation.FOREIGNER);
    }

    private AccountRow testAccount() {
        String name = TEST_NAMES[random.nextInt(TEST_NAMES.length)];
        String[] ids = {null, "000000000000", "123456789", "111111111"};
        return row(AGENCIES.get(0), "test" + random.nextInt(100), name, random.nextBoolean() ? birthDate() : null, null,
                ids[random.nextInt(ids.length)], random.nextBoolean() ? "0900000000" : null,
                "test" + random.nextInt(100) + "@example.com", null, Variation.TEST_ACCOUNT);
    }

    private AccountRow row(AgencyFile agency, String username, String name, LocalDate birth, Gender gender,
                           String idNumber, String phone, String email, String truth, Variation variation) {
        int index = AGENCIES.indexOf(agency);
        String accountId = String.format(Locale.ROOT, "%s-%07d", agency.agencyCode().substring(5), ++serials[index]);
        LocalDateTime created = LocalDateTime.of(2012, 1, 1, 8, 0).plusMinutes(random.nextInt(60 * 24 * 365 * 10));
        double statusRoll = random.nextDouble();
        String status = statusRoll < 0.85 ? "ACTIVE" : statusRoll < 0.9 ? "LOCKED" : "CLOSED";
        String lastLogin = random.nextDouble() < 0.8
                ? TIMESTAMP.format(created.plusMinutes(random.nextInt(60 * 24 * 365 * 3))) : null;
        return new AccountRow(agency, accountId, username, name,
                birth == null ? null : DATE_STYLES[random.nextInt(DATE_STYLES.length)].format(birth),
                gender == null || random.nextDouble() < 0.1 ? null : gender == Gender.MALE ? "Nam" : "Nữ",
                idNumber, phone, email, "{md5}" + md5("mat-khau-" + accountId), TIMESTAMP.format(created), lastLogin,
                status, truth, variation);
    }

    private Person person(Region region) {
        Gender gender = random.nextBoolean() ? Gender.MALE : Gender.FEMALE;
        LocalDate birth = birthDate();
        String name = family(region) + " " + middle(gender) + " " + given(gender);
        return new Person(personalId(region, birth, gender), oldId(birth, false), name, birth, gender,
                random.nextDouble() < 0.85 ? newPhone() : null, region);
    }

    private Person swappablePerson(Region region) {
        Person p = person(region);
        // day and month only swap into another valid date when the day is at most 12 and differs from the month
        int month = 1 + random.nextInt(12);
        int day = 1 + random.nextInt(12);
        if (day == month) {
            day = day % 12 + 1;
        }
        LocalDate birth = LocalDate.of(p.birth().getYear(), month, day);
        return new Person(p.personalId(), p.oldId(), p.name(), birth, p.gender(), p.phone(), region);
    }

    private Person personWithOldId(Region region) {
        Gender gender = random.nextBoolean() ? Gender.MALE : Gender.FEMALE;
        LocalDate birth = LocalDate.ofEpochDay(LocalDate.of(1950, 1, 1).toEpochDay() + random.nextInt(365 * 48));
        return new Person(personalId(region, birth, gender), oldId(birth, true),
                family(region) + " " + middle(gender) + " " + given(gender), birth, gender,
                random.nextDouble() < 0.85 ? newPhone() : null, region);
    }

    private Person personWithRenumberedPhone(Region region) {
        Person p = person(region);
        String prefix = RENUMBERED[random.nextInt(RENUMBERED.length)][0];
        return new Person(p.personalId(), p.oldId(), p.name(), p.birth(), p.gender(), phoneWithPrefix(prefix), region);
    }

    private Person[] twins(Region region) {
        Gender gender = random.nextBoolean() ? Gender.MALE : Gender.FEMALE;
        String[][] pairs = gender == Gender.MALE ? TWIN_MALE : TWIN_FEMALE;
        String[] pair = pairs[random.nextInt(pairs.length)];
        if (random.nextBoolean()) {
            pair = new String[] {pair[1], pair[0]};
        }
        LocalDate birth = birthDate();
        String stem = family(region) + " " + middle(gender);
        // children often share a parent's phone number in agency records
        String shared = random.nextBoolean() ? newPhone() : null;
        Person[] twins = new Person[2];
        for (int i = 0; i < 2; i++) {
            twins[i] = new Person(personalId(region, birth, gender), oldId(birth, false), stem + " " + pair[i], birth,
                    gender, shared != null ? shared : newPhone(), region);
        }
        return twins;
    }

    private Person namesake(Person original) {
        LocalDate birth = random.nextDouble() < 0.2 ? original.birth()
                : LocalDate.of(original.birth().getYear(), 1 + random.nextInt(12), 1 + random.nextInt(28));
        Region region = randomRegion();
        return new Person(personalId(region, birth, original.gender()), oldId(birth, false), original.name(), birth,
                original.gender(), random.nextDouble() < 0.85 ? newPhone() : null, region);
    }

    private Region randomRegion() {
        double roll = random.nextDouble();
        return roll < 0.4 ? Region.NORTH : roll < 0.6 ? Region.CENTRE : Region.SOUTH;
    }

    private String family(Region region) {
        int[] weights = FAMILY_WEIGHT[region.ordinal()];
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int pick = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            pick -= weights[i];
            if (pick < 0) {
                return FAMILY[region.ordinal()][i];
            }
        }
        throw new IllegalStateException("family weights do not add up");
    }

    private String middle(Gender gender) {
        String[] options = gender == Gender.MALE ? MIDDLE_MALE : MIDDLE_FEMALE;
        return random.nextDouble() < 0.4 ? options[0] : options[random.nextInt(options.length)];
    }

    private String given(Gender gender) {
        String[] options = gender == Gender.MALE ? GIVEN_MALE : GIVEN_FEMALE;
        return options[random.nextInt(options.length)];
    }

    private LocalDate birthDate() {
        return LocalDate.ofEpochDay(LocalDate.of(1950, 1, 1).toEpochDay() + random.nextInt(365 * 58));
    }

    /** Circular 07/2016/TT-BCA: province (3 digits), century and gender (1), year (2), random (6). */
    private String personalId(Region region, LocalDate birth, Gender gender) {
        String[] codes = PROVINCES[region.ordinal()];
        int centuryDigit = (birth.getYear() >= 2000 ? 2 : 0) + (gender == Gender.FEMALE ? 1 : 0);
        while (true) {
            String id = codes[random.nextInt(codes.length)] + centuryDigit
                    + String.format(Locale.ROOT, "%02d%06d", birth.getYear() % 100, random.nextInt(1_000_000));
            if (personalIds.add(id)) {
                return id;
            }
        }
    }

    /** The 9-digit card of people who were adults before the 12-digit card; about two thirds still have one. */
    private String oldId(LocalDate birth, boolean always) {
        if (!always && (birth.getYear() > 1998 || random.nextDouble() < 0.35)) {
            return null;
        }
        while (true) {
            String id = String.format(Locale.ROOT, "%09d", 10_000_000 + random.nextInt(380_000_000));
            if (oldIds.add(id)) {
                return id;
            }
        }
    }

    private String newPhone() {
        return phoneWithPrefix(NEW_PREFIXES[random.nextInt(NEW_PREFIXES.length)]);
    }

    private String phoneWithPrefix(String prefix) {
        while (true) {
            String phone = prefix + String.format(Locale.ROOT, "%07d", random.nextInt(10_000_000));
            if (phones.add(phone)) {
                return phone;
            }
        }
    }

    private static String oldForm(String phone) {
        for (String[] renumbered : RENUMBERED) {
            if (phone.startsWith(renumbered[0])) {
                return renumbered[1] + phone.substring(3);
            }
        }
        throw new IllegalStateException("phone " + phone + " has no pre-2018 form");
    }

    private String typoInGivenName(String name) {
        int start = name.lastIndexOf(' ') + 1;
        int at = start + random.nextInt(name.length() - start);
        char original = name.charAt(at);
        char replacement;
        do {
            replacement = (char) ('a' + random.nextInt(26));
        } while (replacement == Character.toLowerCase(original));
        return name.substring(0, at) + replacement + name.substring(at + 1);
    }

    private String typoDigits(String digits) {
        char[] chars = digits.toCharArray();
        int at = 1 + random.nextInt(chars.length - 2);
        if (random.nextBoolean() && chars[at] != chars[at + 1]) {
            char c = chars[at];
            chars[at] = chars[at + 1];
            chars[at + 1] = c;
        } else {
            chars[at] = (char) ('0' + (chars[at] - '0' + 1 + random.nextInt(9)) % 10);
        }
        return new String(chars);
    }

    /** Drops the diacritics and maps Đ to D, as systems without Vietnamese fonts stored names. */
    static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) != Character.NON_SPACING_MARK) {
                out.append(c == 'đ' ? 'd' : c == 'Đ' ? 'D' : c);
            }
        }
        return out.toString();
    }

    private static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has MD5", e);
        }
    }
}
