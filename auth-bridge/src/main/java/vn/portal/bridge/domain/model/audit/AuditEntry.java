package vn.portal.bridge.domain.model.audit;

import java.text.Normalizer;
import java.util.Objects;

/**
 * What a caller wants recorded; the log adds time, position and hashes. Blank texts become null (Oracle
 * stores '' as NULL, and the hash must survive the round trip), texts are NFC-normalised and limited to
 * the column sizes so an oversized value fails here with a clear message rather than in the database.
 *
 * @param actor         who acted: a citizen's personal ID value, "system", a client id ...
 * @param target        what was acted on: "citizen_identity/123", a service code, a request path ...
 * @param reason        a short machine-readable cause, e.g. a rejection code such as ID_TOKEN_EXPIRED
 * @param correlationId ties the event to a request and to the error page the user saw
 * @param details       free text for humans; never secrets or tokens
 */
public record AuditEntry(AuditEventType type, AuditOutcome outcome, String actor, String target, String reason,
        String correlationId, String details) {

    public static final int MAX_ACTOR = 200;
    public static final int MAX_TARGET = 200;
    public static final int MAX_REASON = 200;
    public static final int MAX_CORRELATION_ID = 64;
    public static final int MAX_DETAILS = 20_000;

    public AuditEntry {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(outcome, "outcome");
        actor = clean(actor, "actor", MAX_ACTOR);
        target = clean(target, "target", MAX_TARGET);
        reason = clean(reason, "reason", MAX_REASON);
        correlationId = clean(correlationId, "correlationId", MAX_CORRELATION_ID);
        details = clean(details, "details", MAX_DETAILS);
    }

    public static AuditEntry success(AuditEventType type) {
        return new AuditEntry(type, AuditOutcome.SUCCESS, null, null, null, null, null);
    }

    public static AuditEntry failure(AuditEventType type, String reason) {
        return new AuditEntry(type, AuditOutcome.FAILURE, null, null, reason, null, null);
    }

    public AuditEntry withActor(String newActor) {
        return new AuditEntry(type, outcome, newActor, target, reason, correlationId, details);
    }

    public AuditEntry withTarget(String newTarget) {
        return new AuditEntry(type, outcome, actor, newTarget, reason, correlationId, details);
    }

    public AuditEntry withReason(String newReason) {
        return new AuditEntry(type, outcome, actor, target, newReason, correlationId, details);
    }

    public AuditEntry withCorrelationId(String newCorrelationId) {
        return new AuditEntry(type, outcome, actor, target, reason, newCorrelationId, details);
    }

    public AuditEntry withDetails(String newDetails) {
        return new AuditEntry(type, outcome, actor, target, reason, correlationId, newDetails);
    }

    private static String clean(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String normalised = Normalizer.normalize(value.strip(), Normalizer.Form.NFC);
        if (normalised.length() > max) {
            throw new IllegalArgumentException("audit " + field + " has " + normalised.length()
                    + " characters; at most " + max + " fit");
        }
        return normalised;
    }
}
