package vn.portal.bridge.infrastructure.persistence.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import vn.portal.bridge.domain.model.identity.Gender;
import vn.portal.bridge.domain.model.identity.IdentityInconsistencyException;
import vn.portal.bridge.domain.model.identity.OldIdNumber;
import vn.portal.bridge.domain.model.identity.PersonalId;
import vn.portal.bridge.domain.model.identity.PhoneNumber;
import vn.portal.bridge.domain.model.legacy.UpsertCounts;
import vn.portal.bridge.domain.model.name.VietnameseName;
import vn.portal.bridge.domain.model.population.PopulationRecord;
import vn.portal.bridge.domain.model.population.PopulationRecordRepository;
import vn.portal.bridge.domain.model.population.PopulationRegister;

class JdbcPopulationRegisterTest {

    private final LinkingDatabase db = new LinkingDatabase();
    private final PopulationRegister register = db.services.populationRegister();
    private final PopulationRecordRepository extract = db.services.populationRecords();

    @AfterEach
    void close() {
        db.close();
    }

    private static PopulationRecord thuy(String oldId) {
        return new PopulationRecord(PersonalId.parse("001190000021"), oldId == null ? null : OldIdNumber.parse(oldId),
                VietnameseName.of("Nguyễn Thị Thuý"), LocalDate.of(1990, 2, 28), Gender.FEMALE, PhoneNumber.parse("0382345678"));
    }

    @Test
    void findsAPersonByPersonalIdWithEveryFact() {
        extract.upsert(List.of(thuy("012345678")));

        PopulationRecord found = register.findByPersonalId(PersonalId.parse("001190000021")).orElseThrow();

        assertThat(found.fullName().display()).isEqualTo("Nguyễn Thị Thúy");
        assertThat(found.nameKey()).isEqualTo("nguyen thi thuy");
        assertThat(found.birthDate()).isEqualTo(LocalDate.of(1990, 2, 28));
        assertThat(found.gender()).isEqualTo(Gender.FEMALE);
        assertThat(found.oldIdNumber()).contains(OldIdNumber.parse("012345678"));
        assertThat(found.phone()).contains(PhoneNumber.parse("0382345678"));
        assertThat(found.importedAt()).contains(LinkingDatabase.NOW);
        assertThat(found).isEqualTo(thuy("012345678"));
        assertThat(register.findByPersonalId(PersonalId.parse("001190000022"))).isEmpty();
    }

    @Test
    void theEntityMappingReadsWhatTheJdbcPathWrote() {
        extract.upsert(List.of(thuy("012345678")));

        PopulationRecord viaJpa = db.database.inTransaction(em -> em.createQuery(
                "SELECT p FROM PopulationRecord p WHERE p.personalId = :id", PopulationRecord.class)
                .setParameter("id", PersonalId.parse("001190000021")).getSingleResult());
        PopulationRecord found = db.database.inTransaction(em -> em.find(PopulationRecord.class, PersonalId.parse("001190000021")));

        assertThat(viaJpa).isEqualTo(thuy("012345678"));
        assertThat(found.fullName().display()).isEqualTo("Nguyễn Thị Thúy");
        assertThat(found.importedAt()).contains(LinkingDatabase.NOW);
    }

    @Test
    void reimportIsUnchangedAndACorrectionUpdates() {
        assertThat(extract.upsert(List.of(thuy(null), People.person(1)))).isEqualTo(new UpsertCounts(2, 0, 0));
        assertThat(extract.upsert(List.of(thuy(null), People.person(1)))).isEqualTo(new UpsertCounts(0, 0, 2));
        assertThat(extract.upsert(List.of(thuy("012345678"), People.person(1), People.person(2))))
                .isEqualTo(new UpsertCounts(1, 1, 1));
        assertThat(extract.count()).isEqualTo(3);
        assertThat(register.findByPersonalId(PersonalId.parse("001190000021")).orElseThrow().oldIdNumber()).isPresent();
    }

