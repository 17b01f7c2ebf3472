package vn.portal.bridge.application.selflink;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;

import vn.portal.bridge.application.AuditLog;
import vn.portal.bridge.application.ServiceCatalog;
import vn.portal.bridge.application.linking.LinkSuggestion;
import vn.portal.bridge.application.linking.LinkingEngine;
import vn.portal.bridge.domain.model.agency.Agency;
import vn.portal.bridge.domain.model.audit.AuditEntry;
import vn.portal.bridge.domain.model.audit.AuditEventType;
import vn.portal.bridge.domain.model.credential.ClaimAttemptRepository;
import vn.portal.bridge.domain.model.credential.ClaimLockedException;
import vn.portal.bridge.domain.model.credential.InvalidPasswordHashException;
import vn.portal.bridge.domain.model.credential.LegacyPasswordHash;
import vn.portal.bridge.domain.model.identity.PersonalId;
import vn.portal.bridge.domain.model.legacy.LegacyAccount;
import vn.portal.bridge.domain.model.legacy.LegacyAccountRepository;
import vn.portal.bridge.domain.model.link.IdentityLink;
import vn.portal.bridge.domain.model.link.IdentityLinkRepository;
import vn.portal.bridge.domain.model.link.LinkMethod;
import vn.portal.bridge.domain.model.link.LinkOwnershipException;
import vn.portal.bridge.domain.model.link.LinkState;
import vn.portal.bridge.domain.model.link.LinkedAccount;
import vn.portal.bridge.domain.model.link.ReviewItem;
import vn.portal.bridge.domain.model.link.ReviewItemRepository;
import vn.portal.bridge.domain.model.shared.ConflictingUpdateException;

/**
 * "Tài khoản cũ của tôi": what a signed-in citizen can see and do with legacy accounts. The caller passes the
 * personal ID of the signed-in session, never one taken from the request; every account or link id that
 * does come from the request is checked against that citizen here, on the server (a changed id must neither
 * reveal nor touch another citizen's data).
 */
public class CitizenSelfLinking {

    /** Issue 3: after 5 wrong passwords the claim is locked for 15 minutes. */
    public static final int MAX_FAILURES = 5;
    public static final Duration LOCK = Duration.ofMinutes(15);
    public static final int MAX_DISPUTE_REASON = ReviewItem.MAX_TEXT;

    private static final Logger LOG = Logger.getLogger(CitizenSelfLinking.class.getName());

    private final LegacyAccountRepository accounts;
    private final IdentityLinkRepository links;
    private final ReviewItemRepository reviews;
    private final ServiceCatalog catalog;
    private final LinkingEngine engine;
    private final ClaimAttemptRepository attempts;
    private final AuditLog audit;
    private final Clock clock;

