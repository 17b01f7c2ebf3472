package vn.portal.bridge.domain.model.staff;

import java.time.Instant;
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

import vn.portal.bridge.domain.model.identity.PersonalId;

/**
 * One role held by one person: administrator, or officer of a named agency. Staff sign in with VNeID like
 * everyone else; their roles come only from these grants, never from provider claims.
 */
@Entity
@Table(name = "staff_grant")
public class StaffGrant {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "staff_grant_seq")
    @SequenceGenerator(name = "staff_grant_seq", sequenceName = "staff_grant_seq", allocationSize = 50)
    private Long id;

    @Column(name = "personal_id", nullable = false, updatable = false)
    private PersonalId personalId;

    @Enumerated(EnumType.STRING)
    @Column(name = "role", nullable = false, updatable = false)
    private StaffRole role;

    @Column(name = "agency_code", updatable = false)
    private String agencyCode;

    @Column(name = "granted_at", nullable = false, updatable = false)
    private Instant grantedAt;

    @Column(name = "granted_by", nullable = false, updatable = false)
    private String grantedBy;

    protected StaffGrant() {
        // for JPA
    }

    /**
     * @param agencyCode required for {@link StaffRole#AGENCY_OFFICER}, must be null for {@link StaffRole#ADMINISTRATOR}
     * @param grantedBy who granted it (an administrator's masked personal ID, "demo-data", "migration-tool" ...)
     */
    public StaffGrant(PersonalId personalId, StaffRole role, String agencyCode, Instant grantedAt, String grantedBy) {
        this.personalId = Objects.requireNonNull(personalId, "personalId");
        this.role = Objects.requireNonNull(role, "role");
        String agency = agencyCode == null || agencyCode.isBlank() ? null : agencyCode.strip();
        if (role.requiresAgency() && agency == null) {
            throw new IllegalArgumentException("an " + role + " grant must name an agency");
        }
        if (!role.requiresAgency() && agency != null) {
            throw new IllegalArgumentException("an " + role + " grant must not name an agency but names " + agency);
        }
        if (grantedBy == null || grantedBy.isBlank()) {
            throw new IllegalArgumentException("grantedBy must not be blank");
        }
        this.agencyCode = agency;
        this.grantedAt = Objects.requireNonNull(grantedAt, "grantedAt");
        this.grantedBy = grantedBy.strip();
    }

    public Optional<Long> id() {
        return Optional.ofNullable(id);
    }

    public PersonalId personalId() {
        return personalId;
    }

    public StaffRole role() {
        return role;
    }

    /** The agency of an officer grant; empty for administrators. */
    public Optional<String> agencyCode() {
        return Optional.ofNullable(agencyCode);
    }

    public Instant grantedAt() {
        return grantedAt;
    }

    public String grantedBy() {
        return grantedBy;
    }

    /** Equal when they grant the same role over the same agency to the same person (the table's unique key). */
    @Override
    public boolean equals(Object other) {
        return other instanceof StaffGrant grant && grant.personalId.equals(personalId) && grant.role == role
                && Objects.equals(grant.agencyCode, agencyCode);
    }

    @Override
    public int hashCode() {
        return Objects.hash(personalId, role, agencyCode);
    }

    @Override
    public String toString() {
        return role + (agencyCode == null ? "" : " of " + agencyCode) + " for " + personalId.masked();
    }
}
