package vn.portal.bridge.domain.model.legacy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

import vn.portal.bridge.domain.model.identity.Gender;
import vn.portal.bridge.domain.model.identity.InvalidPhoneNumberException;
import vn.portal.bridge.domain.model.identity.PhoneNumber;
import vn.portal.bridge.domain.model.legacy.InvalidLegacyAccountException.Field;
import vn.portal.bridge.domain.model.name.InvalidNameException;
import vn.portal.bridge.domain.model.name.VietnameseName;

/**
 * One account of an agency's old system, identified by (agency code, account id). Immutable: a corrected
 * file replaces the row through {@link LegacyAccountRepository#upsert}, and only the linking engine's verdict
 * ({@link #unlinkableReason()}) is written afterwards, through the repository.
 *
 * <p>Raw values are kept as sent, next to their normalised forms, so a reviewer can see what the agency's
 * data actually said. A name, phone or id number that cannot be normalised is not an error here: the
 * normalised form is simply absent and the linking engine treats the field as unknown.
 */
@Entity
@Table(name = "legacy_account")
public class LegacyAccount {

    public static final int MAX_AGENCY_CODE = 32;
    public static final int MAX_ACCOUNT_ID = 100;
    public static final int MAX_USERNAME = 150;
    public static final int MAX_RAW_FULL_NAME = 300;
    public static final int MAX_RAW_PHONE = 40;
    public static final int MAX_EMAIL = 320;
    public static final int MAX_PASSWORD_HASH = 512;
    public static final int MAX_SOURCE_FILE = 500;
    public static final int MAX_UNLINKABLE_REASON = 32;

