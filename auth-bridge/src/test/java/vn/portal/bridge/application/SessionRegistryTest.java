package vn.portal.bridge.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import vn.portal.bridge.domain.model.identity.AssuranceLevel;
import vn.portal.bridge.domain.model.identity.PersonalId;
import vn.portal.bridge.domain.model.session.PortalSession;
import vn.portal.bridge.domain.model.session.SessionEndReason;
import vn.portal.bridge.infrastructure.persistence.BridgeServices;
import vn.portal.bridge.infrastructure.persistence.PortalDatabase;

class SessionRegistryTest {

    private static final PersonalId AN = PersonalId.parse("001085012345");
    private static final PersonalId NGOC = PersonalId.parse("079301001234");

    private final DatabaseFixture fixture = new DatabaseFixture();
    private final SessionRegistry registry = fixture.services.sessionRegistry();

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void startedSessionIsActiveUnderARandomKey() {
        PortalSession first = registry.start(AN, AssuranceLevel.LEVEL_1, "sub-an", "sid-an-1");
        PortalSession second = registry.start(AN, AssuranceLevel.LEVEL_1, "sub-an", "sid-an-1");

        assertThat(first.sessionKey()).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(second.sessionKey());
        assertThat(registry.isActive(first.sessionKey())).isTrue();
        PortalSession stored = registry.find(first.sessionKey()).orElseThrow();
        assertThat(stored.personalId()).isEqualTo(AN);
        assertThat(stored.providerSid()).contains("sid-an-1");
        assertThat(stored.createdAt()).isEqualTo(fixture.clock.instant());
        assertThat(stored.toString()).doesNotContain(first.sessionKey()).doesNotContain("001085012345");
    }

    @Test
    void unknownKeysAreNotActive() {
        assertThat(registry.isActive("no-such-session-key-0000")).isFalse();
        assertThat(registry.isActive(null)).isFalse();
        assertThat(registry.touch("no-such-session-key-0000")).isFalse();
    }

    @Test
    void storesTimesAsUtcWallClockWhateverTheJvmZone() throws java.sql.SQLException {
        PortalSession session = registry.start(AN, AssuranceLevel.LEVEL_1, "sub-an", null);
        fixture.clock.advance(Duration.ofMinutes(1));
        registry.end(session.sessionKey(), SessionEndReason.SIGNED_OUT);

        assertThat(fixture.queryString("SELECT TO_CHAR(created_at, 'YYYY-MM-DD HH24:MI:SS') FROM portal_session WHERE session_key = ?",
                session.sessionKey())).isEqualTo("2026-03-02 01:30:00");
        assertThat(fixture.queryString("SELECT TO_CHAR(ended_at, 'YYYY-MM-DD HH24:MI:SS') FROM portal_session WHERE session_key = ?",
                session.sessionKey())).isEqualTo("2026-03-02 01:31:00");
    }

    @Test
    void signOutEndsOnlyThatSessionOnce() {
        PortalSession session = registry.start(AN, AssuranceLevel.LEVEL_2, "sub-an", "sid-an-1");
        PortalSession other = registry.start(AN, AssuranceLevel.LEVEL_2, "sub-an", "sid-an-2");

        assertThat(registry.end(session.sessionKey(), SessionEndReason.SIGNED_OUT)).isTrue();
        assertThat(registry.end(session.sessionKey(), SessionEndReason.SIGNED_OUT)).isFalse();

        assertThat(registry.isActive(session.sessionKey())).isFalse();
        assertThat(registry.find(session.sessionKey()).orElseThrow().endReason()).contains(SessionEndReason.SIGNED_OUT);
        assertThat(registry.find(session.sessionKey()).orElseThrow().endedAt()).contains(fixture.clock.instant());
        assertThat(registry.isActive(other.sessionKey())).isTrue();
    }

    @Test
    void backChannelLogoutBySidOnOneNodeEndsSessionsHeldByAnother() {
        PortalSession browserA = registry.start(AN, AssuranceLevel.LEVEL_1, "sub-an", "sid-shared");
        PortalSession browserB = registry.start(AN, AssuranceLevel.LEVEL_1, "sub-an", "sid-shared");
        PortalSession unrelated = registry.start(NGOC, AssuranceLevel.LEVEL_2, "sub-ngoc", "sid-ngoc");

        try (PortalDatabase secondNode = fixture.openSecondNode()) {
            SessionRegistry otherNode = new BridgeServices(secondNode.entityManagerFactory(), fixture.clock).sessionRegistry();

            assertThat(otherNode.endByProviderSid("sid-shared")).isEqualTo(2);
            assertThat(otherNode.endByProviderSid("sid-shared")).isZero();
        }

        assertThat(registry.isActive(browserA.sessionKey())).isFalse();
        assertThat(registry.isActive(browserB.sessionKey())).isFalse();
        assertThat(registry.find(browserA.sessionKey()).orElseThrow().endReason()).contains(SessionEndReason.BACKCHANNEL_LOGOUT);
        assertThat(registry.find(browserA.sessionKey()).orElseThrow().endedAt()).contains(fixture.clock.instant());
        assertThat(registry.isActive(unrelated.sessionKey())).isTrue();
    }

    @Test
    void backChannelLogoutBySubjectEndsEverySessionOfThatSubject() {
        registry.start(AN, AssuranceLevel.LEVEL_1, "sub-an", "sid-1");
        registry.start(AN, AssuranceLevel.LEVEL_2, "sub-an", null);
        PortalSession alreadyEnded = registry.start(AN, AssuranceLevel.LEVEL_1, "sub-an", "sid-3");
        registry.end(alreadyEnded.sessionKey(), SessionEndReason.SIGNED_OUT);
        PortalSession unrelated = registry.start(NGOC, AssuranceLevel.LEVEL_2, "sub-ngoc", null);

        assertThat(registry.endBySubject("sub-an")).isEqualTo(2);

        assertThat(registry.find(alreadyEnded.sessionKey()).orElseThrow().endReason()).contains(SessionEndReason.SIGNED_OUT);
        assertThat(registry.isActive(unrelated.sessionKey())).isTrue();
        assertThat(registry.endBySubject(null)).isZero();
    }

    @Test
    void idleSweepEndsOnlySessionsWithoutRecentActivity() {
        PortalSession idle = registry.start(AN, AssuranceLevel.LEVEL_1, "sub-an", null);
        PortalSession busy = registry.start(NGOC, AssuranceLevel.LEVEL_1, "sub-ngoc", null);
        fixture.clock.advance(Duration.ofMinutes(10));
        assertThat(registry.touch(busy.sessionKey())).isTrue();
        fixture.clock.advance(Duration.ofMinutes(10));

        assertThat(registry.endIdle(Duration.ofMinutes(15))).isEqualTo(1);

        assertThat(registry.find(idle.sessionKey()).orElseThrow().endReason()).contains(SessionEndReason.IDLE_TIMEOUT);
        assertThat(registry.isActive(busy.sessionKey())).isTrue();
        assertThat(registry.find(busy.sessionKey()).orElseThrow().lastSeenAt())
                .isEqualTo(fixture.clock.instant().minus(Duration.ofMinutes(10)));
    }
}
