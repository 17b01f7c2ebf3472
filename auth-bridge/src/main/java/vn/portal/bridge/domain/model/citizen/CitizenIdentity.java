package vn.portal.bridge.domain.model.citizen;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import vn.portal.bridge.domain.model.identity.AssuranceLevel;
import vn.portal.bridge.domain.model.identity.Gender;
import vn.portal.bridge.domain.model.identity.PersonalId;
import vn.portal.bridge.domain.model.name.VietnameseName;

/**
 * A citizen known to the portal because they signed in with VNeID at least once. The personal ID never
 * changes; name, birth date, gender, level and provider subject are refreshed from each sign-in because
 * the population register, not the portal, is their source of truth.
 */
@Entity
@Table(name = "citizen_identity")
public class CitizenIdentity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "citizen_identity_seq")
    @SequenceGenerator(name = "citizen_identity_seq", sequenceName = "citizen_identity_seq", allocationSize = 50)
    private Long id;

    @Column(name = "personal_id", nullable = false, updatable = false, length = 12)
    private PersonalId personalId;

    @Column(name = "full_name", nullable = false)
    private VietnameseName fullName;

    @Column(name = "birth_date")
    private LocalDate birthDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "gender")
    private Gender gender;

    @Column(name = "assurance_level", nullable = false)
    private AssuranceLevel assuranceLevel;

    @Column(name = "provider_subject", nullable = false)
    private String providerSubject;

    @Column(name = "first_sign_in_at", nullable = false, updatable = false)
    private Instant firstSignInAt;

    @Column(name = "last_sign_in_at", nullable = false)
    private Instant lastSignInAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected CitizenIdentity() {
        // for JPA
    }

    /** A citizen seen for the first time. Birth date and gender may be unknown (null). */
    public CitizenIdentity(PersonalId personalId, VietnameseName fullName, LocalDate birthDate, Gender gender,
            AssuranceLevel assuranceLevel, String providerSubject, Instant signedInAt) {
        this.personalId = Objects.requireNonNull(personalId, "personalId");
        this.firstSignInAt = Objects.requireNonNull(signedInAt, "signedInAt");
        recordSignIn(fullName, birthDate, gender, assuranceLevel, providerSubject, signedInAt);
    }

    /** Refreshes the asserted facts from a new sign-in. */
    public final void recordSignIn(VietnameseName fullName, LocalDate birthDate, Gender gender,
            AssuranceLevel assuranceLevel, String providerSubject, Instant signedInAt) {
        if (providerSubject == null || providerSubject.isBlank()) {
            throw new IllegalArgumentException("provider subject must not be blank");
        }
        this.fullName = Objects.requireNonNull(fullName, "fullName");
        this.birthDate = birthDate;
        this.gender = gender;
        this.assuranceLevel = Objects.requireNonNull(assuranceLevel, "assuranceLevel");
        this.providerSubject = providerSubject;
        this.lastSignInAt = Objects.requireNonNull(signedInAt, "signedInAt");
    }

    /** Database id; empty until the identity has been stored. */
    public Optional<Long> id() {
        return Optional.ofNullable(id);
    }

    public PersonalId personalId() {
        return personalId;
    }

    public VietnameseName fullName() {
        return fullName;
    }

    public Optional<LocalDate> birthDate() {
        return Optional.ofNullable(birthDate);
    }

    public Optional<Gender> gender() {
        return Optional.ofNullable(gender);
    }

    public AssuranceLevel assuranceLevel() {
        return assuranceLevel;
    }

    public String providerSubject() {
        return providerSubject;
    }

    public Instant firstSignInAt() {
        return firstSignInAt;
    }

    public Instant lastSignInAt() {
        return lastSignInAt;
    }

    /** Optimistic-lock version; grows by one with each stored change. */
    public long version() {
        return version;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CitizenIdentity identity && identity.personalId.equals(personalId);
    }

    @Override
    public int hashCode() {
        return personalId.hashCode();
    }

    @Override
    public String toString() {
        return "CitizenIdentity[" + personalId.masked() + ", level " + assuranceLevel.number() + "]";
    }
}
