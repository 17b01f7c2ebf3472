package vn.portal.bridge.domain.model.matching.bench;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

import vn.portal.bridge.domain.model.identity.Gender;
import vn.portal.bridge.domain.model.identity.OldIdNumber;
import vn.portal.bridge.domain.model.identity.PersonalId;
import vn.portal.bridge.domain.model.identity.PhoneNumber;
import vn.portal.bridge.domain.model.identity.Province;
import vn.portal.bridge.domain.model.matching.AccountRecord;
import vn.portal.bridge.domain.model.matching.PersonRecord;
import vn.portal.bridge.domain.model.name.VietnameseName;

/**
 * A seeded generator of a register extract and of legacy accounts with the variations real agency data
 * shows: names stored without diacritics, decomposed (NFD) text, the other tone placement, upper case, a
 * dropped middle name, given-name typos; day/month swapped and mistyped birth dates; personal IDs with one
 * digit wrong or two swapped; old 9-digit ID cards; 11-digit pre-2018 phone numbers; changed phones. Hard
 * negatives are built in: twins (same family, middle names, birth date, often the parents' phone, given names
 * chosen to look alike) and namesakes (same full name, same birth year, sometimes the same birth date), and
 * accounts of people absent from the register, foreigners with passports and test accounts.
 * Used by the tests (small sets) and by {@link MatchingBenchmark} (a million each).
 */
public final class SyntheticPopulation {

