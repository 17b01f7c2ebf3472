package vn.portal.bridge.domain.model.matching;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

import vn.portal.bridge.domain.model.identity.Gender;
import vn.portal.bridge.domain.model.identity.OldIdNumber;
import vn.portal.bridge.domain.model.identity.PersonalId;
import vn.portal.bridge.domain.model.identity.PhoneNumber;
import vn.portal.bridge.domain.model.name.VietnameseName;

/**
 * One agency's legacy account as the matcher sees it: every field is optional because legacy systems kept
 * whatever the citizen typed. The id number column arrives already classified by the importer (a valid
 * personal ID, an old ID card number, a passport number, or unusable text whose digits are still worth a
 * typo comparison). Immutable.
 */
public final class AccountRecord {

    final String reference;
    final MatchName name;
    final LocalDate birthDate;
    final Gender gender;
    final PersonalId personalId;
    /** The valid personal ID's digits, or twelve digits that failed personal ID validation (a typo). */
    final String twelveDigits;
    final OldIdNumber oldIdNumber;
    final String passportNumber;
    final PhoneNumber phone;
    final String email;

    private AccountRecord(Builder builder) {
        this.reference = builder.reference;
        this.name = builder.name;
        this.birthDate = builder.birthDate;
        this.gender = builder.gender;
        this.personalId = builder.personalId;
        this.twelveDigits = builder.personalId != null ? builder.personalId.value() : builder.invalidTwelveDigits;
        this.oldIdNumber = builder.oldIdNumber;
        this.passportNumber = builder.passportNumber;
        this.phone = builder.phone;
        this.email = builder.email;
    }

    /**
     * @param reference how the caller names this account in decisions, e.g. "BHXH/000123" (agency code and
     *                  account id); never interpreted
     */
    public static Builder builder(String reference) {
        return new Builder(reference);
    }

    public String reference() {
        return reference;
    }

    public Optional<MatchName> name() {
        return Optional.ofNullable(name);
    }

    public Optional<LocalDate> birthDate() {
        return Optional.ofNullable(birthDate);
    }

    public Optional<Gender> gender() {
        return Optional.ofNullable(gender);
    }

    public Optional<PersonalId> personalId() {
        return Optional.ofNullable(personalId);
    }

    public Optional<OldIdNumber> oldIdNumber() {
        return Optional.ofNullable(oldIdNumber);
    }

    public Optional<String> passportNumber() {
        return Optional.ofNullable(passportNumber);
    }

    public Optional<PhoneNumber> phone() {
        return Optional.ofNullable(phone);
    }

    public Optional<String> email() {
        return Optional.ofNullable(email);
    }

    @Override
    public String toString() {
        return "AccountRecord[" + reference + "]";
    }

    /** Collects the fields of one account; at most one id number kind may be set. */
    public static final class Builder {

        private final String reference;
        private MatchName name;
        private LocalDate birthDate;
        private Gender gender;
        private PersonalId personalId;
        private String invalidTwelveDigits;
        private OldIdNumber oldIdNumber;
        private String passportNumber;
        private PhoneNumber phone;
        private String email;
        private String idKindSet;

        private Builder(String reference) {
            if (reference == null || reference.isBlank()) {
                throw new InvalidMatchRecordException("an account record needs a reference (agency code and account id)");
            }
            this.reference = reference;
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

        public Builder phone(PhoneNumber value) {
            this.phone = value;
            return this;
        }

        /** Kept for the test-account patterns; not compared, the register has no e-mail addresses. */
        public Builder email(String value) {
            this.email = value == null || value.isBlank() ? null : value.strip().toLowerCase(Locale.ROOT);
            return this;
        }

        public Builder personalId(PersonalId value) {
            if (value != null) {
                idKind("personal ID");
                this.personalId = value;
            }
            return this;
        }

        public Builder oldIdNumber(OldIdNumber value) {
            if (value != null) {
                idKind("old ID card number");
                this.oldIdNumber = value;
            }
            return this;
        }

        /** A passport number, compact and upper case as the importer classified it. */
        public Builder passportNumber(String value) {
            if (value != null && !value.isBlank()) {
                idKind("passport number");
                this.passportNumber = value.strip();
            }
            return this;
        }

        /**
         * An id number that is none of the valid kinds. When its digits (separators dropped) are exactly
         * twelve it is kept for a one-edit comparison with register personal IDs: a mistyped province code
         * makes a real personal ID invalid, and the rest of the number is still evidence.
         */
        public Builder invalidIdNumber(String raw) {
            if (raw != null && !raw.isBlank()) {
                idKind("invalid id number");
                String folded = Normalizer.normalize(raw, Normalizer.Form.NFKC);
                StringBuilder digits = new StringBuilder(12);
                for (int i = 0; i < folded.length(); i++) {
                    char c = folded.charAt(i);
                    if (c >= '0' && c <= '9') {
                        digits.append(c);
                    } else if (!(Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '.' || c == '-')) {
                        digits.setLength(0);
                        break;
                    }
                }
                this.invalidTwelveDigits = digits.length() == 12 ? digits.toString() : null;
            }
            return this;
        }

        private void idKind(String kind) {
            if (idKindSet != null) {
                throw new InvalidMatchRecordException("account " + reference + " already has a " + idKindSet
                        + "; one id number column cannot also hold a " + kind);
            }
            idKindSet = kind;
        }

        public AccountRecord build() {
            return new AccountRecord(this);
        }
    }
}
