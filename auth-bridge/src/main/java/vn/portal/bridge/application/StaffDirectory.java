package vn.portal.bridge.application;

import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

import vn.portal.bridge.domain.model.audit.AuditEntry;
import vn.portal.bridge.domain.model.audit.AuditEventType;
import vn.portal.bridge.domain.model.identity.PersonalId;
import vn.portal.bridge.domain.model.staff.StaffGrant;
import vn.portal.bridge.domain.model.staff.StaffGrantRepository;
import vn.portal.bridge.domain.model.staff.StaffRole;

/** Who is staff: roles come only from stored grants keyed by personal ID. */
public class StaffDirectory {

    private final StaffGrantRepository grants;
    private final AuditLog auditLog;
    private final Clock clock;

    public StaffDirectory(StaffGrantRepository grants, AuditLog auditLog, Clock clock) {
        this.grants = Objects.requireNonNull(grants, "grants");
        this.auditLog = Objects.requireNonNull(auditLog, "auditLog");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Every grant of this person (empty for ordinary citizens), in role then agency order. */
    public Set<StaffGrant> rolesOf(PersonalId personalId) {
        return Collections.unmodifiableSet(new LinkedHashSet<>(grants.findByPersonalId(personalId)));
    }

    public boolean isAdministrator(PersonalId personalId) {
        return rolesOf(personalId).stream().anyMatch(g -> g.role() == StaffRole.ADMINISTRATOR);
    }

    public boolean isOfficerOf(PersonalId personalId, String agencyCode) {
        return rolesOf(personalId).stream().anyMatch(g -> g.role() == StaffRole.AGENCY_OFFICER
                && g.agencyCode().filter(code -> code.equals(agencyCode)).isPresent());
    }

    /**
     * Grants a role and audits it.
     *
     * @param agencyCode required for officers, null for administrators
     * @param grantedBy  who grants it, recorded as the audit actor
     */
    public StaffGrant grant(PersonalId personalId, StaffRole role, String agencyCode, String grantedBy) {
        StaffGrant grant = grants.add(new StaffGrant(personalId, role, agencyCode, clock.instant(), grantedBy));
        auditLog.record(AuditEntry.success(AuditEventType.STAFF_GRANT_ADDED)
                .withActor(grantedBy)
                .withTarget(personalId.value())
                .withDetails(grant.toString()));
        return grant;
    }

    /** Revokes a role if held and audits it; false when there was nothing to revoke. */
    public boolean revoke(PersonalId personalId, StaffRole role, String agencyCode, String revokedBy) {
        boolean removed = grants.remove(personalId, role, agencyCode);
        if (removed) {
            auditLog.record(AuditEntry.success(AuditEventType.STAFF_GRANT_REMOVED)
                    .withActor(revokedBy)
                    .withTarget(personalId.value())
                    .withDetails(role + (agencyCode == null ? "" : " of " + agencyCode)));
        }
        return removed;
    }
}
