package vn.portal.bridge.application.linking;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import vn.portal.bridge.application.AuditLog;
import vn.portal.bridge.domain.model.audit.AuditEntry;
import vn.portal.bridge.domain.model.audit.AuditEventType;
import vn.portal.bridge.domain.model.audit.AuditOutcome;
import vn.portal.bridge.domain.model.agency.Agency;
import vn.portal.bridge.domain.model.agency.AgencyRepository;
import vn.portal.bridge.domain.model.citizen.CitizenIdentityRepository;
import vn.portal.bridge.domain.model.identity.PersonalId;
import vn.portal.bridge.domain.model.legacy.AccountSelection;
import vn.portal.bridge.domain.model.legacy.LegacyAccount;
import vn.portal.bridge.domain.model.legacy.LegacyAccountRepository;
import vn.portal.bridge.domain.model.link.BatchInsertResult;
import vn.portal.bridge.domain.model.link.IdentityLink;
import vn.portal.bridge.domain.model.link.IdentityLinkRepository;
import vn.portal.bridge.domain.model.link.LinkMethod;
import vn.portal.bridge.domain.model.link.ReviewCause;
import vn.portal.bridge.domain.model.link.ReviewItem;
import vn.portal.bridge.domain.model.link.ReviewItemRepository;
import vn.portal.bridge.domain.model.matching.AccountRecord;
import vn.portal.bridge.domain.model.matching.CandidateEvidence;
import vn.portal.bridge.domain.model.matching.Decision;
import vn.portal.bridge.domain.model.matching.Matcher;
import vn.portal.bridge.domain.model.matching.MatchingModel;
import vn.portal.bridge.domain.model.matching.Outcome;
import vn.portal.bridge.domain.model.matching.PersonRecord;
import vn.portal.bridge.domain.model.matching.RegisterIndex;
import vn.portal.bridge.domain.model.matching.ReviewReason;
import vn.portal.bridge.domain.model.population.PopulationRecord;
import vn.portal.bridge.domain.model.population.PopulationRecordRepository;
import vn.portal.bridge.domain.model.population.PopulationRegister;
import vn.portal.bridge.domain.model.shared.ConflictingUpdateException;

/**
 * The one linking engine (DESIGN.md §2, data flow 2): legacy accounts -> matcher -> identity links, review
 * items or unlinkable verdicts, each with its evidence and audit events. Used by the CLI {@code link}, the
 * Jakarta Batch job {@code link-accounts} and the citizen's self-linking page.
 *
 * <p>A run reads only undecided accounts (no link or review item in any state, no unlinkable verdict), so
 * re-running is idempotent, and an account whose link a person revoked or disputed, or whose review a person
 * rejected, is never linked again automatically: the engine never undoes a person's decision on its own. It
 * never creates a second current link for an account: the repositories skip accounts that got one meanwhile,
 * and the unique index on {@code identity_link.current_account_id} refuses the rest, whatever runs at the
 * same time on other threads or JVMs.
 *
 * <p>Audit strategy: per chunk, in one append (the chain-head lock is taken once), one {@code LINK_CREATED}
 * event per link actually inserted, one {@code LINK_REVIEW_OPENED} event per review item actually opened, and
 * one {@code LINK_BATCH} event with the chunk's counts (unlinkable per reason, no match, errors) and a
 * SHA-256 digest over every decision written (account, outcome, person, score, evidence hash), so a later
 * change to a stored link or its evidence no longer matches what the chain recorded. Unlinkable verdicts and
 * no-match accounts get no event of their own: they grant nobody access, are re-derivable and are counted in
 * the batch event; a million-account run stays at one audit append per chunk.
 *
 * <p>Thread-safe: the engine holds no mutable state; each run and each batch partition keeps its own tally.
 */
public class LinkingEngine {

    /** The actor recorded on links, review items and audit events the engine creates. */
    public static final String ACTOR = "linking-engine";

    private static final Logger LOG = Logger.getLogger(LinkingEngine.class.getName());
    /** Below this many accounts a chunk is decided on the calling thread: forking costs more than it saves. */
    private static final int PARALLEL_THRESHOLD = 256;
    private static final Comparator<PersonRecord> BY_PERSONAL_ID = Comparator.comparing(person -> person.personalId().value());

