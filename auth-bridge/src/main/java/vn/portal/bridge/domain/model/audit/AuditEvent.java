package vn.portal.bridge.domain.model.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/**
 * One audit event, immutable once written. Its {@link #hash()} is SHA-256 over the previous event's hash
 * and this event's canonical fields, so changing, inserting or deleting a stored event breaks the chain
 * at that point. This detects edits made without the application's help; someone who can rewrite every
 * later row and the chain head could still forge a consistent chain, which is why operators should copy
 * the head hash elsewhere from time to time.
 */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

    private static final String CANONICAL_VERSION = "vneid-portal-audit-v1";

    /** Position in the chain: 1, 2, 3 ... without gaps. */
    @Id
    @Column(name = "id")
    private long id;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "event_type", nullable = false, updatable = false)
    private AuditEventType type;

    @Enumerated(EnumType.STRING)
    @Column(name = "outcome", nullable = false, updatable = false)
    private AuditOutcome outcome;

    @Column(name = "actor", updatable = false)
    private String actor;

    @Column(name = "target", updatable = false)
    private String target;

    @Column(name = "reason", updatable = false)
    private String reason;

    @Column(name = "correlation_id", updatable = false)
    private String correlationId;

    @Lob
    @Basic(fetch = FetchType.EAGER)
    @Column(name = "details", updatable = false)
    private String details;

    @Column(name = "prev_hash", nullable = false, updatable = false)
    private String previousHash;

    @Column(name = "hash", nullable = false, updatable = false)
    private String hash;

    protected AuditEvent() {
        // for JPA
    }

    private AuditEvent(long id, Instant occurredAt, AuditEntry entry, String previousHash) {
        this.id = id;
        this.occurredAt = occurredAt;
        this.type = entry.type();
        this.outcome = entry.outcome();
        this.actor = entry.actor();
        this.target = entry.target();
        this.reason = entry.reason();
        this.correlationId = entry.correlationId();
        this.details = entry.details();
        this.previousHash = previousHash;
        this.hash = computeHash();
    }

    /**
     * Creates the event that follows {@code head} and moves the head to it. The caller must hold the
     * head's row lock until the event is stored, or two appenders could claim the same position.
     * The time is truncated to milliseconds so it survives any TIMESTAMP column unchanged.
     */
    public static AuditEvent append(AuditChainHead head, AuditEntry entry, Instant occurredAt) {
        Objects.requireNonNull(entry, "entry");
        AuditEvent event = new AuditEvent(head.lastId() + 1, occurredAt.truncatedTo(ChronoUnit.MILLIS), entry,
                head.lastHash());
        head.advanceTo(event);
        return event;
    }

    /**
     * SHA-256, lower-case hex, over the UTF-8 bytes of: a version tag, then id, occurred_at (epoch
     * milliseconds), event_type, outcome, actor, target, reason, correlation_id, details and prev_hash,
     * each written as {@code <length>:<text>;} or {@code -1:;} for null so no two field lists collide.
     */
    public String computeHash() {
        StringBuilder canonical = new StringBuilder(256).append(CANONICAL_VERSION).append('\n');
        for (String field : new String[] {Long.toString(id), Long.toString(occurredAt.toEpochMilli()), type.name(),
                outcome.name(), actor, target, reason, correlationId, details, previousHash}) {
            if (field == null) {
                canonical.append("-1:;");
            } else {
                canonical.append(field.length()).append(':').append(field).append(';');
            }
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }

    public long id() {
        return id;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public AuditEventType type() {
        return type;
    }

    public AuditOutcome outcome() {
        return outcome;
    }

    public Optional<String> actor() {
        return Optional.ofNullable(actor);
    }

    public Optional<String> target() {
        return Optional.ofNullable(target);
    }

    public Optional<String> reason() {
        return Optional.ofNullable(reason);
    }

    public Optional<String> correlationId() {
        return Optional.ofNullable(correlationId);
    }

    public Optional<String> details() {
        return Optional.ofNullable(details);
    }

    public String previousHash() {
        return previousHash;
    }

    public String hash() {
        return hash;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AuditEvent event && event.id == id && event.hash.equals(hash);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id);
    }

    @Override
    public String toString() {
        return "AuditEvent#" + id + "[" + type + " " + outcome + (reason == null ? "" : " " + reason) + "]";
    }
}