    public CitizenSelfLinking(LegacyAccountRepository accounts, IdentityLinkRepository links, ReviewItemRepository reviews,
            ServiceCatalog catalog, LinkingEngine engine, ClaimAttemptRepository attempts, AuditLog audit, Clock clock) {
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.links = Objects.requireNonNull(links, "links");
        this.reviews = Objects.requireNonNull(reviews, "reviews");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.attempts = Objects.requireNonNull(attempts, "attempts");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The accounts currently (ACTIVE or DISPUTED) linked to the citizen, by agency then account id. */
    public List<MyLinkedAccount> linkedAccounts(PersonalId citizen) {
        Objects.requireNonNull(citizen, "citizen");
        Map<String, String> agencyNames = new HashMap<>();
        return links.findCurrentByPersonalId(citizen).stream().map(linked -> view(linked, agencyNames)).toList();
    }

    /**
     * Accounts the linking engine thinks may be the citizen's and that nobody holds yet, best first. An account
     * whose link to this citizen was revoked (a dispute upheld, a reviewer's correction) is not offered again:
     * a person decided it is not theirs.
     */
    public List<SuggestedAccount> suggestions(PersonalId citizen) {
        Objects.requireNonNull(citizen, "citizen");
        Map<String, String> agencyNames = new HashMap<>();
        Instant now = clock.instant();
        return engine.suggestionsFor(citizen).stream()
                .filter(s -> !revokedFor(citizen, s.legacyAccountId()))
                .map(s -> new SuggestedAccount(s, agencyName(s.agencyCode(), agencyNames), claimable(s.legacyAccountId()),
                        attempts.lockedUntil(citizen, s.legacyAccountId(), now).orElse(null)))
                .toList();
    }

    private boolean revokedFor(PersonalId citizen, long legacyAccountId) {
        return links.historyOfAccount(legacyAccountId).stream()
                .anyMatch(l -> l.personalId().equals(citizen) && l.state() == LinkState.REVOKED);
    }

    /**
     * The citizen proves an old password of a suggested account; on success the account is linked to them
     * (CITIZEN_PROOF, ACTIVE), an open review item of the account is resolved by that link, and the failure
     * count is forgotten.
     *
     * @return the new link as the citizen's list shows it
     * @throws NotYourAccountException if the account is not among the citizen's suggestions (whatever the reason)
     * @throws ClaimLockedException if 5 wrong passwords locked this claim less than 15 minutes ago
     * @throws WrongLegacyPasswordException if the password does not match
     * @throws ClaimNotPossibleException if the account has no usable hash or got linked meanwhile
     */
    public MyLinkedAccount claim(PersonalId citizen, long legacyAccountId, String password, String correlationId) {
        Objects.requireNonNull(citizen, "citizen");
        Objects.requireNonNull(password, "password");
        String target = "legacy_account/" + legacyAccountId;
        Optional<LinkSuggestion> suggestion = engine.suggestion(citizen, legacyAccountId)
                .filter(s -> !revokedFor(citizen, legacyAccountId));
        Optional<LegacyAccount> found = suggestion.isEmpty() ? Optional.empty() : accounts.findById(legacyAccountId);
        if (found.isEmpty()) {
            denied(citizen, target, "claim of an account not suggested to the citizen", correlationId);
            throw new NotYourAccountException("legacy account", legacyAccountId);
        }
        LegacyAccount account = found.get();
        LegacyPasswordHash hash = usableHash(citizen, account, target, correlationId);

        int charged;
        try {
            charged = attempts.charge(citizen, legacyAccountId, MAX_FAILURES, LOCK, clock.instant());
        } catch (ClaimLockedException locked) {
            record(AuditEntry.failure(AuditEventType.LEGACY_CLAIM_FAILED, "LOCKED"), citizen, target, correlationId,
                    "claim locked until " + locked.lockedUntil());
            throw locked;
        }
        if (!hash.matches(password)) {
            int left = Math.max(0, MAX_FAILURES - charged);
            record(AuditEntry.failure(AuditEventType.LEGACY_CLAIM_FAILED, "WRONG_PASSWORD"), citizen, target, correlationId,
                    "attempt " + charged + " of " + MAX_FAILURES + " (" + hash.scheme().prefix() + ")");
            if (left == 0) {
                record(AuditEntry.failure(AuditEventType.LEGACY_CLAIM_LOCKED, "TOO_MANY_FAILURES"), citizen, target,
                        correlationId, "claim locked for " + LOCK.toMinutes() + " minutes");
            }
            throw new WrongLegacyPasswordException(legacyAccountId, left);
        }
        attempts.clear(citizen, legacyAccountId);

        Instant now = clock.instant();
        IdentityLink link;
        try {
            link = links.store(new IdentityLink(citizen, legacyAccountId, LinkMethod.CITIZEN_PROOF,
                    BigDecimal.valueOf(suggestion.get().score()), suggestion.get().evidenceJson(), actor(citizen), now));
        } catch (ConflictingUpdateException e) {
            record(AuditEntry.failure(AuditEventType.LEGACY_CLAIM_FAILED, "ALREADY_LINKED"), citizen, target, correlationId,
                    "the account got a current link between the suggestion and the claim");
            throw new ClaimNotPossibleException(legacyAccountId, ClaimNotPossibleException.Reason.ALREADY_LINKED, null);
        }
        long linkId = link.id().orElseThrow();
        reviews.findOpenByAccount(legacyAccountId).ifPresent(item -> resolveByClaim(item, linkId, citizen, now));
        record(AuditEntry.success(AuditEventType.LEGACY_CLAIM_SUCCEEDED), citizen, target, correlationId,
                "agency " + account.agencyCode() + ", account " + account.accountId() + ", link " + linkId
                        + (hash.isWeak() ? ", weak legacy hash " + hash.scheme().prefix() : ""));
        return view(new LinkedAccount(link, account), new HashMap<>());
    }

    /**
     * The citizen says a link to them is wrong: the link becomes DISPUTED (it keeps holding the account so
     * nobody else is linked meanwhile) and a review item is opened with the citizen's reason.
     *
     * @throws NotYourAccountException if the link is not the citizen's current link
     * @throws IllegalArgumentException if the reason is blank or longer than {@value #MAX_DISPUTE_REASON} characters
     * @throws vn.portal.bridge.domain.model.link.IllegalLinkTransitionException if the link is already disputed
     */
    public ReviewItem dispute(PersonalId citizen, long linkId, String reason, String correlationId) {
        Objects.requireNonNull(citizen, "citizen");
        String target = "identity_link/" + linkId;
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a dispute needs the citizen's reason");
        }
        if (reason.strip().length() > MAX_DISPUTE_REASON) {
            throw new IllegalArgumentException("the dispute reason has " + reason.strip().length() + " characters; at most "
                    + MAX_DISPUTE_REASON + " fit");
        }
        ReviewItem item;
        try {
            item = reviews.openDispute(linkId, citizen, reason, actor(citizen), clock.instant());
        } catch (LinkOwnershipException e) {
            denied(citizen, target, "dispute of a link that is not the citizen's", correlationId);
            throw new NotYourAccountException("link", linkId);
        }
        record(AuditEntry.success(AuditEventType.LINK_DISPUTED), citizen, target, correlationId,
                "review item " + item.id().orElseThrow() + " opened for legacy account " + item.legacyAccountId());
        return item;
    }

