package vn.portal.bridge.domain.model.service;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import vn.portal.bridge.domain.model.identity.AssuranceLevel;

/** An online public service of one agency and the minimum assurance level a citizen needs to use it. */
@Entity
@Table(name = "public_service")
public class PublicService {

    @Id
    @Column(name = "code", length = 32)
    private String code;

    @Column(name = "agency_code", nullable = false)
    private String agencyCode;

    @Column(name = "name", nullable = false)
    private String name;

    @Column(name = "min_level", nullable = false)
    private AssuranceLevel minimumLevel;

    // NUMBER(1) 0/1: Oracle before 23 has no BOOLEAN column type.
    @Column(name = "vneid_integrated", nullable = false)
    private int vneidIntegrated;

    @Column(name = "integrated_on")
    private LocalDate integratedOn;

    protected PublicService() {
        // for JPA
    }

    /** {@code integratedOn} is required exactly when {@code vneidIntegrated} is true. */
    public PublicService(String code, String agencyCode, String name, AssuranceLevel minimumLevel,
            boolean vneidIntegrated, LocalDate integratedOn) {
        this.code = requireText(code, "service code");
        this.agencyCode = requireText(agencyCode, "agency code");
        this.name = requireText(name, "service name");
        this.minimumLevel = Objects.requireNonNull(minimumLevel, "minimumLevel");
        if (vneidIntegrated && integratedOn == null) {
            throw new IllegalArgumentException("service " + code + " is VNeID-integrated but has no integration date");
        }
        this.vneidIntegrated = vneidIntegrated ? 1 : 0;
        this.integratedOn = vneidIntegrated ? integratedOn : null;
    }

    public String code() {
        return code;
    }

    public String agencyCode() {
        return agencyCode;
    }

    public String name() {
        return name;
    }

    public AssuranceLevel minimumLevel() {
        return minimumLevel;
    }

    /** True when a session at {@code level} may open this service without stepping up. */
    public boolean acceptsLevel(AssuranceLevel level) {
        return level.satisfies(minimumLevel);
    }

    public boolean vneidIntegrated() {
        return vneidIntegrated == 1;
    }

    public Optional<LocalDate> integratedOn() {
        return Optional.ofNullable(integratedOn);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PublicService service && service.code.equals(code);
    }

    @Override
    public int hashCode() {
        return code.hashCode();
    }

    @Override
    public String toString() {
        return code + " " + name + " (level " + minimumLevel.number() + ")";
    }

    private static String requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return value.strip();
    }
}