    @Test
    void oldIdNumberMayNameSeveralPeopleBecauseNumbersWereReissued() {
        PopulationRecord other = new PopulationRecord(PersonalId.parse("079085000777"), OldIdNumber.parse("012345678"),
                VietnameseName.of("Lê Văn Hùng"), LocalDate.of(1985, 7, 1), Gender.MALE, null);
        extract.upsert(List.of(thuy("012345678"), other, People.person(3)));

        assertThat(register.findByOldIdNumber(OldIdNumber.parse("012345678")))
                .extracting(r -> r.personalId().value()).containsExactly("001190000021", "079085000777");
    }

    @Test
    void findsBlockingCandidatesByNameKeyAndBirthYearAndByPhone() {
        List<PopulationRecord> people = new ArrayList<>();
        for (int n = 0; n < 200; n++) {
            people.add(People.person(n));
        }
        extract.upsert(people);

        assertThat(register.findByBlockingKey("nguyen van an", 1985)).extracting(r -> r.personalId().value())
                .containsExactly(People.personalId(0));
        assertThat(register.findByBlockingKey("nguyen van an", 1984)).isEmpty();
        assertThat(register.findByPhone(PhoneNumber.parse("+84 900 000 042"))).extracting(r -> r.personalId().value())
                .containsExactly(People.personalId(42));
        assertThat(register.findByPersonalIds(List.of(PersonalId.parse(People.personalId(5)),
                PersonalId.parse(People.personalId(7)), PersonalId.parse("001190000021"))))
                .containsOnlyKeys(PersonalId.parse(People.personalId(5)), PersonalId.parse(People.personalId(7)));
    }

    @Test
    void streamsTheWholeExtractInPersonalIdOrderPageByPage() {
        int total = JdbcWork.PAGE_SIZE + 300;
        for (int from = 0; from < total; from += 1000) {
            List<PopulationRecord> batch = new ArrayList<>();
            for (int n = from; n < Math.min(total, from + 1000); n++) {
                batch.add(People.person(total - 1 - n));
            }
            extract.upsert(batch);
        }

        List<String> ids = new ArrayList<>();
        assertThat(extract.forEach(r -> ids.add(r.personalId().value()))).isEqualTo(total);
        assertThat(ids).hasSize(total).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void scanPassesEveryRecordOnceInOneRead() {
        int total = 2 * JdbcWork.PAGE_SIZE + 17;
        for (int from = 0; from < total; from += 1000) {
            List<PopulationRecord> batch = new ArrayList<>();
            for (int n = from; n < Math.min(total, from + 1000); n++) {
                batch.add(People.person(n));
            }
            extract.upsert(batch);
        }
        List<String> ordered = new ArrayList<>();
        extract.forEach(r -> ordered.add(r.personalId().value()));

        List<String> scanned = new ArrayList<>();
        assertThat(extract.scan(r -> scanned.add(r.personalId().value()))).isEqualTo(total);

        assertThat(scanned).hasSize(total).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(ordered);
        // and the pooled connections still give ordinary (not lazy) results to what runs next
        assertThat(extract.forEach(r -> { })).isEqualTo(total);
    }

    @Test
    void refusesARecordThatContradictsItsOwnPersonalId() {
        assertThatThrownBy(() -> new PopulationRecord(PersonalId.parse("001190000021"), null, VietnameseName.of("Nguyễn Thị Thúy"),
                LocalDate.of(1991, 2, 28), Gender.FEMALE, null))
                .isInstanceOf(IdentityInconsistencyException.class)
                .hasMessageContaining("1991");
    }

    @Test
    void refusesTooManyIdsInOneLookup() {
        List<PersonalId> ids = new ArrayList<>();
        for (int n = 0; n <= PopulationRegister.MAX_BATCH; n++) {
            ids.add(PersonalId.parse(People.personalId(n)));
        }
        assertThatThrownBy(() -> register.findByPersonalIds(ids)).hasMessageContaining("at most 1000");
    }
}
