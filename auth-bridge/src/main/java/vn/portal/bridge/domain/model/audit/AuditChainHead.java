package vn.portal.bridge.domain.model.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The single row holding the id and hash of the latest audit event. Appenders lock it (SELECT ... FOR
 * UPDATE) so appends from every JVM form one chain; the verifier also uses it to notice a cut-off tail.
 */
@Entity
@Table(name = "audit_chain_head")
public class AuditChainHead {

    /** The only row's id. */
    public static final int SINGLETON_ID = 1;

    /** prev_hash of the first event. */
    public static final String GENESIS_HASH = "0".repeat(64);

    @Id
    @Column(name = "id")
    private int id;

    @Column(name = "last_id", nullable = false)
    private long lastId;

    @Column(name = "last_hash", nullable = false)
    private String lastHash;

    protected AuditChainHead() {
        // for JPA
    }

    /**
     * The head as a plain SQL reader found it (under the row's lock), for appenders that write events in JDBC
     * batches; the JPA path reads the entity instead.
     */
    public static AuditChainHead at(long lastId, String lastHash) {
        if (lastId < 0) {
            throw new IllegalArgumentException("the chain head's last id is never negative, not " + lastId);
        }
        if (lastHash == null || lastHash.length() != GENESIS_HASH.length()) {
            throw new IllegalArgumentException("the chain head's last hash must be 64 hex digits, not " + lastHash);
        }
        AuditChainHead head = new AuditChainHead();
        head.id = SINGLETON_ID;
        head.lastId = lastId;
        head.lastHash = lastHash;
        return head;
    }

    public long lastId() {
        return lastId;
    }

    public String lastHash() {
        return lastHash;
    }

    void advanceTo(AuditEvent event) {
        this.lastId = event.id();
        this.lastHash = event.hash();
    }
}
