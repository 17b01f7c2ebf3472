package vn.portal.bridge.domain.model.link;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import vn.portal.bridge.domain.model.identity.PersonalId;

/**
 * A legacy account tied to the person with a personal ID, with how and why. While the link is ACTIVE or
 * DISPUTED, {@code current_account_id} repeats the account id, and a unique index on it makes a second
 * current link for the account impossible (see V2__legacy_accounts_and_links.sql).
 */
@Entity
@Table(name = "identity_link")
public class IdentityLink {

    /** Largest score NUMBER(9,4) holds. */
    public static final BigDecimal MAX_SCORE = new BigDecimal("99999.9999");
    public static final int MAX_ACTOR = 200;
    public static final int MAX_END_REASON = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "identity_link_seq")
    @SequenceGenerator(name = "identity_link_seq", sequenceName = "identity_link_seq", allocationSize = 50)
    private Long id;

    @Column(name = "personal_id", nullable = false, updatable = false, length = 12)
    private PersonalId personalId;

    @Column(name = "legacy_account_id", nullable = false, updatable = false)
    private long legacyAccountId;

    @Column(name = "current_account_id")
    private Long currentAccountId;

    @Enumerated(EnumType.STRING)
    @Column(name = "method", nullable = false, updatable = false)
    private LinkMethod method;

    @Column(name = "score", precision = 9, scale = 4, updatable = false)
    private BigDecimal score;

    @Lob
    @Column(name = "evidence", updatable = false)
    private String evidence;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false)
    private LinkState state;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Column(name = "ended_by")
    private String endedBy;

    @Column(name = "end_reason")
    private String endReason;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected IdentityLink() {
        // for JPA
    }

    /**
     * A new ACTIVE link.
     *
     * @param score        the Fellegi-Sunter total (log2 weights) for AUTO_SCORED, optional for other methods
     * @param evidenceJson the decision's evidence as JSON (which comparisons agreed, weights, thresholds)
     * @param createdBy    who decided: "linking-engine", "citizen:0010******45", "reviewer:..."
     */
    public IdentityLink(PersonalId personalId, long legacyAccountId, LinkMethod method, BigDecimal score, String evidenceJson,
            String createdBy, Instant createdAt) {
        this.personalId = Objects.requireNonNull(personalId, "personalId");
        if (legacyAccountId <= 0) {
            throw new IllegalArgumentException("legacy account id must be positive but is " + legacyAccountId);
        }
        this.legacyAccountId = legacyAccountId;
        this.method = Objects.requireNonNull(method, "method");
        if (method == LinkMethod.AUTO_SCORED && score == null) {
            throw new IllegalArgumentException("an AUTO_SCORED link needs its score");
        }
        this.score = score == null ? null : checkScore(score);
        if (method.isAutomatic() && (evidenceJson == null || evidenceJson.isBlank())) {
            throw new IllegalArgumentException("an automatic link (" + method + ") must carry its evidence");
        }
        this.evidence = evidenceJson == null || evidenceJson.isBlank() ? null : evidenceJson;
        this.createdBy = Texts.required(createdBy, MAX_ACTOR, "createdBy");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt").truncatedTo(ChronoUnit.MICROS);
        this.state = LinkState.ACTIVE;
        this.currentAccountId = legacyAccountId;
    }

    /** For repositories rebuilding a stored row read with plain JDBC. */
    public static IdentityLink restore(long id, PersonalId personalId, long legacyAccountId, LinkMethod method, BigDecimal score,
            String evidenceJson, LinkState state, String createdBy, Instant createdAt, Instant endedAt, String endedBy,
            String endReason, long version) {
        IdentityLink link = new IdentityLink();
        link.id = id;
        link.personalId = Objects.requireNonNull(personalId, "personalId");
        link.legacyAccountId = legacyAccountId;
        link.method = Objects.requireNonNull(method, "method");
        link.score = score;
        link.evidence = evidenceJson;
        link.state = Objects.requireNonNull(state, "state");
        link.currentAccountId = state.isCurrent() ? legacyAccountId : null;
        link.createdBy = createdBy;
        link.createdAt = createdAt;
        link.endedAt = endedAt;
        link.endedBy = endedBy;
        link.endReason = endReason;
        link.version = version;
        return link;
    }

    /**
     * The citizen says the account is not theirs. The link keeps holding the account until a reviewer
     * decides, so nobody else can be linked to it meanwhile.
     *
     * @throws IllegalLinkTransitionException unless the link is ACTIVE
     */
    public void dispute() {
        if (state != LinkState.ACTIVE) {
            throw new IllegalLinkTransitionException("only an ACTIVE link can be disputed; link " + id + " is " + state);
        }
        state = LinkState.DISPUTED;
    }

    /**
     * A reviewer rejected the dispute: the link is ACTIVE again.
     *
     * @throws IllegalLinkTransitionException unless the link is DISPUTED
     */
    public void confirm() {
        if (state != LinkState.DISPUTED) {
            throw new IllegalLinkTransitionException("only a DISPUTED link can be confirmed; link " + id + " is " + state);
        }
        state = LinkState.ACTIVE;
    }

    /**
     * Ends the link for good and frees the account for another link.
     *
     * @throws IllegalLinkTransitionException if it is already REVOKED
     */
    public void revoke(String by, String reason, Instant at) {
        if (state == LinkState.REVOKED) {
            throw new IllegalLinkTransitionException("link " + id + " is already REVOKED");
        }
        this.endedBy = Texts.required(by, MAX_ACTOR, "revoked by");
        this.endReason = Texts.required(reason, MAX_END_REASON, "revocation reason");
        this.endedAt = Objects.requireNonNull(at, "at").truncatedTo(ChronoUnit.MICROS);
        this.state = LinkState.REVOKED;
        this.currentAccountId = null;
    }

    private static BigDecimal checkScore(BigDecimal score) {
        BigDecimal scaled = score.setScale(4, RoundingMode.HALF_EVEN);
        if (scaled.abs().compareTo(MAX_SCORE) > 0) {
            throw new IllegalArgumentException("score " + score + " does not fit NUMBER(9,4)");
        }
        return scaled;
    }

    /** Database id; empty until stored. */
    public Optional<Long> id() {
        return Optional.ofNullable(id);
    }

    public PersonalId personalId() {
        return personalId;
    }

    public long legacyAccountId() {
        return legacyAccountId;
    }

    public LinkMethod method() {
        return method;
    }

    public Optional<BigDecimal> score() {
        return Optional.ofNullable(score);
    }

    /** The evidence JSON; present for every automatic link. */
    public Optional<String> evidence() {
        return Optional.ofNullable(evidence);
    }

    public LinkState state() {
        return state;
    }

    public boolean isCurrent() {
        return state.isCurrent();
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Optional<Instant> endedAt() {
        return Optional.ofNullable(endedAt);
    }

    public Optional<String> endedBy() {
        return Optional.ofNullable(endedBy);
    }

    public Optional<String> endReason() {
        return Optional.ofNullable(endReason);
    }

    public long version() {
        return version;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        return other instanceof IdentityLink that && id != null && id.equals(that.id);
    }

    @Override
    public int hashCode() {
        // Stable across persisting (the id appears then): links of one account share a bucket, which is rare.
        return Long.hashCode(legacyAccountId);
    }

    @Override
    public String toString() {
        return "IdentityLink[" + (id == null ? "new" : id) + ", account " + legacyAccountId + " -> " + personalId.masked()
                + ", " + method + ", " + state + "]";
    }
}
