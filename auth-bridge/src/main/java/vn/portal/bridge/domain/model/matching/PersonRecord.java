package vn.portal.bridge.domain.model.matching;

import java.time.LocalDate;
import java.util.Optional;

import vn.portal.bridge.domain.model.identity.Gender;
import vn.portal.bridge.domain.model.identity.OldIdNumber;
import vn.portal.bridge.domain.model.identity.PersonalId;
import vn.portal.bridge.domain.model.identity.PhoneNumber;
import vn.portal.bridge.domain.model.name.VietnameseName;

/**
 * One person of the population register (or a signed-in identity vouched for by VNeID) as the matcher sees
 * it. The personal ID, name and birth date are required because the register always has them; the old ID
 * card number, gender and phone are optional. Immutable.
 */
public final class PersonRecord {

    final PersonalId personalId;
    final OldIdNumber oldIdNumber;
    final MatchName name;
    final LocalDate birthDate;
    final Gender gender;
    final PhoneNumber phone;

    private PersonRecord(Builder builder) {
        this.personalId = builder.personalId;
        this.oldIdNumber = builder.oldIdNumber;
        this.name = builder.name;
        this.birthDate = builder.birthDate;
        this.gender = builder.gender;
        this.phone = builder.phone;
    }

    public static Builder builder(PersonalId personalId) {
        return new Builder(personalId);
    }

    public PersonalId personalId() {
        return personalId;
    }

    public Optional<OldIdNumber> oldIdNumber() {
        return Optional.ofNullable(oldIdNumber);
    }

    public MatchName name() {
        return name;
    }

    public LocalDate birthDate() {
        return birthDate;
    }

    public Optional<Gender> gender() {
        return Optional.ofNullable(gender);
    }

    public Optional<PhoneNumber> phone() {
        return Optional.ofNullable(phone);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PersonRecord person && person.personalId.equals(personalId);
    }

    @Override
    public int hashCode() {
        return personalId.hashCode();
    }

    /** Masked personal ID only: the rest is personal data that does not belong in logs. */
    @Override
    public String toString() {
        return "PersonRecord[" + personalId.masked() + "]";
    }

    /** Collects the fields; {@link #build()} checks that the required ones are present. */
    public static final class Builder {

        private final PersonalId personalId;
        private OldIdNumber oldIdNumber;
        private MatchName name;
        private LocalDate birthDate;
        private Gender gender;
        private PhoneNumber phone;

        private Builder(PersonalId personalId) {
            if (personalId == null) {
                throw new InvalidMatchRecordException("a register person needs a personal ID");
            }
            this.personalId = personalId;
        }

        public Builder name(VietnameseName value) {
            this.name = value == null ? null : MatchName.of(value);
            return this;
        }

        public Builder birthDate(LocalDate value) {
            this.birthDate = value;
            return this;
        }

        public Builder gender(Gender value) {
            this.gender = value;
            return this;
        }

        public Builder oldIdNumber(OldIdNumber value) {
            this.oldIdNumber = value;
            return this;
        }

        public Builder phone(PhoneNumber value) {
            this.phone = value;
            return this;
        }

        /** @throws InvalidMatchRecordException when the name or the birth date is missing */
        public PersonRecord build() {
            if (name == null) {
                throw new InvalidMatchRecordException("register person " + personalId.masked() + " has no name");
            }
            if (birthDate == null) {
                throw new InvalidMatchRecordException("register person " + personalId.masked() + " has no birth date");
            }
            return new PersonRecord(this);
        }
    }
}
