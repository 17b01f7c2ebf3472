package vn.portal.bridge.domain.model.legacy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import vn.portal.bridge.domain.model.shared.ConflictingUpdateException;

/**
 * Stored legacy accounts. Built for bulk work: importers upsert batches of a few thousand rows, the linking
 * engine streams millions in id order. Each method is its own transaction; returned objects are detached.
 */
public interface LegacyAccountRepository {

    /**
     * Inserts new accounts and updates changed ones, matched by (agency code, account id), in one transaction.
     * An account whose content hash equals the stored one is not written at all (re-importing a file changes
     * nothing); a changed account gets its new content, a new import time and source, and loses its
     * unlinkable verdict so the engine looks at it again. Rows of one batch are applied in order, so a key
     * repeated within the batch counts as an insert followed by an update.
     *
     * @throws ConflictingUpdateException if another writer kept inserting the same keys concurrently
     * @throws UnknownAgencyException if a row names an agency that is not stored (nothing of the batch is written)
     */
    UpsertCounts upsert(List<LegacyAccount> batch);

    Optional<LegacyAccount> findById(long id);

    Optional<LegacyAccount> findByKey(String agencyCode, String accountId);

    /** Accounts whose normalised id number column holds {@code normalisedIdNumber} (a personal ID, an old CMND or a passport). */
    List<LegacyAccount> findByIdNumber(String normalisedIdNumber);

    /** Accounts with this name key and a birth date in {@code birthYear}; the self-linking page's candidates. */
    List<LegacyAccount> findByNameKeyAndBirthYear(String nameKey, int birthYear);

    /**
     * Streams the selected accounts in ascending id order to {@code action} without keeping them: memory use
     * does not grow with the number of rows. Rows are read in keyset pages (id greater than the last one seen),
     * each page in its own short transaction, and the action runs between reads, outside any transaction: it
     * may write links, review items or verdicts, and a row it changes is never returned twice or skipped.
     *
     * @return how many accounts were passed to {@code action}
     */
    long forEach(AccountSelection selection, Consumer<? super LegacyAccount> action);

    /**
     * Lowest and highest id of the selection and how many accounts it holds, in one pass (for undecided accounts
     * each row costs two index probes), to cut it into ranges for parallel partitions; empty if none.
     */
    Optional<IdRange> idRange(AccountSelection selection);

    long count(AccountSelection selection);

    /**
     * Records the linking engine's verdicts (account id -> reason code such as NOT_IN_REGISTER) in one batch.
     *
     * @return how many accounts were updated
     */
    int markUnlinkable(Map<Long, String> reasonsByAccountId);

    /** Removes the unlinkable verdict of the given accounts (e.g. after the register gained new people). */
    int clearUnlinkable(List<Long> accountIds);

    /** Inclusive range of ids and the number of selected accounts in it. */
    record IdRange(long lowest, long highest, long count) {
        public IdRange {
            if (highest < lowest) {
                throw new IllegalArgumentException("empty id range " + lowest + ".." + highest);
            }
            if (count < 1 || count - 1 > highest - lowest) {
                throw new IllegalArgumentException(count + " accounts cannot have ids " + lowest + ".." + highest);
            }
        }
    }
}
