package vn.portal.bridge.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import vn.portal.bridge.domain.model.audit.AuditEvent;
import vn.portal.bridge.domain.model.audit.AuditEventType;
import vn.portal.bridge.domain.model.audit.AuditOutcome;
import vn.portal.bridge.domain.model.citizen.CitizenIdentity;
import vn.portal.bridge.domain.model.identity.AssuranceLevel;
import vn.portal.bridge.domain.model.identity.Gender;
import vn.portal.bridge.domain.model.identity.IdentityInconsistencyException;
import vn.portal.bridge.domain.model.identity.PersonalId;
import vn.portal.bridge.domain.model.name.VietnameseName;
import vn.portal.bridge.domain.model.shared.ConflictingUpdateException;
import vn.portal.bridge.infrastructure.persistence.jpa.JpaCitizenIdentityRepository;

class CitizenSignInTest {

    private final DatabaseFixture fixture = new DatabaseFixture();
    private final CitizenSignIn signIn = fixture.services.citizenSignIn();

    @AfterEach
    void close() {
        fixture.close();
    }

    private static VerifiedCitizen nguyenVanAn(AssuranceLevel level) {
        return new VerifiedCitizen(PersonalId.parse("001085012345"), VietnameseName.of("Nguyễn Văn An"),
                LocalDate.of(1985, 4, 12), Gender.MALE, level, "sub-001085012345", "sid-1");
    }

    @Test
    void firstSignInCreatesTheIdentity() {
        CitizenIdentity identity = signIn.recordSignIn(nguyenVanAn(AssuranceLevel.LEVEL_1), "corr-1");

        assertThat(identity.id()).isPresent();
        assertThat(identity.fullName().display()).isEqualTo("Nguyễn Văn An");
        assertThat(identity.assuranceLevel()).isEqualTo(AssuranceLevel.LEVEL_1);
        assertThat(identity.firstSignInAt()).isEqualTo(Instant.parse("2026-03-02T01:30:00Z"));

        CitizenIdentity stored = new JpaCitizenIdentityRepository(fixture.database.entityManagerFactory())
                .findByPersonalId(PersonalId.parse("001085012345")).orElseThrow();
        assertThat(stored.birthDate()).contains(LocalDate.of(1985, 4, 12));
        assertThat(stored.gender()).contains(Gender.MALE);
        assertThat(stored.providerSubject()).isEqualTo("sub-001085012345");
        assertThat(stored.lastSignInAt()).isEqualTo(Instant.parse("2026-03-02T01:30:00Z"));
    }

    @Test
    void laterSignInUpdatesTheSameIdentity() {
        CitizenIdentity first = signIn.recordSignIn(nguyenVanAn(AssuranceLevel.LEVEL_1));
        fixture.clock.advance(Duration.ofDays(3));

        VerifiedCitizen renamedAtLevel2 = new VerifiedCitizen(PersonalId.parse("001 085 012 345"),
                VietnameseName.of("NGUYỄN  văn   AN"), LocalDate.of(1985, 4, 12), Gender.MALE, AssuranceLevel.LEVEL_2,
                "sub-001085012345-new", null);
        CitizenIdentity second = signIn.recordSignIn(renamedAtLevel2);

        assertThat(second.id()).isEqualTo(first.id());
        assertThat(second.assuranceLevel()).isEqualTo(AssuranceLevel.LEVEL_2);
        assertThat(second.providerSubject()).isEqualTo("sub-001085012345-new");
        assertThat(second.firstSignInAt()).isEqualTo(Instant.parse("2026-03-02T01:30:00Z"));
        assertThat(second.lastSignInAt()).isEqualTo(Instant.parse("2026-03-05T01:30:00Z"));
        assertThat(second.version()).isGreaterThan(first.version());
        assertThat(new JpaCitizenIdentityRepository(fixture.database.entityManagerFactory()).count()).isEqualTo(1);
    }