    private LegacyPasswordHash usableHash(PersonalId citizen, LegacyAccount account, String target, String correlationId) {
        long id = account.id().orElseThrow();
        String stored = account.passwordHash().orElse(null);
        if (stored == null) {
            record(AuditEntry.failure(AuditEventType.LEGACY_CLAIM_FAILED, "NO_PASSWORD_HASH"), citizen, target, correlationId, null);
            throw new ClaimNotPossibleException(id, ClaimNotPossibleException.Reason.NO_PASSWORD_HASH, null);
        }
        try {
            return LegacyPasswordHash.parse(stored);
        } catch (InvalidPasswordHashException e) {
            record(AuditEntry.failure(AuditEventType.LEGACY_CLAIM_FAILED, "UNUSABLE_PASSWORD_HASH"), citizen, target,
                    correlationId, e.getMessage());
            throw new ClaimNotPossibleException(id, ClaimNotPossibleException.Reason.UNUSABLE_PASSWORD_HASH, e.getMessage());
        }
    }

    private boolean claimable(long legacyAccountId) {
        return accounts.findById(legacyAccountId).flatMap(LegacyAccount::passwordHash).map(stored -> {
            try {
                LegacyPasswordHash.parse(stored);
                return true;
            } catch (InvalidPasswordHashException e) {
                return false;
            }
        }).orElse(false);
    }

    private void resolveByClaim(ReviewItem item, long linkId, PersonalId citizen, Instant at) {
        try {
            item.resolveLinked(linkId, actor(citizen), "the citizen proved the legacy account's password", at);
            reviews.store(item);
        } catch (RuntimeException e) {
            // The link stands; a reviewer will find the item resolved by someone else or can close it by hand.
            LOG.warning(() -> "Could not close review item " + item.id().orElse(null) + " after a claim: " + e.getMessage());
        }
    }

    private MyLinkedAccount view(LinkedAccount linked, Map<String, String> agencyNames) {
        IdentityLink link = linked.link();
        LegacyAccount account = linked.account();
        return new MyLinkedAccount(link.id().orElseThrow(), link.legacyAccountId(), account.agencyCode(),
                agencyName(account.agencyCode(), agencyNames), account.accountId(), account.username().orElse(null),
                link.method(), link.state(), link.createdAt(), link.evidence().orElse(null));
    }

    private String agencyName(String code, Map<String, String> cache) {
        return cache.computeIfAbsent(code, c -> catalog.agency(c).map(Agency::name).orElse(c));
    }

    private void denied(PersonalId citizen, String target, String details, String correlationId) {
        record(AuditEntry.failure(AuditEventType.SELF_LINK_DENIED, "NOT_OWNER"), citizen, target, correlationId, details);
    }

    private void record(AuditEntry entry, PersonalId citizen, String target, String correlationId, String details) {
        audit.record(entry.withActor(citizen.value()).withTarget(target).withCorrelationId(correlationId).withDetails(details));
    }

    /** Who created a link or opened an item, as stored: never the full personal ID outside the audit log. */
    private static String actor(PersonalId citizen) {
        return "citizen:" + citizen.masked();
    }
}