    private static final Pattern REASON_CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,31}");
    private static final char FIELD_SEPARATOR = '\u001f';

    @Id
    @Column(name = "id", nullable = false, updatable = false)
    private Long id;

    @Column(name = "agency_code", nullable = false, updatable = false)
    private String agencyCode;

    @Column(name = "account_id", nullable = false, updatable = false)
    private String accountId;

    @Column(name = "username")
    private String username;

    @Column(name = "raw_full_name")
    private String rawFullName;

    @Column(name = "full_name")
    private String fullName;

    @Column(name = "name_key")
    private String nameKey;

    @Column(name = "birth_date")
    private LocalDate birthDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "gender")
    private Gender gender;

    @Column(name = "raw_id_number")
    private String rawIdNumber;

    @Enumerated(EnumType.STRING)
    @Column(name = "id_number_kind", nullable = false)
    private IdNumberKind idNumberKind;

    @Column(name = "id_number")
    private String idNumber;

    @Column(name = "raw_phone")
    private String rawPhone;

    @Column(name = "phone")
    private String phone;

    @Column(name = "email")
    private String email;

    @Column(name = "password_hash")
    private String passwordHash;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "last_login_at")
    private Instant lastLoginAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    private AccountStatus status;

    @Column(name = "content_hash", nullable = false)
    private String contentHash;

    @Column(name = "imported_at", nullable = false)
    private Instant importedAt;

    @Column(name = "source_file")
    private String sourceFile;

    @Column(name = "source_line")
    private Integer sourceLine;

    @Column(name = "unlinkable_reason")
    private String unlinkableReason;

    /** {@link #fullName} parsed once; the linking engine asks for it for every streamed account. */
    @Transient
    private transient VietnameseName parsedName;

    protected LegacyAccount() {
        // for JPA
    }

    private LegacyAccount(Builder b) {
        this.id = b.id;
        this.agencyCode = b.agencyCode;
        this.accountId = b.accountId;
        this.username = b.username;
        this.rawFullName = b.rawFullName;
        this.birthDate = b.birthDate;
        this.gender = b.gender;
        this.rawPhone = b.rawPhone;
        this.email = b.email;
        this.passwordHash = b.passwordHash;
        this.createdAt = b.createdAt;
        this.lastLoginAt = b.lastLoginAt;
        this.status = b.status;
        this.importedAt = b.importedAt;
        this.sourceFile = b.sourceFile;
        this.sourceLine = b.sourceLine;
        this.unlinkableReason = b.unlinkableReason;
        if (b.stored) {
            this.fullName = b.fullName;
            this.nameKey = b.nameKey;
            this.rawIdNumber = b.idNumber.raw().orElse(null);
            this.idNumberKind = b.idNumber.kind();
            this.idNumber = b.idNumber.normalised().orElse(null);
            this.phone = b.phone;
            this.contentHash = b.contentHash;
        } else {
            VietnameseName name = parseName(rawFullName);
            this.fullName = name == null ? null : name.display();
            this.nameKey = name == null ? null : name.comparisonKey();
            LegacyIdNumber classified = LegacyIdNumber.classify(b.rawIdNumber);
            this.rawIdNumber = classified.raw().orElse(null);
            this.idNumberKind = classified.kind();
            this.idNumber = classified.normalised().orElse(null);
            this.phone = parsePhone(rawPhone);
            this.contentHash = fingerprint();
        }
    }

    /** Starts an account of {@code agencyCode} with the agency's own {@code accountId}; status defaults to ACTIVE. */
    public static Builder builder(String agencyCode, String accountId) {
        return new Builder(agencyCode, accountId);
    }

    /** Database id; empty until the account has been stored. */
    public Optional<Long> id() {
        return Optional.ofNullable(id);
    }

    public String agencyCode() {
        return agencyCode;
    }

    public String accountId() {
        return accountId;
    }

    public Optional<String> username() {
        return Optional.ofNullable(username);
    }

    /** The name as the agency sent it (NFC, trimmed). */
    public Optional<String> rawFullName() {
        return Optional.ofNullable(rawFullName);
    }

    /** The canonical name; empty when the raw name is missing or is not a name ("Test 01"). */
    public Optional<VietnameseName> fullName() {
        if (fullName == null) {
            return Optional.empty();
        }
        if (parsedName == null) {
            parsedName = VietnameseName.of(fullName);
        }
        return Optional.of(parsedName);
    }

    /** {@link VietnameseName#comparisonKey()} of the name, the blocking key of the linking engine. */
    public Optional<String> nameKey() {
        return Optional.ofNullable(nameKey);
    }

    public Optional<LocalDate> birthDate() {
        return Optional.ofNullable(birthDate);
    }

    public Optional<Gender> gender() {
        return Optional.ofNullable(gender);
    }

    public LegacyIdNumber idNumber() {
        return LegacyIdNumber.restore(rawIdNumber, idNumberKind, idNumber);
    }

    public IdNumberKind idNumberKind() {
        return idNumberKind;
    }

    /** The phone as sent. */
    public Optional<String> rawPhone() {
        return Optional.ofNullable(rawPhone);
    }

    /** The phone in national form; empty when missing or not a Vietnamese number. */
    public Optional<PhoneNumber> phone() {
        return phone == null ? Optional.empty() : Optional.of(PhoneNumber.parse(phone));
    }

    public Optional<String> email() {
        return Optional.ofNullable(email);
    }

    /** The self-describing hash (DESIGN.md §5), verified by the citizen's claim; never shown. */
    public Optional<String> passwordHash() {
        return Optional.ofNullable(passwordHash);
    }

    public Optional<Instant> createdAt() {
        return Optional.ofNullable(createdAt);
    }

    public Optional<Instant> lastLoginAt() {
        return Optional.ofNullable(lastLoginAt);
    }

    public AccountStatus status() {
        return status;
    }

    /** SHA-256 (hex) of the business fields; equal for the same row imported twice. */
    public String contentHash() {
        return contentHash;
    }

    /** When the current content was first stored; empty before storing. */
    public Optional<Instant> importedAt() {
        return Optional.ofNullable(importedAt);
    }

    public Optional<String> sourceFile() {
        return Optional.ofNullable(sourceFile);
    }

    public Optional<Integer> sourceLine() {
        return Optional.ofNullable(sourceLine);
    }

    /** The linking engine's reason code (e.g. NOT_IN_REGISTER) when it found nobody to link to. */
    public Optional<String> unlinkableReason() {
        return Optional.ofNullable(unlinkableReason);
    }

    /**
     * Checks an unlinkable reason code: upper-case letters, digits and underscores, at most 32 characters.
     *
     * @throws InvalidLegacyAccountException otherwise
     */
    public static String checkReasonCode(String reason) {
        if (reason == null || !REASON_CODE.matcher(reason).matches()) {
            throw new InvalidLegacyAccountException(Field.UNLINKABLE_REASON,
                    "unlinkable reason must be an upper-case code of at most 32 letters, digits and underscores, e.g. NOT_IN_REGISTER, but is '" + reason + "'");
        }
        return reason;
    }

    private String fingerprint() {
        StringBuilder text = new StringBuilder(256);
        for (Object value : new Object[] {agencyCode, accountId, username, rawFullName, birthDate, gender, rawIdNumber,
                rawPhone, email, passwordHash, createdAt, lastLoginAt, status}) {
            text.append(value == null ? "\u0000" : value.toString()).append(FIELD_SEPARATOR);
        }
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime must provide SHA-256", e);
        }
    }

    private static VietnameseName parseName(String raw) {
        if (raw == null) {
            return null;
        }
        try {
            return VietnameseName.of(raw);
        } catch (InvalidNameException e) {
            return null;
        }
    }

    private static String parsePhone(String raw) {
        if (raw == null) {
            return null;
        }
        try {
            return PhoneNumber.parse(raw).value();
        } catch (InvalidPhoneNumberException e) {
            return null;
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LegacyAccount that && that.agencyCode.equals(agencyCode) && that.accountId.equals(accountId);
    }

    @Override
    public int hashCode() {
        return 31 * agencyCode.hashCode() + accountId.hashCode();
    }

    @Override
    public String toString() {
        return "LegacyAccount[" + agencyCode + "/" + accountId + (id == null ? "" : ", id " + id) + "]";
    }

    /**
     * Collects the values of one account. Text is trimmed and NFC-normalised; blank text counts as absent.
     * {@link #build()} checks lengths and required fields and throws {@link InvalidLegacyAccountException}
     * naming the field.
     */
    public static final class Builder {

        private Long id;
        private final String agencyCode;
        private final String accountId;
        private String username;
        private String rawFullName;
        private LocalDate birthDate;
        private Gender gender;
        private String rawIdNumber;
        private String rawPhone;
        private String email;
        private String passwordHash;
        private Instant createdAt;
        private Instant lastLoginAt;
        private AccountStatus status = AccountStatus.ACTIVE;
        private Instant importedAt;
        private String sourceFile;
        private Integer sourceLine;
        private String unlinkableReason;
        private boolean stored;
        private String fullName;
        private String nameKey;
        private LegacyIdNumber idNumber;
        private String phone;
        private String contentHash;

        private Builder(String agencyCode, String accountId) {
            this.agencyCode = required(agencyCode, MAX_AGENCY_CODE, Field.AGENCY_CODE, "agency code");
            this.accountId = required(accountId, MAX_ACCOUNT_ID, Field.ACCOUNT_ID, "account id");
        }

        public Builder username(String value) {
            this.username = optional(value, MAX_USERNAME, Field.USERNAME, "username");
            return this;
        }

        public Builder fullName(String raw) {
            this.rawFullName = optional(raw, MAX_RAW_FULL_NAME, Field.FULL_NAME, "full name");
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

        /** The id number column as sent; classified by {@link LegacyIdNumber#classify(String)}. */
        public Builder idNumber(String raw) {
            this.rawIdNumber = raw;
            return this;
        }

        /** The phone as sent; normalised by {@link PhoneNumber#parse(String)} when it is a Vietnamese number. */
        public Builder phone(String raw) {
            this.rawPhone = optional(raw, MAX_RAW_PHONE, Field.PHONE, "phone");
            return this;
        }

        public Builder email(String value) {
            this.email = optional(value, MAX_EMAIL, Field.EMAIL, "email");
            return this;
        }

        public Builder passwordHash(String value) {
            this.passwordHash = optional(value, MAX_PASSWORD_HASH, Field.PASSWORD_HASH, "password hash");
            return this;
        }

        /** Stored with microsecond precision, like the TIMESTAMP(6) column. */
        public Builder createdAt(Instant value) {
            this.createdAt = value == null ? null : value.truncatedTo(ChronoUnit.MICROS);
            return this;
        }

        public Builder lastLoginAt(Instant value) {
            this.lastLoginAt = value == null ? null : value.truncatedTo(ChronoUnit.MICROS);
            return this;
        }

        public Builder status(AccountStatus value) {
            this.status = Objects.requireNonNull(value, "status");
            return this;
        }

        /** The file and 1-based line the row came from, so a reviewer can go back to the agency's data. */
        public Builder source(String file, int line) {
            if (line < 1) {
                throw new InvalidLegacyAccountException(Field.SOURCE, "source line must be 1 or more but is " + line);
            }
            this.sourceFile = optional(file, MAX_SOURCE_FILE, Field.SOURCE, "source file");
            this.sourceLine = line;
            return this;
        }

        /**
         * For repositories rebuilding a stored row: the stored id, import time and verdict, and the stored
         * normalised forms, which are taken as they are instead of being derived again (reading a million
         * rows for the linking engine must not re-parse every name).
         */
        public Builder stored(long storedId, Instant storedImportedAt, String storedUnlinkableReason, String storedFullName,
                String storedNameKey, LegacyIdNumber storedIdNumber, String storedPhone, String storedContentHash,
                String storedSourceFile, Integer storedSourceLine) {
            this.stored = true;
            this.id = storedId;
            this.importedAt = Objects.requireNonNull(storedImportedAt, "importedAt");
            this.unlinkableReason = storedUnlinkableReason;
            this.fullName = storedFullName;
            this.nameKey = storedNameKey;
            this.idNumber = Objects.requireNonNull(storedIdNumber, "idNumber");
            this.phone = storedPhone;
            this.contentHash = Objects.requireNonNull(storedContentHash, "contentHash");
            this.sourceFile = storedSourceFile;
            this.sourceLine = storedSourceLine;
            return this;
        }

        public LegacyAccount build() {
            return new LegacyAccount(this);
        }

        private static String required(String value, int max, Field field, String what) {
            String text = optional(value, max, field, what);
            if (text == null) {
                throw new InvalidLegacyAccountException(field, what + " is empty");
            }
            return text;
        }

        private static String optional(String value, int max, Field field, String what) {
            if (value == null || value.isBlank()) {
                return null;
            }
            String text = Normalizer.normalize(value.strip(), Normalizer.Form.NFC);
            if (text.length() > max) {
                throw new InvalidLegacyAccountException(field, what + " has " + text.length() + " characters; at most " + max + " fit");
            }
            return text;
        }
    }
}
