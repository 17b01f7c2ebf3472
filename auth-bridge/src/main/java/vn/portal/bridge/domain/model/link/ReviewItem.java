package vn.portal.bridge.domain.model.link;

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

/**
 * A legacy account waiting for a reviewer, with the candidates the engine considered and the evidence for
 * each (JSON written by the matching package). While OPEN, {@code open_account_id} repeats the account id and
 * a unique index keeps a second OPEN item for the same account out, so re-running the engine is harmless.
 */
@Entity
@Table(name = "review_item")
public class ReviewItem {

    public static final int MAX_ACTOR = 200;
    public static final int MAX_TEXT = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "review_item_seq")
    @SequenceGenerator(name = "review_item_seq", sequenceName = "review_item_seq", allocationSize = 50)
    private Long id;

    @Column(name = "legacy_account_id", nullable = false, updatable = false)
    private long legacyAccountId;

    @Column(name = "open_account_id")
    private Long openAccountId;

    @Enumerated(EnumType.STRING)
    @Column(name = "cause", nullable = false, updatable = false)
    private ReviewCause cause;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    private ReviewStatus status;

    @Lob
    @Column(name = "candidates", updatable = false)
    private String candidates;

    @Column(name = "note", updatable = false)
    private String note;

    @Column(name = "disputed_link_id", updatable = false)
    private Long disputedLinkId;

    @Column(name = "opened_at", nullable = false, updatable = false)
    private Instant openedAt;

    @Column(name = "opened_by", nullable = false, updatable = false)
    private String openedBy;

    @Column(name = "reviewer")
    private String reviewer;

    @Column(name = "reviewed_at")
    private Instant reviewedAt;

    @Column(name = "reason")
    private String reason;

    @Column(name = "resolved_link_id")
    private Long resolvedLinkId;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected ReviewItem() {
        // for JPA
    }

    /**
     * An OPEN item.
     *
     * @param candidatesJson the candidates with their evidence (JSON); required except for a disputed link
     * @param note           why, in words (e.g. the citizen's dispute text); optional
     * @param disputedLinkId the disputed link for {@link ReviewCause#DISPUTED_LINK}, else null
     * @param openedBy       "linking-engine", "citizen:0010******45", ...
     */
    public ReviewItem(long legacyAccountId, ReviewCause cause, String candidatesJson, String note, Long disputedLinkId,
            String openedBy, Instant openedAt) {
        if (legacyAccountId <= 0) {
            throw new IllegalArgumentException("legacy account id must be positive but is " + legacyAccountId);
        }
        this.cause = Objects.requireNonNull(cause, "cause");
        if ((cause == ReviewCause.DISPUTED_LINK) != (disputedLinkId != null)) {
            throw new IllegalArgumentException("a disputed link id is required for DISPUTED_LINK items and only for them");
        }
        if (cause != ReviewCause.DISPUTED_LINK && (candidatesJson == null || candidatesJson.isBlank())) {
            throw new IllegalArgumentException("a " + cause + " review item must carry its candidates and evidence");
        }
        this.legacyAccountId = legacyAccountId;
        this.openAccountId = legacyAccountId;
        this.candidates = candidatesJson == null || candidatesJson.isBlank() ? null : candidatesJson;
        this.note = Texts.optional(note, MAX_TEXT, "note");
        this.disputedLinkId = disputedLinkId;
        this.openedBy = Texts.required(openedBy, MAX_ACTOR, "openedBy");
        this.openedAt = Objects.requireNonNull(openedAt, "openedAt").truncatedTo(ChronoUnit.MICROS);
        this.status = ReviewStatus.OPEN;
    }

    /**
     * The reviewer linked the account; {@code linkId} is the link now holding it (a new REVIEWED link, or
     * the disputed link confirmed).
     *
     * @throws IllegalLinkTransitionException unless the item is OPEN
     */
    public void resolveLinked(long linkId, String reviewer, String reason, Instant at) {
        close(ReviewStatus.RESOLVED_LINKED, reviewer, reason, at);
        this.resolvedLinkId = linkId;
    }

    /**
     * The reviewer decided the account belongs to none of the candidates (or upheld the dispute).
     *
     * @throws IllegalLinkTransitionException unless the item is OPEN
     */
    public void resolveRejected(String reviewer, String reason, Instant at) {
        close(ReviewStatus.RESOLVED_REJECTED, reviewer, reason, at);
    }

    private void close(ReviewStatus outcome, String by, String why, Instant at) {
        if (status != ReviewStatus.OPEN) {
            throw new IllegalLinkTransitionException("review item " + id + " is already " + status);
        }
        this.reviewer = Texts.required(by, MAX_ACTOR, "reviewer");
        this.reason = Texts.required(why, MAX_TEXT, "review reason");
        this.reviewedAt = Objects.requireNonNull(at, "at").truncatedTo(ChronoUnit.MICROS);
        this.status = outcome;
        this.openAccountId = null;
    }

    public Optional<Long> id() {
        return Optional.ofNullable(id);
    }

    public long legacyAccountId() {
        return legacyAccountId;
    }

    public ReviewCause cause() {
        return cause;
    }

    public ReviewStatus status() {
        return status;
    }

    public boolean isOpen() {
        return status == ReviewStatus.OPEN;
    }

    /** The candidates and their evidence as JSON; empty only for a disputed link. */
    public Optional<String> candidates() {
        return Optional.ofNullable(candidates);
    }

    public Optional<String> note() {
        return Optional.ofNullable(note);
    }

    public Optional<Long> disputedLinkId() {
        return Optional.ofNullable(disputedLinkId);
    }

    public Instant openedAt() {
        return openedAt;
    }

    public String openedBy() {
        return openedBy;
    }

    public Optional<String> reviewer() {
        return Optional.ofNullable(reviewer);
    }

    public Optional<Instant> reviewedAt() {
        return Optional.ofNullable(reviewedAt);
    }

    public Optional<String> reason() {
        return Optional.ofNullable(reason);
    }

    public Optional<Long> resolvedLinkId() {
        return Optional.ofNullable(resolvedLinkId);
    }

    public long version() {
        return version;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        return other instanceof ReviewItem that && id != null && id.equals(that.id);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(legacyAccountId);
    }

    @Override
    public String toString() {
        return "ReviewItem[" + (id == null ? "new" : id) + ", account " + legacyAccountId + ", " + cause + ", " + status + "]";
    }
}
