package vn.portal.bridge.domain.model.matching;

import java.time.LocalDate;
import java.util.List;

import vn.portal.bridge.domain.model.identity.Gender;
import vn.portal.bridge.domain.model.identity.OldIdNumber;
import vn.portal.bridge.domain.model.identity.PersonalId;
import vn.portal.bridge.domain.model.identity.PhoneNumber;
import vn.portal.bridge.domain.model.name.VietnameseName;

/** A small hand-made register of real-looking Vietnamese people, with twins and namesakes on purpose. */
final class Fixtures {

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

    private Fixtures() {
    }

    static List<PersonRecord> register() {
        return List.of(
                person(AN, "Nguyễn Văn An", "1990-03-15", Gender.MALE, "0912345678", "012345678"),
                // twin sisters: same family and middle name, same birth date, the parents' phone
                person(HOA, "Trần Thị Hoa", "1995-07-08", Gender.FEMALE, "0987654321", null),
                person(HONG, "Trần Thị Hồng", "1995-07-08", Gender.FEMALE, "0987654321", null),
                // twin brothers whose given names differ only in diacritics (Tú, Tư)
                person(TU, "Lê Văn Tú", "1988-02-10", Gender.MALE, "0905111222", "025111222"),
                person(TU_HORN, "Lê Văn Tư", "1988-02-10", Gender.MALE, "0905111333", "025111223"),
                // namesakes born the same year in different provinces
                person(HUNG_HANOI, "Nguyễn Văn Hùng", "1990-05-12", Gender.MALE, "0903111222", null),
                person(HUNG_HAIPHONG, "Nguyễn Văn Hùng", "1990-11-20", Gender.MALE, null, "031222333"),
                // namesakes born the same day
                person(LAN_NAMDINH, "Phạm Thị Lan", "1985-04-04", Gender.FEMALE, "0945000101", null),
                person(LAN_THANHHOA, "Phạm Thị Lan", "1985-04-04", Gender.FEMALE, "0945000202", null),
                person(HUONG, "Phạm Thị Thu Hương", "1992-11-05", Gender.FEMALE, "0366123456", null),
                person(BAO, "Đặng Quốc Bảo", "2001-01-09", Gender.MALE, "0339998877", null),
                person(THUY, "Huỳnh Thị Thúy", "1979-12-03", Gender.FEMALE, "0939000333", "361000333"));
    }

    static PersonRecord person(String pid, String name, String birth, Gender gender, String phone, String oldId) {
        PersonRecord.Builder builder = PersonRecord.builder(PersonalId.parse(pid)).name(VietnameseName.of(name))
                .birthDate(LocalDate.parse(birth)).gender(gender);
        if (phone != null) {
            builder.phone(PhoneNumber.parse(phone));
        }
        if (oldId != null) {
            builder.oldIdNumber(OldIdNumber.parse(oldId));
        }
        return builder.build();
    }

    static AccountRecord.Builder account(String reference, String name, String birth) {
        return AccountRecord.builder(reference)
                .name(name == null ? null : VietnameseName.of(name))
                .birthDate(birth == null ? null : LocalDate.parse(birth));
    }

    static Matcher matcher() {
        return new Matcher(RegisterIndex.of(register()), MatchingModel.loadDefault());
    }

    static PersonalId pid(String digits) {
        return PersonalId.parse(digits);
    }
}