    private final AgencyRepository agencies;
    private final LegacyAccountRepository accounts;
    private final PopulationRecordRepository registerExtract;
    private final PopulationRegister register;
    private final CitizenIdentityRepository identities;
    private final IdentityLinkRepository links;
    private final ReviewItemRepository reviews;
    private final AuditLog audit;
    private final MatchingModel model;
    private final Clock clock;

    public LinkingEngine(AgencyRepository agencies, LegacyAccountRepository accounts, PopulationRecordRepository registerExtract,
            PopulationRegister register, CitizenIdentityRepository identities, IdentityLinkRepository links,
            ReviewItemRepository reviews, AuditLog audit, MatchingModel model, Clock clock) {
        this.agencies = Objects.requireNonNull(agencies, "agencies");
        this.identities = Objects.requireNonNull(identities, "identities");
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.registerExtract = Objects.requireNonNull(registerExtract, "registerExtract");
        this.register = Objects.requireNonNull(register, "register");
        this.links = Objects.requireNonNull(links, "links");
        this.reviews = Objects.requireNonNull(reviews, "reviews");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.model = Objects.requireNonNull(model, "model");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public MatchingModel model() {
        return model;
    }

    /**
     * Reads the whole register extract into the matcher's in-memory index. Expensive (about a million people
     * a few seconds and a few hundred MB of heap): load once per run, share between partitions of one JVM.
     */
    public Matcher loadMatcher() {
        long started = System.nanoTime();
        List<PersonRecord> people = new ArrayList<>();
        long[] skipped = {0};
        registerExtract.scan(person -> {
            try {
                people.add(MatchRecords.person(person));
            } catch (RuntimeException e) {
                skipped[0]++;
                LOG.warning(() -> "register record " + person + " cannot be matched against: " + e.getMessage());
            }
        });
        // The scan comes in table order; in personal-ID order the index, and so every decision and its evidence,
        // is the same whichever order the database returned the rows in.
        PersonRecord[] sorted = people.toArray(PersonRecord[]::new);
        Arrays.parallelSort(sorted, BY_PERSONAL_ID);
        RegisterIndex index = RegisterIndex.of(Arrays.asList(sorted), sorted.length);
        long millis = (System.nanoTime() - started) / 1_000_000;
        LOG.info(() -> "register index of " + index.size() + " people built in " + millis + " ms"
                + (skipped[0] > 0 ? " (" + skipped[0] + " unusable records left out)" : ""));
        return new Matcher(index, model);
    }

    /** Loads the register and runs, without progress reports; see {@link #run(LinkingOptions, ProgressListener)}. */
    public LinkingSummary run(LinkingOptions options) {
        return run(options, ProgressListener.NONE);
    }

    /**
     * Loads the register and runs (see {@link #run(Matcher, LinkingOptions, ProgressListener)}). The undecided
     * accounts are counted while the register loads: each is a pass over a table (seconds apiece for a million rows
     * on H2), so deciding starts as soon as the index is built. The summary's elapsed time includes the load.
     */
    public LinkingSummary run(LinkingOptions options, ProgressListener progress) {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(progress, "progress");
        long started = System.nanoTime();
        CompletableFuture<Optional<LegacyAccountRepository.IdRange>> undecided =
                CompletableFuture.supplyAsync(() -> accounts.idRange(undecided(options)));
        Matcher matcher = loadMatcher();
        progress.registerLoaded(matcher.index().size(), Duration.ofNanos(System.nanoTime() - started));
        Optional<LegacyAccountRepository.IdRange> range;
        try {
            range = undecided.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        LinkingSummary summary = run(matcher, options, progress, started, range);
        LOG.info(() -> summary.report());
        return summary;
    }

    /**
     * Decides every undecided account of the selection in id order, in chunks, and records the decisions
     * (or only counts them when {@code options.dryRun()}).
     */
    public LinkingSummary run(Matcher matcher, LinkingOptions options, ProgressListener progress) {
        Objects.requireNonNull(options, "options");
        long started = System.nanoTime();
        return run(matcher, options, progress, started, accounts.idRange(undecided(options)));
    }

    private static AccountSelection undecided(LinkingOptions options) {
        return new AccountSelection(options.agencyCode(), options.fromIdInclusive(), options.toIdInclusive(), true);
    }

    private LinkingSummary run(Matcher matcher, LinkingOptions options, ProgressListener progress, long startedNanos,
            Optional<LegacyAccountRepository.IdRange> range) {
        Objects.requireNonNull(matcher, "matcher");
        Objects.requireNonNull(progress, "progress");
        long total = range.map(LegacyAccountRepository.IdRange::count).orElse(0L);
        String runId = newRunId();
        LOG.info(() -> "linking run " + runId + (options.dryRun() ? " (dry run)" : "") + ": " + total
                + " undecided accounts" + options.agency().map(a -> " of agency " + a).orElse(""));
        LinkingTally tally = new LinkingTally();
        List<LegacyAccount> chunk = new ArrayList<>(options.chunkSize());
        try (ChunkWriter writer = new ChunkWriter(runId, options.dryRun(), tally, progress, total)) {
            if (range.isPresent()) {
                accounts.forEach(byIdOnly(range.get()), account -> {
                    if (options.agencyCode() != null && !options.agencyCode().equals(account.agencyCode())) {
                        return;
                    }
                    chunk.add(account);
                    if (chunk.size() == options.chunkSize()) {
                        writer.write(decideAll(matcher, chunk, !options.dryRun()));
                        chunk.clear();
                    }
                });
            }
            if (!chunk.isEmpty()) {
                writer.write(decideAll(matcher, chunk, !options.dryRun()));
            }
            writer.finish();
        }
        return tally.toSummary(options.agencyCode(), options.dryRun(), Duration.ofNanos(System.nanoTime() - startedNanos));
    }

    /**
     * Records decided chunks on a thread of its own, one chunk behind the reading and deciding: writing a chunk
     * (H2 or Oracle inserting links, evidence and audit rows) costs about as much as reading and deciding the
     * next one, so overlapping the two keeps both cores busy. Chunks are still written one at a time and in
     * id order, and the tally is only touched by the writing thread until {@link #finish()} hands it back.
     */
    private final class ChunkWriter implements AutoCloseable {

        private final String runId;
        private final boolean dryRun;
        private final LinkingTally tally;
        private final ProgressListener progress;
        private final long total;
        private final ExecutorService thread;
        private Future<?> pending;

        ChunkWriter(String runId, boolean dryRun, LinkingTally tally, ProgressListener progress, long total) {
            this.runId = runId;
            this.dryRun = dryRun;
            this.tally = tally;
            this.progress = progress;
            this.total = total;
            this.thread = Executors.newSingleThreadExecutor(task -> {
                Thread writer = new Thread(task, "linking-writer-" + runId);
                writer.setDaemon(true);
                return writer;
            });
        }

        /** Waits for the previous chunk to be written (surfacing its failure), then starts writing this one. */
        void write(List<AccountDecision> decisions) {
            finish();
            pending = thread.submit(() -> {
                record(decisions, runId, dryRun, tally);
                progress.progress(tally.seen(), total);
            });
        }

        /** Waits until every chunk handed over is written; rethrows what stopped the writer. */
        void finish() {
            if (pending == null) {
                return;
            }
            Future<?> last = pending;
            pending = null;
            try {
                last.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while linking run " + runId + " was writing", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException(e.getCause());
            }
        }

        @Override
        public void close() {
            // After a failure on the reading side the chunk being written is left to finish: it is consistent
            // on its own (one chunk's links and events), and the next run starts after it.
            thread.shutdown();
            try {
                if (!thread.awaitTermination(10, TimeUnit.MINUTES)) {
                    LOG.warning(() -> "linking run " + runId + ": the writer did not finish within 10 minutes");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * The undecided accounts of the agency's id range, selected by id alone; the caller drops other agencies'
     * rows. Why: with an agency predicate H2 reads each keyset page through the (agency_code, account_id)
     * index and sorts the whole agency again for every page, which is quadratic in the agency's size
     * (measured: 20,000 accounts took 3-8 times as long as by id alone; a million never finished). The id range
     * comes from the primary key and one pass; agencies are imported file by file, so their ids rarely interleave.
     */
    private static AccountSelection byIdOnly(LegacyAccountRepository.IdRange range) {
        return new AccountSelection(null, range.lowest(), range.highest(), true);
    }

    /** A fresh id tying together the audit events of one run (their correlation id). */
    public static String newRunId() {
        return "link-" + UUID.randomUUID();
    }

    /** Decides one stored account; never throws for the account's content (that becomes an error decision). */
    public AccountDecision decide(Matcher matcher, LegacyAccount account) {
        try {
            AccountRecord record = MatchRecords.account(account);
            return AccountDecision.decided(account, matcher.decide(record));
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, e, () -> "account " + MatchRecords.reference(account) + " could not be decided");
            return AccountDecision.failed(account, MatchRecords.reference(account) + ": "
                    + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** Decides a chunk, on both cores when it is large enough; the matcher is safe to share. */
    public List<AccountDecision> decideAll(Matcher matcher, List<LegacyAccount> chunk) {
        return decideAll(matcher, chunk, true);
    }

    /**
     * As {@link #decideAll(Matcher, List)}; with {@code renderEvidence} the JSON evidence of links and review
     * items is rendered on the deciding threads too (it costs about as much as the decision), not later on
     * the single writing thread. A dry run writes no evidence and skips it.
     */
    public List<AccountDecision> decideAll(Matcher matcher, List<LegacyAccount> chunk, boolean renderEvidence) {
        if (chunk.size() < PARALLEL_THRESHOLD) {
            List<AccountDecision> decided = new ArrayList<>(chunk.size());
            for (LegacyAccount account : chunk) {
                decided.add(decide(matcher, account));
            }
            return decided;
        }
        return chunk.parallelStream().map(account -> {
            AccountDecision decided = decide(matcher, account);
            if (renderEvidence && decided.decision().map(d -> d.outcome().isAutomaticLink() || d.outcome() == Outcome.REVIEW)
                    .orElse(false)) {
                decided.evidenceJson();
            }
            return decided;
        }).toList();
    }

    /**
     * Records one chunk of decisions: links, review items and unlinkable verdicts in one batch each, then
     * the chunk's audit events in one append (see the class comment). With {@code dryRun} nothing is
     * written and every decision is counted as if it had been.
     *
     * @param runId correlation id of the run's audit events ({@link #newRunId()})
     * @param tally receives the counts
     */
    public void record(List<AccountDecision> decisions, String runId, boolean dryRun, LinkingTally tally) {
        Objects.requireNonNull(runId, "runId");
        if (decisions.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        tally.seen(decisions.size());

        List<IdentityLink> newLinks = new ArrayList<>();
        Map<Long, AccountDecision> linkDecisions = new LinkedHashMap<>();
        List<ReviewItem> newItems = new ArrayList<>();
        Map<Long, AccountDecision> reviewDecisions = new LinkedHashMap<>();
        Map<Long, String> verdicts = new LinkedHashMap<>();
        Map<Long, String> evidence = new LinkedHashMap<>();
        LinkingTally chunk = new LinkingTally();
        for (AccountDecision item : decisions) {
            if (item.error().isPresent()) {
                chunk.error(item.error().get());
                continue;
            }
            Decision decision = item.decision().orElseThrow();
            Outcome outcome = decision.outcome();
            if (dryRun) {
                // Counted as if written; no entity or evidence is built for a run that writes nothing.
                switch (outcome) {
                    case AUTO_EXACT, AUTO_REGISTER, AUTO_SCORED -> linkDecisions.put(item.accountId(), item);
                    case REVIEW -> reviewDecisions.put(item.accountId(), item);
                    case UNLINKABLE -> chunk.unlinkable(decision.unlinkableReason().orElseThrow());
                    case NO_MATCH -> chunk.noMatch();
                }
                continue;
            }
            switch (outcome) {
                case AUTO_EXACT, AUTO_REGISTER, AUTO_SCORED -> {
                    String json = item.evidenceJson().orElseThrow();
                    evidence.put(item.accountId(), json);
                    newLinks.add(new IdentityLink(decision.linkedPersonalId().orElseThrow(), item.accountId(),
                            LinkMethod.valueOf(outcome.name()), score(decision), json, ACTOR, now));
                    linkDecisions.put(item.accountId(), item);
                }
                case REVIEW -> {
                    ReviewReason reason = decision.reviewReason().orElseThrow();
                    String json = item.evidenceJson().orElseThrow();
                    evidence.put(item.accountId(), json);
                    newItems.add(new ReviewItem(item.accountId(), cause(reason), json,
                            reviewNote(reason), null, ACTOR, now));
                    reviewDecisions.put(item.accountId(), item);
                }
                case UNLINKABLE -> {
                    verdicts.put(item.accountId(), decision.unlinkableReason().orElseThrow().name());
                    chunk.unlinkable(decision.unlinkableReason().get());
                }
                case NO_MATCH -> chunk.noMatch();
            }
        }

        List<Long> linkSkipped = List.of();
        List<Long> reviewSkipped = List.of();
        if (!dryRun) {
            linkSkipped = insertLinks(newLinks);
            reviewSkipped = openItems(newItems);
            if (!verdicts.isEmpty()) {
                accounts.markUnlinkable(verdicts);
            }
        }
        linkSkipped.forEach(linkDecisions::remove);
        reviewSkipped.forEach(reviewDecisions::remove);
        chunk.takenMeanwhile(linkSkipped.size() + reviewSkipped.size());
        for (AccountDecision item : linkDecisions.values()) {
            chunk.linked(LinkMethod.valueOf(item.decision().orElseThrow().outcome().name()));
        }
        for (AccountDecision item : reviewDecisions.values()) {
            chunk.reviewed(item.decision().orElseThrow().reviewReason().orElseThrow());
        }
        if (!dryRun) {
            audit.recordAll(auditEntries(runId, decisions, linkDecisions, reviewDecisions, evidence, chunk));
        }
        // seen was counted on the run's tally above; the chunk tally holds everything else
        tally.add(chunk);
    }

    /** Inserts the links in one batch; when a concurrent writer keeps colliding, one at a time. */
    private List<Long> insertLinks(List<IdentityLink> newLinks) {
        if (newLinks.isEmpty()) {
            return List.of();
        }
        try {
            return links.insertAll(newLinks).skippedAccountIds();
        } catch (ConflictingUpdateException e) {
            LOG.fine(() -> "link batch collided with another writer; inserting one at a time: " + e.getMessage());
            List<Long> skipped = new ArrayList<>();
            for (IdentityLink link : newLinks) {
                try {
                    links.store(link);
                } catch (ConflictingUpdateException taken) {
                    skipped.add(link.legacyAccountId());
                }
            }
            return skipped;
        }
    }

    private List<Long> openItems(List<ReviewItem> items) {
        if (items.isEmpty()) {
            return List.of();
        }
        try {
            return reviews.openAll(items).skippedAccountIds();
        } catch (ConflictingUpdateException e) {
            LOG.fine(() -> "review batch collided with another writer; opening one at a time: " + e.getMessage());
            List<Long> skipped = new ArrayList<>();
            for (ReviewItem item : items) {
                try {
                    reviews.store(item);
                } catch (ConflictingUpdateException taken) {
                    skipped.add(item.legacyAccountId());
                }
            }
            return skipped;
        }
    }

    private static List<AuditEntry> auditEntries(String runId, List<AccountDecision> decisions,
            Map<Long, AccountDecision> linked, Map<Long, AccountDecision> reviewed, Map<Long, String> evidence,
            LinkingTally chunk) {
        List<AuditEntry> entries = new ArrayList<>(linked.size() + reviewed.size() + 1);
        MessageDigest linkDigest = sha256();
        MessageDigest reviewDigest = sha256();
        for (AccountDecision item : linked.values()) {
            Decision decision = item.decision().orElseThrow();
            String person = decision.linkedPersonalId().orElseThrow().value();
            String score = scoreText(decision);
            entries.add(new AuditEntry(AuditEventType.LINK_CREATED, AuditOutcome.SUCCESS, ACTOR,
                    "legacy_account/" + item.accountId(), decision.outcome().name(), runId,
                    "account=" + item.reference() + " personal_id=" + person + " score=" + score
                            + " rule=" + decision.evidence().rule()));
            digest(linkDigest, item.accountId(), decision.outcome().name(), person, score, evidence.get(item.accountId()));
        }
        for (AccountDecision item : reviewed.values()) {
            Decision decision = item.decision().orElseThrow();
            List<String> candidates = decision.reviewCandidates().stream().map(PersonalId::value).toList();
            entries.add(new AuditEntry(AuditEventType.LINK_REVIEW_OPENED, AuditOutcome.SUCCESS, ACTOR,
                    "legacy_account/" + item.accountId(), decision.reviewReason().orElseThrow().name(), runId,
                    "account=" + item.reference() + " candidates=" + String.join(",", candidates)
                            + " score=" + scoreText(decision)));
            digest(reviewDigest, item.accountId(), "REVIEW", String.join(",", candidates), scoreText(decision),
                    evidence.get(item.accountId()));
        }
        long lowest = decisions.stream().mapToLong(AccountDecision::accountId).min().orElseThrow();
        long highest = decisions.stream().mapToLong(AccountDecision::accountId).max().orElseThrow();
        StringBuilder details = new StringBuilder(256)
                .append("accounts=").append(decisions.size())
                .append(" ids=").append(lowest).append("..").append(highest)
                .append(" linked=").append(new EnumMap<>(chunk.linked))
                .append(" review=").append(new EnumMap<>(chunk.reviewed))
                .append(" unlinkable=").append(new EnumMap<>(chunk.unlinkable))
                .append(" no_match=").append(chunk.noMatch)
                .append(" errors=").append(chunk.errors)
                .append(" taken_meanwhile=").append(chunk.takenMeanwhile)
                .append(" links_sha256=").append(HexFormat.of().formatHex(linkDigest.digest()))
                .append(" reviews_sha256=").append(HexFormat.of().formatHex(reviewDigest.digest()));
        entries.add(new AuditEntry(AuditEventType.LINK_BATCH, chunk.errors > 0 ? AuditOutcome.FAILURE : AuditOutcome.SUCCESS,
                ACTOR, decisions.get(0).agencyCode(), chunk.errors > 0 ? "ACCOUNTS_NOT_DECIDED" : null, runId,
                details.toString()));
        return entries;
    }

    /**
     * Adds the line of one written decision; {@link #decisionDigest} recomputes the links' digest from stored rows.
     * Fields are length-prefixed so no two field lists produce the same bytes.
     */
    private static void digest(MessageDigest digest, long accountId, String outcome, String persons, String score, String evidence) {
        String evidenceHash = HexFormat.of().formatHex(sha256().digest(evidence.getBytes(StandardCharsets.UTF_8)));
        StringBuilder line = new StringBuilder(160);
        for (String field : new String[] {Long.toString(accountId), outcome, persons, score, evidenceHash}) {
            line.append(field.length()).append(':').append(field).append(';');
        }
        digest.update(line.append('\n').toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Recomputes the {@code links_sha256} of a LINK_BATCH event from stored links, in the order of the
     * batch's LINK_CREATED events, so an auditor can check that links still say what the chain recorded.
     */
    public static String decisionDigest(List<IdentityLink> linksInEventOrder) {
        MessageDigest digest = sha256();
        for (IdentityLink link : linksInEventOrder) {
            digest(digest, link.legacyAccountId(), link.method().name(), link.personalId().value(),
                    link.score().map(s -> s.stripTrailingZeros().toPlainString()).orElse("-"), link.evidence().orElse(""));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }

    /** The stored score: four decimals, within NUMBER(9,4). */
    private static BigDecimal score(Decision decision) {
        if (decision.score().isEmpty() || !Double.isFinite(decision.score().getAsDouble())) {
            return null;
        }
        BigDecimal score = BigDecimal.valueOf(decision.score().getAsDouble()).setScale(4, RoundingMode.HALF_EVEN);
        return score.max(IdentityLink.MAX_SCORE.negate()).min(IdentityLink.MAX_SCORE);
    }

    private static String scoreText(Decision decision) {
        BigDecimal score = score(decision);
        return score == null ? "-" : score.stripTrailingZeros().toPlainString();
    }

    private static ReviewCause cause(ReviewReason reason) {
        return switch (reason) {
            case BETWEEN_THRESHOLDS -> ReviewCause.SCORE_BETWEEN_THRESHOLDS;
            case COMPETING_IDENTITIES -> ReviewCause.COMPETING_IDENTITIES;
            case CONTRADICTING_ID_NUMBER -> ReviewCause.CONTRADICTING_ID_NUMBER;
            case AUTO_LINK_VETOED -> ReviewCause.AUTO_LINK_VETOED;
            case FOLDED_NAME_AMBIGUOUS -> ReviewCause.FOLDED_NAME_AMBIGUOUS;
        };
    }

    private static String reviewNote(ReviewReason reason) {
        return reason.name() + ": " + reason.description();
    }

    // ---------------------------------------------------------------- batch partitions

    /**
     * Cuts the undecided accounts into partitions: one per agency, and an agency with more than
     * {@code maxAccountsPerPartition} undecided accounts into id ranges of about that many (ids are dense:
     * they come from a sequence in blocks), so one big agency still keeps every core busy.
     *
     * @param agencyCode one agency, or null for every agency with undecided accounts
     */
    public List<LinkPartition> partitions(String agencyCode, long maxAccountsPerPartition) {
        if (maxAccountsPerPartition < 1) {
            throw new IllegalArgumentException("a partition needs at least one account, not " + maxAccountsPerPartition);
        }
        List<String> codes = agencyCode != null ? List.of(agencyCode) : agencies.findAll().stream().map(Agency::code).toList();
        List<LinkPartition> partitions = new ArrayList<>();
        for (String code : codes) {
            AccountSelection undecided = AccountSelection.agency(code).undecided();
            Optional<LegacyAccountRepository.IdRange> range = accounts.idRange(undecided);
            if (range.isEmpty()) {
                continue;
            }
            long count = range.get().count();
            long slices = Math.max(1, (count + maxAccountsPerPartition - 1) / maxAccountsPerPartition);
            long lowest = range.get().lowest();
            long highest = range.get().highest();
            long width = Math.max(1, (highest - lowest + slices) / slices);
            for (long from = lowest; from <= highest; from += width) {
                partitions.add(new LinkPartition(code, from, Math.min(highest, from + width - 1)));
                if (from + width < from) {
                    break;
                }
            }
        }
        return partitions;
    }

    /**
     * The next undecided accounts of a partition after {@code afterId}, in id order: those in the first
     * non-empty window of {@code idWindow} ids, so a pull-style batch reader gets bounded pages. Empty when
     * nothing is left up to {@code toIdInclusive}.
     */
    public List<LegacyAccount> undecidedAfter(String agencyCode, long afterId, long toIdInclusive, long idWindow) {
        long from = afterId + 1;
        while (from <= toIdInclusive) {
            long to = toIdInclusive - from < idWindow ? toIdInclusive : from + idWindow - 1;
            List<LegacyAccount> page = new ArrayList<>();
            // By id alone and filtered here: see byIdOnly for why the agency is not part of the query.
            accounts.forEach(new AccountSelection(null, from, to, true), account -> {
                if (agencyCode == null || agencyCode.equals(account.agencyCode())) {
                    page.add(account);
                }
            });
            if (!page.isEmpty()) {
                return page;
            }
            if (to == toIdInclusive) {
                break;
            }
            from = to + 1;
        }
        return List.of();
    }

    // ---------------------------------------------------------------- citizen self-linking

    /**
     * Legacy accounts that may be the citizen's: accounts holding the citizen's personal ID or old ID card
     * number, or the citizen's folded name with a birth date in the same year, that the matcher (same model,
     * same comparisons, against the register people each account's blocking keys reach) would link to the
     * citizen or send to review with the citizen among the candidates. Accounts with a current link (to
     * anyone: another person's, or already the citizen's) and accounts the matcher gives to someone else are
     * left out. The citizen's facts come from the register, or, for a citizen the register extract does not
     * hold yet, from the identity VNeID vouched for at sign-in (issue 3: "exists in the register or belongs
     * to a signed-in identity"); empty when neither knows a birth date.
     */
    public List<LinkSuggestion> suggestionsFor(PersonalId citizen) {
        Objects.requireNonNull(citizen, "citizen");
        Optional<PersonRecord> me = register.findByPersonalId(citizen).map(MatchRecords::person)
                .or(() -> identities.findByPersonalId(citizen).flatMap(MatchRecords::person));
        if (me.isEmpty()) {
            return List.of();
        }
        PersonRecord self = me.get();
        Map<Long, LegacyAccount> candidates = new LinkedHashMap<>();
        accounts.findByIdNumber(citizen.value()).forEach(a -> candidates.putIfAbsent(a.id().orElseThrow(), a));
        self.oldIdNumber().ifPresent(old -> accounts.findByIdNumber(old.value())
                .forEach(a -> candidates.putIfAbsent(a.id().orElseThrow(), a)));
        accounts.findByNameKeyAndBirthYear(self.name().key(), self.birthDate().getYear())
                .forEach(a -> candidates.putIfAbsent(a.id().orElseThrow(), a));

        List<LinkSuggestion> suggestions = new ArrayList<>();
        for (LegacyAccount account : candidates.values()) {
            if (links.findCurrentByAccount(account.id().orElseThrow()).isPresent()) {
                continue;
            }
            suggest(citizen, self, account).ifPresent(suggestions::add);
        }
        suggestions.sort((a, b) -> Double.compare(b.score(), a.score()));
        return List.copyOf(suggestions);
    }

    /**
     * The suggestion for one account, if {@link #suggestionsFor} would offer it to this citizen: the check a
     * claim must pass before the legacy password is even looked at, so no request can name another
     * citizen's account.
     */
    public Optional<LinkSuggestion> suggestion(PersonalId citizen, long legacyAccountId) {
        return suggestionsFor(citizen).stream().filter(s -> s.legacyAccountId() == legacyAccountId).findFirst();
    }

    private Optional<LinkSuggestion> suggest(PersonalId citizen, PersonRecord self, LegacyAccount account) {
        AccountRecord record;
        try {
            record = MatchRecords.account(account);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        // The matcher only ever looks at the people the account's blocking keys reach, so asking the register
        // port for exactly those gives the decision the full in-memory index would give.
        Map<PersonalId, PersonRecord> reachable = new LinkedHashMap<>();
        reachable.put(citizen, self);
        record.personalId().flatMap(register::findByPersonalId).ifPresent(p -> reachable.putIfAbsent(p.personalId(), MatchRecords.person(p)));
        record.oldIdNumber().ifPresent(old -> register.findByOldIdNumber(old)
                .forEach(p -> reachable.putIfAbsent(p.personalId(), MatchRecords.person(p))));
        record.phone().ifPresent(phone -> register.findByPhone(phone)
                .forEach(p -> reachable.putIfAbsent(p.personalId(), MatchRecords.person(p))));
        if (record.name().isPresent() && record.birthDate().isPresent()) {
            register.findByBlockingKey(record.name().get().key(), record.birthDate().get().getYear())
                    .forEach(p -> reachable.putIfAbsent(p.personalId(), MatchRecords.person(p)));
        }
        Decision decision = new Matcher(RegisterIndex.of(reachable.values(), reachable.size()), model).decide(record);
        boolean forCitizen = decision.linkedPersonalId().map(citizen::equals).orElse(false)
                || (decision.outcome() == Outcome.REVIEW && decision.reviewCandidates().contains(citizen));
        if (!forCitizen) {
            return Optional.empty();
        }
        double score = decision.evidence().candidates().stream().filter(c -> c.personalId().equals(citizen))
                .mapToDouble(CandidateEvidence::score).findFirst().orElse(decision.score().orElse(0));
        return Optional.of(new LinkSuggestion(account.id().orElseThrow(), account.agencyCode(), account.accountId(),
                account.username().orElse(null), account.fullName().map(n -> n.display()).orElse(null),
                account.birthDate().orElse(null), decision.outcome(), score, decision.evidence().toJson(),
                decision.evidence().explain()));
    }

    // ---------------------------------------------------------------- export

    /** Header of the links export (DESIGN.md §5). */
    public static final String EXPORT_HEADER = "agency_code,account_id,personal_id,method,score,state";

    /**
     * Writes the current links as CSV (RFC 4180: header row, CRLF line ends, fields quoted only when they
     * hold a comma, quote or line break) with the columns of {@link #EXPORT_HEADER}; the score is empty for
     * links without one. Streams: memory does not grow with the number of links.
     *
     * @return the number of links written
     */
    public long exportLinks(Writer out, LinkExportFilter filter) throws IOException {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(filter, "filter");
        out.write(EXPORT_HEADER);
        out.write("\r\n");
        long[] written = {0};
        try {
            links.forEachCurrent(filter.agencyCode(), linked -> {
                IdentityLink link = linked.link();
                if (!filter.states().contains(link.state()) || !filter.methods().contains(link.method())) {
                    return;
                }
                try {
                    out.write(csv(linked.account().agencyCode()) + ',' + csv(linked.account().accountId()) + ','
                            + link.personalId().value() + ',' + link.method().name() + ','
                            + link.score().map(BigDecimal::toPlainString).orElse("") + ',' + link.state().name() + "\r\n");
                    written[0]++;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        out.flush();
        return written[0];
    }

    private static String csv(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "LinkingEngine[%s]", model);
    }
}