    static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng",
            "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Đoàn", "Trương", "Lâm", "Mai", "Tạ", "Cao", "Lương",
            "Hà", "Kiều", "Tô", "Quách", "Thái", "Châu", "Trịnh", "La", "Lưu", "Vương", "Tăng"};
    static final int[] FAMILY_WEIGHT = {310, 110, 95, 70, 50, 40, 45, 39, 35, 21, 20, 14, 13, 13, 10, 5, 6, 5, 5, 4,
            4, 3, 4, 3, 4, 2, 2, 2, 2, 2, 3, 1, 2, 1, 1};
    static final String[] MIDDLE_MALE = {"Văn", "Đức", "Minh", "Quang", "Hữu", "Thanh", "Công", "Ngọc", "Xuân",
            "Hoàng", "Tuấn", "Anh", "Thế", "Đình", "Bá", "Duy", "Trọng", "Quốc", "Gia", "Văn Minh", "Hữu Quang"};
    static final String[] MIDDLE_FEMALE = {"Thị", "Ngọc", "Thu", "Thanh", "Kim", "Minh", "Hồng", "Phương", "Bích",
            "Mai", "Thùy", "Diệu", "Khánh", "Thị Thu", "Thị Ngọc", "Thị Minh", "Hoài", "Bảo"};
    static final String[] GIVEN_MALE = {"An", "Anh", "Bình", "Cường", "Dũng", "Duy", "Đạt", "Đức", "Hải", "Hiếu",
            "Hoàng", "Hùng", "Huy", "Khang", "Khoa", "Khôi", "Long", "Lâm", "Minh", "Nam", "Nghĩa", "Phong", "Phúc",
            "Quân", "Quang", "Sơn", "Tài", "Tâm", "Thắng", "Thành", "Thịnh", "Toàn", "Trung", "Tuấn", "Tú", "Tư",
            "Việt", "Vinh", "Vũ", "Hòa", "Khải", "Kiên", "Lộc", "Tùng", "Hưng", "Hiển", "Mạnh", "Trí", "Bảo", "Khánh"};
    static final String[] GIVEN_FEMALE = {"Anh", "Châu", "Chi", "Dung", "Giang", "Hà", "Hằng", "Hạnh", "Hiền", "Hoa",
            "Hồng", "Huyền", "Hương", "Lan", "Lân", "Linh", "Loan", "Ly", "Mai", "My", "Nga", "Ngân", "Ngọc",
            "Nhung", "Oanh", "Phương", "Quyên", "Quỳnh", "Tâm", "Thảo", "Thu", "Thủy", "Thúy", "Trang", "Trinh",
            "Tuyết", "Uyên", "Vân", "Yến", "Hòa", "Thư", "Thơ", "Nhi", "Nhàn", "Hân", "Hậu", "Khuê", "Loan"};
    /** Given-name pairs that look alike, for twins: the hardest negatives. */
    static final String[][] TWIN_MALE = {{"Khôi", "Khoa"}, {"Tú", "Tư"}, {"An", "Anh"}, {"Minh", "Mạnh"},
            {"Hùng", "Dũng"}, {"Long", "Lâm"}, {"Hải", "Hà"}, {"Tuấn", "Tú"}, {"Phúc", "Phú"}};
    static final String[][] TWIN_FEMALE = {{"Hoa", "Hồng"}, {"Lan", "Lân"}, {"Thủy", "Thúy"}, {"Thu", "Thư"},
            {"Linh", "Lan"}, {"Nhi", "Nhàn"}, {"Trang", "Trinh"}, {"Mai", "My"}};
    static final String[] MOBILE_PREFIXES = {"090", "091", "093", "094", "096", "097", "098", "032", "033", "034",
            "035", "036", "037", "038", "039", "070", "076", "077", "078", "079", "081", "082", "083", "084", "085",
            "086", "088", "056", "058", "059"};
    /** New 03x/07x/08x/05x prefix -> the pre-2018 01xx prefix it replaced. */
    static final String[][] RENUMBERED = {{"032", "0162"}, {"033", "0163"}, {"034", "0164"}, {"035", "0165"},
            {"036", "0166"}, {"037", "0167"}, {"038", "0168"}, {"039", "0169"}, {"070", "0120"}, {"079", "0121"},
            {"077", "0122"}, {"076", "0126"}, {"078", "0128"}, {"083", "0123"}, {"084", "0124"}, {"085", "0125"},
            {"081", "0127"}, {"082", "0129"}, {"056", "0186"}, {"058", "0188"}, {"059", "0199"}};
    static final String[] FOREIGN = {"John Smith", "Kim Min Jun", "Tanaka Hiroshi", "Maria Garcia", "Wang Wei",
            "Somchai Srisuk", "Emma Müller", "Park Ji Hoon"};

    /** A register person as raw text, as the register extract file would have it. */
    public record Person(String personalId, String oldId, String fullName, LocalDate birthDate, Gender gender,
                         String phone, int family) {

        public PersonRecord toRecord() {
            PersonRecord.Builder builder = PersonRecord.builder(PersonalId.parse(personalId))
                    .name(VietnameseName.of(fullName)).birthDate(birthDate).gender(gender);
            if (oldId != null) {
                builder.oldIdNumber(OldIdNumber.parse(oldId));
            }
            if (phone != null) {
                builder.phone(PhoneNumber.parse(phone));
            }
            return builder.build();
        }
    }

    /** What kind of account a generated account is, for the quality figures. */
    public enum Kind { PERSON, ABSENT_PERSON, FOREIGNER, TEST }

    /**
     * A legacy account as raw text plus the truth: the personal ID of its owner, or null when the owner is
     * not in the register.
     */
    public record Account(String reference, String rawName, LocalDate birthDate, Gender gender, String idNumber,
                          String idKind, String phone, String email, String truePersonalId, Kind kind) {

        public AccountRecord toRecord() {
            AccountRecord.Builder builder = AccountRecord.builder(reference)
                    .name(rawName == null ? null : VietnameseName.of(rawName))
                    .birthDate(birthDate).gender(gender).email(email)
                    .phone(phone == null ? null : PhoneNumber.parse(phone));
            if (idNumber != null) {
                switch (idKind) {
                    case "PERSONAL_ID" -> builder.personalId(PersonalId.parse(idNumber));
                    case "OLD_ID_CARD" -> builder.oldIdNumber(OldIdNumber.parse(idNumber));
                    case "PASSPORT" -> builder.passportNumber(idNumber);
                    default -> builder.invalidIdNumber(idNumber);
                }
            }
            return builder.build();
        }
    }

    private final Random random;
    private final String[] provinces;
    private final Set<String> usedPersonalIds = new HashSet<>();
    private final Set<String> usedOldIds = new HashSet<>();
    private final Set<String> usedPhones = new HashSet<>();
    private final int familyTotal;
    private int accountSerial;

    public SyntheticPopulation(long seed) {
        this.random = new Random(seed);
        this.provinces = Province.all().stream().map(Province::code).toArray(String[]::new);
        int total = 0;
        for (int w : FAMILY_WEIGHT) {
            total += w;
        }
        this.familyTotal = total;
    }

    /**
     * {@code size} register people: about 2% in twin pairs, about 2% namesakes of someone earlier (same name
     * and birth year, a fifth of them the same birth date too).
     */
    public List<Person> people(int size) {
        List<Person> people = new ArrayList<>(size);
        while (people.size() < size) {
            double roll = random.nextDouble();
            if (roll < 0.01 && people.size() + 2 <= size) {
                twins(people);
            } else if (roll < 0.03 && !people.isEmpty()) {
                people.add(namesake(people.get(random.nextInt(people.size())), people.size()));
            } else {
                people.add(person(people.size()));
            }
        }
        return people;
    }

    private Person person(int family) {
        Gender gender = random.nextBoolean() ? Gender.MALE : Gender.FEMALE;
        LocalDate birth = birthDate();
        String name = family() + " " + middle(gender) + " " + given(gender);
        return new Person(personalId(birth, gender), oldId(birth), name, birth, gender, random.nextDouble() < 0.85 ? phone() : null, family);
    }

    private void twins(List<Person> people) {
        Gender gender = random.nextBoolean() ? Gender.MALE : Gender.FEMALE;
        String[][] pairs = gender == Gender.MALE ? TWIN_MALE : TWIN_FEMALE;
        String[] pair = pairs[random.nextInt(pairs.length)];
        LocalDate birth = birthDate();
        String familyAndMiddle = family() + " " + middle(gender);
        String sharedPhone = random.nextBoolean() ? phone() : null;
        int family = people.size();
        for (String given : pair) {
            String phone = sharedPhone != null ? sharedPhone : random.nextDouble() < 0.85 ? phone() : null;
            people.add(new Person(personalId(birth, gender), oldId(birth), familyAndMiddle + " " + given, birth, gender,
                    phone, family));
        }
    }

    private Person namesake(Person original, int family) {
        LocalDate birth = random.nextDouble() < 0.2 ? original.birthDate()
                : LocalDate.of(original.birthDate().getYear(), 1 + random.nextInt(12), 1 + random.nextInt(28));
        return new Person(personalId(birth, original.gender()), oldId(birth), original.fullName(), birth, original.gender(),
                random.nextDouble() < 0.85 ? phone() : null, family);
    }

    /** An account for register person {@code p}, with the variations in the class comment. */
    public Account accountFor(Person p) {
        return account(p, p.personalId(), Kind.PERSON);
    }

    /** An account of someone who is not in the register (built like a register person, then not indexed). */
    public Account absentPersonAccount() {
        Person ghost = person(-1);
        return account(ghost, null, Kind.ABSENT_PERSON);
    }

    public Account foreignerAccount() {
        String name = FOREIGN[random.nextInt(FOREIGN.length)];
        String passport = (char) ('A' + random.nextInt(26)) + String.format(Locale.ROOT, "%07d", random.nextInt(10_000_000));
        LocalDate birth = birthDate();
        return new Account(reference(), name, birth, random.nextBoolean() ? Gender.MALE : Gender.FEMALE, passport,
                "PASSPORT", random.nextBoolean() ? phone() : null, "user" + random.nextInt(100000) + "@gmail.com", null,
                Kind.FOREIGNER);
    }

    public Account testAccount() {
        String[] names = {"Test Test", "Tài khoản thử", "Nguyễn Văn Test", "Demo User", "Admin", "Người dùng thử"};
        return new Account(reference(), names[random.nextInt(names.length)], random.nextBoolean() ? birthDate() : null, null,
                null, null, random.nextBoolean() ? "0900000000" : null, "test" + random.nextInt(100) + "@example.com", null,
                Kind.TEST);
    }

    private Account account(Person p, String truth, Kind kind) {
        String idNumber = null;
        String idKind = null;
        double idRoll = random.nextDouble();
        if (idRoll < 0.45) {
            idNumber = p.personalId();
            idKind = "PERSONAL_ID";
            if (random.nextDouble() < 0.03) {
                idNumber = typoDigits(idNumber);
                idKind = PersonalId.looksLikePersonalId(idNumber) ? "PERSONAL_ID" : "INVALID";
            }
        } else if (idRoll < 0.70 && p.oldId() != null) {
            idNumber = p.oldId();
            idKind = "OLD_ID_CARD";
            if (random.nextDouble() < 0.03) {
                idNumber = typoDigits(idNumber);
            }
        }
        return new Account(reference(), accountName(p.fullName()), accountBirthDate(p.birthDate()),
                random.nextDouble() < 0.8 ? p.gender() : null, idNumber, idKind, accountPhone(p.phone()),
                random.nextDouble() < 0.3 ? "u" + random.nextInt(1_000_000) + "@gmail.com" : null, truth, kind);
    }

    private String accountName(String name) {
        double roll = random.nextDouble();
        if (roll < 0.35) {
            return fold(name);
        }
        if (roll < 0.38) {
            return Normalizer.normalize(name, Normalizer.Form.NFD);
        }
        if (roll < 0.40) {
            return name.toUpperCase(Locale.ROOT);
        }
        if (roll < 0.41) {
            String[] words = name.split(" ");
            if (words.length > 2) {
                return words[0] + " " + words[words.length - 1];
            }
        }
        if (roll < 0.425) {
            // a typo in the given name: one letter replaced in the folded form
            String folded = fold(name);
            int start = folded.lastIndexOf(' ') + 1;
            int at = start + random.nextInt(folded.length() - start);
            char replacement = (char) ('a' + random.nextInt(26));
            return folded.substring(0, at) + replacement + folded.substring(at + 1);
        }
        if (roll < 0.44) {
            // the other tone placement ("Hoà", "Thuý") that some keyboards produce
            return name.replace("òa", "oà").replace("óa", "oá").replace("úy", "uý").replace("ùy", "uỳ").replace("ủy", "uỷ");
        }
        return name;
    }

    private LocalDate accountBirthDate(LocalDate birth) {
        double roll = random.nextDouble();
        if (roll < 0.05) {
            return null;
        }
        if (roll < 0.08 && birth.getDayOfMonth() <= 12 && birth.getDayOfMonth() != birth.getMonthValue()) {
            return LocalDate.of(birth.getYear(), birth.getDayOfMonth(), birth.getMonthValue());
        }
        if (roll < 0.10) {
            return birth.withDayOfMonth(1 + (birth.getDayOfMonth() + random.nextInt(27)) % 28);
        }
        return birth;
    }

    private String accountPhone(String phone) {
        if (phone == null || random.nextDouble() < 0.35) {
            return null;
        }
        double roll = random.nextDouble();
        if (roll < 0.08) {
            return phone(); // the subscriber changed numbers
        }
        if (roll < 0.10) {
            // a mistyped digit, but not one that makes the number unparseable (the importer would drop it)
            String typo = typoDigits(phone);
            return typo.charAt(1) == phone.charAt(1) ? typo : phone;
        }
        if (roll < 0.30) {
            for (String[] renumbered : RENUMBERED) {
                if (phone.startsWith(renumbered[0])) {
                    return renumbered[1] + " " + phone.substring(3, 6) + " " + phone.substring(6);
                }
            }
        }
        if (roll < 0.45) {
            return "+84 " + phone.substring(1, 4) + "." + phone.substring(4, 7) + "." + phone.substring(7);
        }
        return phone;
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

    private String reference() {
        return "SYN/" + (++accountSerial);
    }

    private String family() {
        int pick = random.nextInt(familyTotal);
        for (int i = 0; i < FAMILY.length; i++) {
            pick -= FAMILY_WEIGHT[i];
            if (pick < 0) {
                return FAMILY[i];
            }
        }
        return FAMILY[0];
    }

    private String middle(Gender gender) {
        String[] options = gender == Gender.MALE ? MIDDLE_MALE : MIDDLE_FEMALE;
        // Văn and Thị dominate
        return random.nextDouble() < 0.4 ? options[0] : options[random.nextInt(options.length)];
    }

    private String given(Gender gender) {
        String[] options = gender == Gender.MALE ? GIVEN_MALE : GIVEN_FEMALE;
        return options[random.nextInt(options.length)];
    }

    private LocalDate birthDate() {
        return LocalDate.ofEpochDay(LocalDate.of(1950, 1, 1).toEpochDay() + random.nextInt(365 * 58));
    }

    private String personalId(LocalDate birth, Gender gender) {
        int centuryDigit = (birth.getYear() >= 2000 ? 2 : 0) + (gender == Gender.FEMALE ? 1 : 0);
        while (true) {
            String id = provinces[random.nextInt(provinces.length)] + centuryDigit
                    + String.format(Locale.ROOT, "%02d%06d", birth.getYear() % 100, random.nextInt(1_000_000));
            if (usedPersonalIds.add(id)) {
                return id;
            }
        }
    }

    private String oldId(LocalDate birth) {
        if (birth.getYear() > 1998 || random.nextDouble() < 0.35) {
            return null;
        }
        while (true) {
            String id = String.format(Locale.ROOT, "%09d", 10_000_000 + random.nextInt(390_000_000));
            if (usedOldIds.add(id)) {
                return id;
            }
        }
    }

    private String phone() {
        while (true) {
            String phone = MOBILE_PREFIXES[random.nextInt(MOBILE_PREFIXES.length)]
                    + String.format(Locale.ROOT, "%07d", random.nextInt(10_000_000));
            if (usedPhones.add(phone)) {
                return phone;
            }
        }
    }

    /** Drops diacritics and maps Đ/đ, as legacy systems without Vietnamese fonts stored names. */
    static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            out.append(c == 'đ' ? 'd' : c == 'Đ' ? 'D' : c);
        }
        return out.toString();
    }
}
