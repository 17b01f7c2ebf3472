package vn.portal.bridge.infrastructure.persistence.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.portal.bridge.domain.model.identity.PersonalId;
import vn.portal.bridge.domain.model.legacy.LegacyAccount;
import vn.portal.bridge.domain.model.link.BatchInsertResult;
import vn.portal.bridge.domain.model.link.IdentityLink;
import vn.portal.bridge.domain.model.link.IdentityLinkRepository;
import vn.portal.bridge.domain.model.link.IllegalLinkTransitionException;
import vn.portal.bridge.domain.model.link.LinkMethod;
import vn.portal.bridge.domain.model.link.LinkState;
import vn.portal.bridge.domain.model.link.LinkedAccount;
import vn.portal.bridge.domain.model.shared.ConflictingUpdateException;
import vn.portal.bridge.infrastructure.persistence.BridgeServices;
import vn.portal.bridge.infrastructure.persistence.PortalDatabase;

class JpaIdentityLinkRepositoryTest {

    private static final String EVIDENCE = "{\"rule\":\"AUTO_EXACT\",\"agreed\":[\"personal_id\",\"birth_date\"]}";
    private static final Instant AT = LinkingDatabase.NOW;

    private final LinkingDatabase db = new LinkingDatabase();
    private final IdentityLinkRepository links = db.services.identityLinks();
    private final List<Long> accountIds = new ArrayList<>();

