package vn.portal.bridge.domain.model.agency;

import java.util.Objects;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A government agency, identified by a short code such as "BTP" or "UBND-HN". */
@Entity
@Table(name = "agency")
public class Agency {

    @Id
    @Column(name = "code", length = 32)
    private String code;

    @Column(name = "name", nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false)
    private AgencyKind kind;

    @Column(name = "parent_code")
    private String parentCode;

    @Column(name = "supervisor")
    private String supervisor;

    protected Agency() {
        // for JPA
    }

    public Agency(String code, String name, AgencyKind kind, String parentCode, String supervisor) {
        this.code = requireText(code, "agency code");
        this.name = requireText(name, "agency name");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.parentCode = parentCode == null || parentCode.isBlank() ? null : parentCode.strip();
        this.supervisor = supervisor == null || supervisor.isBlank() ? null : supervisor.strip();
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public AgencyKind kind() {
        return kind;
    }

    /** Code of the agency this one belongs to, e.g. a Sở under its provincial people's committee. */
    public Optional<String> parentCode() {
        return Optional.ofNullable(parentCode);
    }

    /** The body that supervises this agency's migration to VNeID. */
    public Optional<String> supervisor() {
        return Optional.ofNullable(supervisor);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Agency agency && agency.code.equals(code);
    }

    @Override
    public int hashCode() {
        return code.hashCode();
    }

    @Override
    public String toString() {
        return code + " " + name;
    }

    static String requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return value.strip();
    }
}
