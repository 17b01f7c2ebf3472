package vn.portal.bridge.application;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import vn.portal.bridge.domain.model.audit.AuditEntry;
import vn.portal.bridge.domain.model.audit.AuditEventType;
import vn.portal.bridge.domain.model.citizen.CitizenIdentity;
import vn.portal.bridge.domain.model.citizen.CitizenIdentityRepository;
import vn.portal.bridge.domain.model.shared.ConflictingUpdateException;

/**
 * Use case: a citizen's identity was verified by the provider; find or create their identity, refresh it
 * from the claims and audit the sign-in.
 */
public class CitizenSignIn {

    /** Concurrent first sign-ins of one person on two nodes race on the unique personal ID; one retry suffices. */
    private static final int ATTEMPTS = 3;

    private final CitizenIdentityRepository identities;
    private final AuditLog auditLog;
    private final Clock clock;

    public CitizenSignIn(CitizenIdentityRepository identities, AuditLog auditLog, Clock clock) {
        this.identities = Objects.requireNonNull(identities, "identities");
        this.auditLog = Objects.requireNonNull(auditLog, "auditLog");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public CitizenIdentity recordSignIn(VerifiedCitizen claims) {
        return recordSignIn(claims, null);
    }

    /**
     * @param correlationId the request's correlation id, stored with the audit event; may be null
     * @return the stored identity after this sign-in
     */
    public CitizenIdentity recordSignIn(VerifiedCitizen claims, String correlationId) {
        Objects.requireNonNull(claims, "claims");
        Instant now = clock.instant();
        for (int attempt = 1; ; attempt++) {
            Optional<CitizenIdentity> existing = identities.findByPersonalId(claims.personalId());
            CitizenIdentity identity = existing.orElseGet(() -> new CitizenIdentity(claims.personalId(), claims.fullName(),
                    claims.birthDate(), claims.gender(), claims.assuranceLevel(), claims.providerSubject(), now));
            existing.ifPresent(known -> known.recordSignIn(claims.fullName(), claims.birthDate(), claims.gender(),
                    claims.assuranceLevel(), claims.providerSubject(), now));
            try {
                CitizenIdentity stored = identities.store(identity);
                auditLog.record(AuditEntry.success(AuditEventType.SIGN_IN_SUCCEEDED)
                        .withActor(claims.personalId().value())
                        .withTarget("citizen_identity/" + stored.id().orElseThrow())
                        .withCorrelationId(correlationId)
                        .withDetails((existing.isEmpty() ? "first sign-in" : "returning") + "; level "
                                + claims.assuranceLevel().number()
                                + (claims.providerSid() == null ? "" : "; sid present")));
                return stored;
            } catch (ConflictingUpdateException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}