    @BeforeEach
    void importAccounts() {
        List<LegacyAccount> batch = new ArrayList<>();
        for (int n = 0; n < 6; n++) {
            batch.add(People.account(n < 4 ? "BHXH" : "BTP", n));
        }
        db.services.legacyAccounts().upsert(batch);
        for (LegacyAccount account : batch) {
            accountIds.add(db.services.legacyAccounts().findByKey(account.agencyCode(), account.accountId()).orElseThrow().id().orElseThrow());
        }
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static PersonalId person(int n) {
        return PersonalId.parse(People.personalId(n));
    }

    private IdentityLink exact(int account, int personN) {
        return new IdentityLink(person(personN), accountIds.get(account), LinkMethod.AUTO_EXACT, null, EVIDENCE, "linking-engine", AT);
    }

    @Test
    void storesALinkWithItsEvidenceAndScore() {
        IdentityLink scored = new IdentityLink(person(0), accountIds.get(0), LinkMethod.AUTO_SCORED, new BigDecimal("23.45678"),
                "{\"total\":23.4568,\"upper\":20}", "linking-engine", AT);

        IdentityLink stored = links.store(scored);

        IdentityLink read = links.findById(stored.id().orElseThrow()).orElseThrow();
        assertThat(read.personalId()).isEqualTo(person(0));
        assertThat(read.method()).isEqualTo(LinkMethod.AUTO_SCORED);
        assertThat(read.score()).contains(new BigDecimal("23.4568"));
        assertThat(read.evidence()).contains("{\"total\":23.4568,\"upper\":20}");
        assertThat(read.state()).isEqualTo(LinkState.ACTIVE);
        assertThat(read.createdAt()).isEqualTo(AT);
        assertThat(links.findCurrentByAccount(accountIds.get(0))).contains(read);
    }

    @Test
    void secondCurrentLinkForOneAccountIsRefused() {
        links.store(exact(0, 0));

        assertThatThrownBy(() -> links.store(exact(0, 1))).isInstanceOf(ConflictingUpdateException.class);
        assertThat(links.historyOfAccount(accountIds.get(0))).singleElement()
                .extracting(IdentityLink::personalId).isEqualTo(person(0));
    }

    @Test
    void databaseItselfRefusesASecondCurrentLinkAndAnInconsistentHolderColumn() throws SQLException {
        links.store(exact(0, 0));
        long account = accountIds.get(0);

        assertThatThrownBy(() -> db.execute("INSERT INTO identity_link (id, personal_id, legacy_account_id, current_account_id,"
                + " method, state, created_by, created_at, version) VALUES (999001, ?, ?, ?, 'REVIEWED', 'ACTIVE', 'sql', ?, 1)",
                People.personalId(1), account, account, java.time.LocalDateTime.of(2024, 5, 20, 3, 0)))
                .isInstanceOf(SQLException.class).hasMessageContaining("IDENTITY_LINK_CURRENT_UK");
        // An ACTIVE row that does not hold its account would slip past the unique index: the CHECK stops it.
        assertThatThrownBy(() -> db.execute("INSERT INTO identity_link (id, personal_id, legacy_account_id, current_account_id,"
                + " method, state, created_by, created_at, version) VALUES (999002, ?, ?, NULL, 'REVIEWED', 'ACTIVE', 'sql', ?, 1)",
                People.personalId(1), account, java.time.LocalDateTime.of(2024, 5, 20, 3, 0)))
                .isInstanceOf(SQLException.class).hasMessageContaining("IDENTITY_LINK_CURRENT_CK");
        assertThatThrownBy(() -> db.execute("UPDATE identity_link SET method = 'GUESSED'"))
                .isInstanceOf(SQLException.class).hasMessageContaining("IDENTITY_LINK_METHOD_CK");
    }

    @Test
    void concurrentLinksFromTwoNodesLeaveExactlyOneCurrentLink() throws Exception {
        try (PortalDatabase second = db.openSecondNode()) {
            IdentityLinkRepository otherNode = new BridgeServices(second.entityManagerFactory(), java.time.Clock.systemUTC()).identityLinks();
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<String>> outcomes = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    IdentityLinkRepository repository = i % 2 == 0 ? links : otherNode;
                    int personN = i;
                    Callable<String> attempt = () -> {
                        start.await();
                        try {
                            if (personN < 2) {
                                repository.store(exact(2, personN));
                                return "stored";
                            }
                            BatchInsertResult result = repository.insertAll(List.of(exact(2, personN)));
                            return result.inserted() == 1 ? "stored" : "skipped";
                        } catch (ConflictingUpdateException e) {
                            return "conflict";
                        }
                    };
                    outcomes.add(pool.submit(attempt));
                }
                start.countDown();
                List<String> results = new ArrayList<>();
                for (Future<String> outcome : outcomes) {
                    results.add(outcome.get());
                }
                assertThat(results).containsOnlyOnce("stored");
            } finally {
                pool.shutdownNow();
            }
        }
        assertThat(db.queryLong("SELECT COUNT(*) FROM identity_link WHERE legacy_account_id = ? AND state <> 'REVOKED'",
                accountIds.get(2))).isEqualTo(1);
    }

    @Test
    void bulkInsertSkipsAccountsAlreadyHeldAndDuplicatesWithinTheBatch() {
        links.store(exact(1, 1));

        BatchInsertResult result = links.insertAll(List.of(exact(0, 0), exact(1, 5), exact(2, 2), exact(2, 4), exact(3, 3)));

        assertThat(result.inserted()).isEqualTo(3);
        assertThat(result.skippedAccountIds()).containsExactly(accountIds.get(1), accountIds.get(2));
        assertThat(links.findCurrentByAccount(accountIds.get(2)).orElseThrow().personalId()).isEqualTo(person(2));
        assertThat(links.findCurrentByAccount(accountIds.get(1)).orElseThrow().personalId()).isEqualTo(person(1));
        // JPA inserts after the JDBC batch draw ids from the same sequence without colliding.
        assertThat(links.store(exact(4, 4)).id()).isPresent();
        assertThat(links.countCurrentByMethod(null)).containsExactlyEntriesOf(Map.of(LinkMethod.AUTO_EXACT, 5L));
        assertThat(links.countCurrentByMethod("BTP")).containsExactlyEntriesOf(Map.of(LinkMethod.AUTO_EXACT, 1L));
    }

    @Test
    void revokingFreesTheAccountForAnotherLinkAndKeepsTheHistory() {
        IdentityLink first = links.store(exact(0, 0));
        first.revoke("reviewer:0010******21", "nhầm người: trùng tên và ngày sinh", AT.plusSeconds(60));
        links.store(first);

        IdentityLink second = links.store(new IdentityLink(person(1), accountIds.get(0), LinkMethod.REVIEWED, null, null,
                "reviewer:0010******21", AT.plusSeconds(61)));

        assertThat(links.historyOfAccount(accountIds.get(0))).extracting(IdentityLink::state)
                .containsExactly(LinkState.REVOKED, LinkState.ACTIVE);
        IdentityLink revoked = links.findById(first.id().orElseThrow()).orElseThrow();
        assertThat(revoked.endReason()).contains("nhầm người: trùng tên và ngày sinh");
        assertThat(revoked.endedAt()).contains(AT.plusSeconds(60));
        assertThat(links.findCurrentByAccount(accountIds.get(0))).contains(second);
        assertThatThrownBy(() -> revoked.revoke("x", "y", AT)).isInstanceOf(IllegalLinkTransitionException.class);
    }

    @Test
    void staleCopyCannotOverwriteANewerState() {
        IdentityLink stored = links.store(exact(0, 0));
        IdentityLink copyA = links.findById(stored.id().orElseThrow()).orElseThrow();
        IdentityLink copyB = links.findById(stored.id().orElseThrow()).orElseThrow();
        copyA.dispute();
        links.store(copyA);

        copyB.revoke("reviewer", "outdated view", AT);
        assertThatThrownBy(() -> links.store(copyB)).isInstanceOf(ConflictingUpdateException.class);
        assertThat(links.findById(stored.id().orElseThrow()).orElseThrow().state()).isEqualTo(LinkState.DISPUTED);
    }

    @Test
    void replaceRevokesAndRelinksAtomically() {
        IdentityLink stored = links.store(exact(0, 0));

        IdentityLink replacement = links.replace(stored.id().orElseThrow(), stored.version(),
                new IdentityLink(person(3), accountIds.get(0), LinkMethod.CITIZEN_PROOF, null, null, "citizen:0010******03", AT),
                "citizen:0010******03", "legacy password proven", AT);

        assertThat(links.findCurrentByAccount(accountIds.get(0))).contains(replacement);
        assertThat(links.findById(stored.id().orElseThrow()).orElseThrow().state()).isEqualTo(LinkState.REVOKED);
        assertThatThrownBy(() -> links.replace(stored.id().orElseThrow(), stored.version(), exact(0, 4), "x", "y", AT))
                .isInstanceOf(ConflictingUpdateException.class);
        assertThat(links.findCurrentByAccount(accountIds.get(0))).contains(replacement);
    }

    @Test
    void listsAPersonsCurrentLinksWithTheirAccountsAndStreamsTheExport() {
        links.insertAll(List.of(new IdentityLink(person(0), accountIds.get(4), LinkMethod.AUTO_REGISTER, null, EVIDENCE, "linking-engine", AT),
                new IdentityLink(person(0), accountIds.get(0), LinkMethod.AUTO_EXACT, null, EVIDENCE, "linking-engine", AT),
                exact(1, 1)));
        IdentityLink gone = links.store(exact(2, 0));
        gone.revoke("reviewer", "sai", AT);
        links.store(gone);

        List<LinkedAccount> mine = links.findCurrentByPersonalId(person(0));
        assertThat(mine).extracting(l -> l.account().agencyCode() + "/" + l.account().accountId() + ":" + l.link().method())
                .containsExactly("BHXH/TK0:AUTO_EXACT", "BTP/TK4:AUTO_REGISTER");

        List<String> exported = new ArrayList<>();
        assertThat(links.forEachCurrent(null, l -> exported.add(l.account().accountId() + ">" + l.link().personalId().value())))
                .isEqualTo(3);
        assertThat(exported).containsExactlyInAnyOrder("TK4>" + People.personalId(0), "TK0>" + People.personalId(0),
                "TK1>" + People.personalId(1));
        List<String> btp = new ArrayList<>();
        links.forEachCurrent("BTP", l -> btp.add(l.account().accountId()));
        assertThat(btp).containsExactly("TK4");
    }

    @Test
    void automaticLinksMustCarryEvidence() {
        assertThatThrownBy(() -> new IdentityLink(person(0), accountIds.get(0), LinkMethod.AUTO_REGISTER, null, " ", "linking-engine", AT))
                .hasMessage("an automatic link (AUTO_REGISTER) must carry its evidence");
        assertThatThrownBy(() -> new IdentityLink(person(0), accountIds.get(0), LinkMethod.AUTO_SCORED, null, EVIDENCE, "linking-engine", AT))
                .hasMessage("an AUTO_SCORED link needs its score");
    }
}
