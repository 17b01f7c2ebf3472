package vn.portal.bridge.domain.model.link;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import vn.portal.bridge.domain.model.identity.PersonalId;
import vn.portal.bridge.domain.model.shared.ConflictingUpdateException;

/** Stored identity links. Each method is its own transaction; returned objects are detached copies. */
public interface IdentityLinkRepository {

    /**
     * Inserts a new link or stores the state change of a stored one (dispute, confirm, revoke).
     *
     * @return the stored state, with id and new version
     * @throws ConflictingUpdateException if the account already has a current link, or the link changed since it was read
     */
    IdentityLink store(IdentityLink link);

    /**
     * Inserts new ACTIVE links in JDBC batches, for the linking engine. A link whose account already has a
     * current link is skipped, not failed, and reported in the result; the rest are inserted in one transaction.
     */
    BatchInsertResult insertAll(List<IdentityLink> links);

    /**
     * Revokes the current link {@code currentLinkId} and stores {@code replacement} for the same account, in
     * one transaction (a reviewer's or a proven claim's decision overriding an earlier one).
     *
     * @throws ConflictingUpdateException if that link is no longer current or changed meanwhile
     * @throws IllegalArgumentException if the replacement is for another account
     */
    IdentityLink replace(long currentLinkId, long expectedVersion, IdentityLink replacement, String revokedBy, String reason,
            Instant at);

    Optional<IdentityLink> findById(long id);

    /** The ACTIVE or DISPUTED link holding the account, if any. */
    Optional<IdentityLink> findCurrentByAccount(long legacyAccountId);

    /** Every link the account ever had, oldest first. */
    List<IdentityLink> historyOfAccount(long legacyAccountId);

    /** Current links of one person with their accounts, by agency then account id: the citizen's dashboard. */
    List<LinkedAccount> findCurrentByPersonalId(PersonalId personalId);

    /**
     * Streams current links with their accounts in link-id order (keyset pages, bounded memory), optionally of
     * one agency: the links export. The action runs between page reads, outside any transaction.
     *
     * @return how many were passed to {@code action}
     */
    long forEachCurrent(String agencyCodeOrNull, Consumer<? super LinkedAccount> action);

    /** Number of current links per method, optionally of one agency; methods without links are absent. */
    Map<LinkMethod, Long> countCurrentByMethod(String agencyCodeOrNull);
}
