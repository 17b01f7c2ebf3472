package vn.portal.bridge.application.linking;

import java.util.Optional;

import vn.portal.bridge.domain.model.citizen.CitizenIdentity;
import vn.portal.bridge.domain.model.legacy.LegacyAccount;
import vn.portal.bridge.domain.model.legacy.LegacyIdNumber;
import vn.portal.bridge.domain.model.matching.AccountRecord;
import vn.portal.bridge.domain.model.matching.PersonRecord;
import vn.portal.bridge.domain.model.population.PopulationRecord;

/** Maps stored entities to the matcher's plain records: the one place that knows both vocabularies. */
final class MatchRecords {

    private MatchRecords() {
    }

    /** "BHXH/000123". */
    static String reference(LegacyAccount account) {
        return account.agencyCode() + "/" + account.accountId();
    }

    static AccountRecord account(LegacyAccount account) {
        AccountRecord.Builder record = AccountRecord.builder(reference(account))
                .name(account.fullName().orElse(null))
                .birthDate(account.birthDate().orElse(null))
                .gender(account.gender().orElse(null))
                .phone(account.phone().orElse(null))
                .email(account.email().orElse(null));
        LegacyIdNumber id = account.idNumber();
        switch (id.kind()) {
            case PERSONAL_ID -> record.personalId(id.personalId().orElseThrow());
            case OLD_ID_CARD -> record.oldIdNumber(id.oldIdNumber().orElseThrow());
            case PASSPORT -> record.passportNumber(id.normalised().orElseThrow());
            case INVALID -> record.invalidIdNumber(id.raw().orElse(null));
            case MISSING -> {
                // nothing to compare
            }
        }
        return record.build();
    }

    /**
     * A signed-in citizen as the matcher sees them, from the facts VNeID asserted; empty without a birth date
     * (the matcher needs one for every person).
     */
    static Optional<PersonRecord> person(CitizenIdentity identity) {
        if (identity.birthDate().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(PersonRecord.builder(identity.personalId())
                .name(identity.fullName())
                .birthDate(identity.birthDate().get())
                .gender(identity.gender().orElse(null))
                .build());
    }

    static PersonRecord person(PopulationRecord person) {
        return PersonRecord.builder(person.personalId())
                .name(person.fullName())
                .birthDate(person.birthDate())
                .gender(person.gender())
                .oldIdNumber(person.oldIdNumber().orElse(null))
                .phone(person.phone().orElse(null))
                .build();
    }
}
