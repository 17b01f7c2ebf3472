package vn.portal.bridge.domain.model.population;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import vn.portal.bridge.domain.model.identity.Gender;
import vn.portal.bridge.domain.model.identity.OldIdNumber;
import vn.portal.bridge.domain.model.identity.PersonalId;
import vn.portal.bridge.domain.model.identity.PhoneNumber;
import vn.portal.bridge.domain.model.name.VietnameseName;

/**
 * One person of the population register: the authoritative facts the linking engine compares legacy
 * accounts against. Immutable; a newer extract replaces the record through
 * {@link PopulationRecordRepository#upsert}.
 */
@Entity
@Table(name = "population_record")
public class PopulationRecord {

    @Id
    @Column(name = "personal_id", nullable = false, updatable = false, length = 12)
    private PersonalId personalId;

    @Column(name = "old_id_number", length = 9)
    private String oldIdNumber;

    @Column(name = "full_name", nullable = false)
    private VietnameseName fullName;

    @Column(name = "name_key", nullable = false)
    private String nameKey;

    @Column(name = "birth_date", nullable = false)
    private LocalDate birthDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "gender", nullable = false)
    private Gender gender;

    @Column(name = "phone", length = 11)
    private String phone;

    @Column(name = "content_hash", nullable = false)
    private String contentHash;

    @Column(name = "imported_at", nullable = false)
    private Instant importedAt;

    protected PopulationRecord() {
        // for JPA
    }

    /**
     * A register record. The birth year and gender must agree with digits 4-6 of the personal ID: the
     * register assigns the number from them, so a record that contradicts its own number is corrupt.
     *
     * @param oldIdNumber the person's old CMND number, or null
     * @param phone       the phone the register holds, or null
     * @throws vn.portal.bridge.domain.model.identity.IdentityInconsistencyException if birth date or gender contradict the personal ID
     */
    public PopulationRecord(PersonalId personalId, OldIdNumber oldIdNumber, VietnameseName fullName, LocalDate birthDate,
            Gender gender, PhoneNumber phone) {
        this.personalId = Objects.requireNonNull(personalId, "personalId");
        this.fullName = Objects.requireNonNull(fullName, "fullName");
        this.birthDate = Objects.requireNonNull(birthDate, "birthDate");
        this.gender = Objects.requireNonNull(gender, "gender");
        personalId.checkConsistentWith(birthDate, gender);
        this.oldIdNumber = oldIdNumber == null ? null : oldIdNumber.value();
        this.phone = phone == null ? null : phone.value();
        this.nameKey = fullName.comparisonKey();
        this.contentHash = fingerprint();
    }

    /**
     * For repositories rebuilding a stored record: takes the stored name key, hash and import time as they
     * are instead of deriving them again.
     */
    public static PopulationRecord restore(PersonalId personalId, String oldIdNumber, VietnameseName fullName, String nameKey,
            LocalDate birthDate, Gender gender, String phone, String contentHash, Instant importedAt) {
        PopulationRecord record = new PopulationRecord();
        record.personalId = Objects.requireNonNull(personalId, "personalId");
        record.oldIdNumber = oldIdNumber;
        record.fullName = Objects.requireNonNull(fullName, "fullName");
        record.nameKey = Objects.requireNonNull(nameKey, "nameKey");
        record.birthDate = Objects.requireNonNull(birthDate, "birthDate");
        record.gender = Objects.requireNonNull(gender, "gender");
        record.phone = phone;
        record.contentHash = Objects.requireNonNull(contentHash, "contentHash");
        record.importedAt = importedAt;
        return record;
    }

    public PersonalId personalId() {
        return personalId;
    }

    public Optional<OldIdNumber> oldIdNumber() {
        return oldIdNumber == null ? Optional.empty() : Optional.of(OldIdNumber.parse(oldIdNumber));
    }

    public VietnameseName fullName() {
        return fullName;
    }

    /** {@link VietnameseName#comparisonKey()} of the name. */
    public String nameKey() {
        return nameKey;
    }

    public LocalDate birthDate() {
        return birthDate;
    }

    public Gender gender() {
        return gender;
    }

    public Optional<PhoneNumber> phone() {
        return phone == null ? Optional.empty() : Optional.of(PhoneNumber.parse(phone));
    }

    /** SHA-256 (hex) of the facts; equal for the same record imported twice. */
    public String contentHash() {
        return contentHash;
    }

    /** When the current content was stored; empty for a record not (yet) from the local extract. */
    public Optional<Instant> importedAt() {
        return Optional.ofNullable(importedAt);
    }

    private String fingerprint() {
        String text = personalId.value() + '\u001f' + (oldIdNumber == null ? "\u0000" : oldIdNumber) + '\u001f'
                + fullName.display() + '\u001f' + birthDate + '\u001f' + gender + '\u001f' + (phone == null ? "\u0000" : phone);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime must provide SHA-256", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PopulationRecord that && that.personalId.equals(personalId) && that.contentHash.equals(contentHash);
    }

    @Override
    public int hashCode() {
        return personalId.hashCode();
    }

    @Override
    public String toString() {
        return "PopulationRecord[" + personalId.masked() + "]";
    }
}