    @Test
    void auditsEverySuccessfulSignIn() {
        signIn.recordSignIn(nguyenVanAn(AssuranceLevel.LEVEL_2), "3f1c2a9e-8d7b-4c55-9a1e-2b6f0c4d5e61");

        List<AuditEvent> events = fixture.services.auditLog().findByCorrelationId("3f1c2a9e-8d7b-4c55-9a1e-2b6f0c4d5e61");
        assertThat(events).hasSize(1);
        AuditEvent event = events.get(0);
        assertThat(event.type()).isEqualTo(AuditEventType.SIGN_IN_SUCCEEDED);
        assertThat(event.outcome()).isEqualTo(AuditOutcome.SUCCESS);
        assertThat(event.actor()).contains("001085012345");
        assertThat(event.details()).hasValueSatisfying(d -> assertThat(d).contains("first sign-in", "level 2"));
    }

    @Test
    void databaseRefusesASecondRowForTheSamePersonalId() {
        signIn.recordSignIn(nguyenVanAn(AssuranceLevel.LEVEL_1));
        JpaCitizenIdentityRepository repository = new JpaCitizenIdentityRepository(fixture.database.entityManagerFactory());

        CitizenIdentity duplicate = new CitizenIdentity(PersonalId.parse("001085012345"), VietnameseName.of("Nguyễn Văn An"),
                null, null, AssuranceLevel.LEVEL_1, "another-sub", Instant.parse("2026-03-02T02:00:00Z"));

        assertThatThrownBy(() -> repository.store(duplicate)).isInstanceOf(ConflictingUpdateException.class);
        assertThat(repository.count()).isEqualTo(1);
    }

    @Test
    void staleCopyCannotOverwriteANewerSignIn() {
        JpaCitizenIdentityRepository repository = new JpaCitizenIdentityRepository(fixture.database.entityManagerFactory());
        signIn.recordSignIn(nguyenVanAn(AssuranceLevel.LEVEL_1));
        CitizenIdentity stale = repository.findByPersonalId(PersonalId.parse("001085012345")).orElseThrow();
        signIn.recordSignIn(nguyenVanAn(AssuranceLevel.LEVEL_2));

        stale.recordSignIn(VietnameseName.of("Nguyễn Văn Ân"), null, null, AssuranceLevel.LEVEL_1, "sub", Instant.now());

        assertThatThrownBy(() -> repository.store(stale)).isInstanceOf(ConflictingUpdateException.class);
        assertThat(repository.findByPersonalId(PersonalId.parse("001085012345")).orElseThrow().assuranceLevel())
                .isEqualTo(AssuranceLevel.LEVEL_2);
    }

    @Test
    void signInsOnTwoNodesShareOneIdentity() {
        try (var secondNode = fixture.openSecondNode()) {
            var otherSignIn = new vn.portal.bridge.infrastructure.persistence.BridgeServices(
                    secondNode.entityManagerFactory(), fixture.clock).citizenSignIn();

            CitizenIdentity onFirst = signIn.recordSignIn(nguyenVanAn(AssuranceLevel.LEVEL_1));
            CitizenIdentity onSecond = otherSignIn.recordSignIn(nguyenVanAn(AssuranceLevel.LEVEL_2));

            assertThat(onSecond.id()).isEqualTo(onFirst.id());
            assertThat(onSecond.assuranceLevel()).isEqualTo(AssuranceLevel.LEVEL_2);
        }
    }

    @Test
    void refusesClaimsThatContradictThePersonalId() {
        assertThatThrownBy(() -> new VerifiedCitizen(PersonalId.parse("079301001234"), VietnameseName.of("Trần Thị Bích Ngọc"),
                LocalDate.of(1999, 1, 1), Gender.FEMALE, AssuranceLevel.LEVEL_2, "sub", null))
                .isInstanceOf(IdentityInconsistencyException.class)
                .hasMessageContaining("birth year 1999 does not match personal ID century/year digits 2001");
    }

    @Test
    void acceptsClaimsWithoutBirthDateOrGender() {
        VerifiedCitizen minimal = new VerifiedCitizen(PersonalId.parse("079301001234"), VietnameseName.of("Trần Thị Bích Ngọc"),
                null, null, AssuranceLevel.LEVEL_1, "sub-079", " ");

        CitizenIdentity identity = signIn.recordSignIn(minimal);

        assertThat(identity.birthDate()).isEmpty();
        assertThat(identity.gender()).isEmpty();
        assertThat(minimal.providerSid()).isNull();
    }
}
