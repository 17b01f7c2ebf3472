package vn.portal.bridge.domain.model.session;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import vn.portal.bridge.domain.model.identity.AssuranceLevel;
import vn.portal.bridge.domain.model.identity.PersonalId;

/**
 * A signed-in portal session. The key is a random opaque value the portal keeps in the HTTP session;
 * the provider's session id ({@code sid}) and subject ({@code sub}) let a back-channel logout find it.
 */
@Entity
@Table(name = "portal_session")
public class PortalSession {

    @Id
    @Column(name = "session_key", length = 64)
    private String sessionKey;

    @Column(name = "provider_sid")
    private String providerSid;

    @Column(name = "provider_subject", nullable = false, updatable = false)
    private String providerSubject;

    @Column(name = "personal_id", nullable = false, updatable = false)
    private PersonalId personalId;

    @Column(name = "assurance_level", nullable = false, updatable = false)
    private AssuranceLevel assuranceLevel;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "last_seen_at", nullable = false)
    private Instant lastSeenAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "end_reason")
    private SessionEndReason endReason;

    protected PortalSession() {
        // for JPA
    }

    /** @param providerSid the ID token's {@code sid} claim; null when the provider sends none */
    public PortalSession(String sessionKey, PersonalId personalId, AssuranceLevel assuranceLevel,
            String providerSubject, String providerSid, Instant createdAt) {
        if (sessionKey == null || sessionKey.length() < 16 || sessionKey.length() > 64) {
            throw new IllegalArgumentException("session key must have 16 to 64 characters");
        }
        if (providerSubject == null || providerSubject.isBlank()) {
            throw new IllegalArgumentException("provider subject must not be blank");
        }
        this.sessionKey = sessionKey;
        this.personalId = Objects.requireNonNull(personalId, "personalId");
        this.assuranceLevel = Objects.requireNonNull(assuranceLevel, "assuranceLevel");
        this.providerSubject = providerSubject;
        this.providerSid = providerSid == null || providerSid.isBlank() ? null : providerSid;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.lastSeenAt = createdAt;
    }

    public String sessionKey() {
        return sessionKey;
    }

    public Optional<String> providerSid() {
        return Optional.ofNullable(providerSid);
    }

    public String providerSubject() {
        return providerSubject;
    }

    public PersonalId personalId() {
        return personalId;
    }

    public AssuranceLevel assuranceLevel() {
        return assuranceLevel;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant lastSeenAt() {
        return lastSeenAt;
    }

    public Optional<Instant> endedAt() {
        return Optional.ofNullable(endedAt);
    }

    public Optional<SessionEndReason> endReason() {
        return Optional.ofNullable(endReason);
    }

    public boolean isActive() {
        return endedAt == null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PortalSession session && session.sessionKey.equals(sessionKey);
    }

    @Override
    public int hashCode() {
        return sessionKey.hashCode();
    }

    /** Without the key: it is a bearer secret. */
    @Override
    public String toString() {
        return "PortalSession[" + personalId.masked() + ", level " + assuranceLevel.number()
                + (endedAt == null ? ", active" : ", ended " + endReason) + "]";
    }
}
