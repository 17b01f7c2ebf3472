package vn.portal.bridge.application.imports;

import java.time.LocalDate;
import java.util.List;

import vn.portal.bridge.domain.model.identity.Gender;
import vn.portal.bridge.domain.model.identity.IdentityInconsistencyException;
import vn.portal.bridge.domain.model.identity.InvalidOldIdNumberException;
import vn.portal.bridge.domain.model.identity.InvalidPersonalIdException;
import vn.portal.bridge.domain.model.identity.InvalidPhoneNumberException;
import vn.portal.bridge.domain.model.identity.OldIdNumber;
import vn.portal.bridge.domain.model.identity.PersonalId;
import vn.portal.bridge.domain.model.identity.PhoneNumber;
import vn.portal.bridge.domain.model.legacy.UpsertCounts;
import vn.portal.bridge.domain.model.name.InvalidNameException;
import vn.portal.bridge.domain.model.name.VietnameseName;
import vn.portal.bridge.domain.model.population.PopulationRecord;
import vn.portal.bridge.domain.model.population.PopulationRecordRepository;

/**
 * Rows of population.csv: {@code personal_id,old_id_number,full_name,birth_date,gender,phone}. The register is
 * authoritative, so every value must be valid: a record the linking engine cannot trust is rejected, not kept
 * half-parsed.
 */
final class PopulationRows implements RowHandler<PopulationRecord> {

    private final PopulationRecordRepository records;
    private final LocalDate today;

    PopulationRows(PopulationRecordRepository records, LocalDate today) {
        this.records = records;
        this.today = today;
    }

    @Override
    public PopulationRecord map(CsvRow row) {
        String personalIdText = Fields.required("personal_id", row.get("personal_id"));
        PersonalId personalId;
        try {
            personalId = PersonalId.parse(personalIdText);
        } catch (InvalidPersonalIdException e) {
            throw new RowRejectedException("personal_id", RowErrorCode.BAD_PERSONAL_ID, e.getMessage(), personalIdText);
        }
        OldIdNumber oldId = null;
        String oldText = row.get("old_id_number");
        if (oldText != null) {
            try {
                oldId = OldIdNumber.parse(oldText);
            } catch (InvalidOldIdNumberException e) {
                throw new RowRejectedException("old_id_number", RowErrorCode.BAD_OLD_ID_NUMBER, e.getMessage(), oldText);
            }
        }
        VietnameseName name;
        try {
            name = VietnameseName.of(Fields.required("full_name", row.get("full_name")));
        } catch (InvalidNameException e) {
            throw new RowRejectedException("full_name", RowErrorCode.BAD_NAME, e.getMessage());
        }
        LocalDate birthDate = Fields.birthDate("birth_date", Fields.required("birth_date", row.get("birth_date")), today);
        Gender gender = Fields.gender("gender", Fields.required("gender", row.get("gender")));
        PhoneNumber phone = null;
        String phoneText = row.get("phone");
        if (phoneText != null) {
            try {
                phone = PhoneNumber.parse(phoneText);
            } catch (InvalidPhoneNumberException e) {
                throw new RowRejectedException("phone", RowErrorCode.BAD_PHONE, e.getMessage(), phoneText);
            }
        }
        try {
            return new PopulationRecord(personalId, oldId, name, birthDate, gender, phone);
        } catch (IdentityInconsistencyException e) {
            throw new RowRejectedException(e.fields().contains(IdentityInconsistencyException.Field.GENDER)
                    && !e.fields().contains(IdentityInconsistencyException.Field.BIRTH_YEAR) ? "gender" : "birth_date", RowErrorCode.INCONSISTENT_IDENTITY, e.getMessage());
        }
    }

    @Override
    public UpsertCounts store(List<PopulationRecord> batch) {
        return records.upsert(batch);
    }
}
