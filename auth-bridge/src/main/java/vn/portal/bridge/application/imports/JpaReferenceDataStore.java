package vn.portal.bridge.application.imports;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import vn.portal.bridge.domain.model.agency.Agency;
import vn.portal.bridge.domain.model.legacy.UpsertCounts;
import vn.portal.bridge.domain.model.service.PublicService;
import vn.portal.bridge.infrastructure.persistence.jpa.JpaTransactions;

/**
 * {@link ReferenceDataStore} on JPA. Agencies and services number in the hundreds or thousands, so a find
 * and a merge per row is plenty; each row is flushed at once so a parent agency is inserted before the
 * departments that reference it, whatever order the provider would choose.
 */
public final class JpaReferenceDataStore implements ReferenceDataStore {

    private final EntityManagerFactory factory;

    public JpaReferenceDataStore(EntityManagerFactory factory) {
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    @Override
    public Set<String> agencyCodes() {
        return JpaTransactions.read(factory, em -> new LinkedHashSet<>(
                em.createQuery("SELECT a.code FROM Agency a ORDER BY a.code", String.class).getResultList()));
    }

    @Override
    public UpsertCounts upsertAgencies(List<Agency> batch) {
        return JpaTransactions.inTransaction(factory, em -> {
            long inserted = 0;
            long updated = 0;
            long unchanged = 0;
            for (Agency agency : batch) {
                Agency stored = em.find(Agency.class, agency.code());
                if (stored == null) {
                    em.persist(agency);
                    inserted++;
                } else if (sameAgency(stored, agency)) {
                    unchanged++;
                    continue;
                } else {
                    em.merge(agency);
                    updated++;
                }
                em.flush();
            }
            return new UpsertCounts(inserted, updated, unchanged);
        });
    }

    @Override
    public UpsertCounts upsertServices(List<PublicService> batch) {
        return JpaTransactions.inTransaction(factory, (EntityManager em) -> {
            long inserted = 0;
            long updated = 0;
            long unchanged = 0;
            for (PublicService service : batch) {
                PublicService stored = em.find(PublicService.class, service.code());
                if (stored == null) {
                    em.persist(service);
                    inserted++;
                } else if (sameService(stored, service)) {
                    unchanged++;
                } else {
                    em.merge(service);
                    updated++;
                }
            }
            em.flush();
            return new UpsertCounts(inserted, updated, unchanged);
        });
    }

    private static boolean sameAgency(Agency a, Agency b) {
        return a.name().equals(b.name()) && a.kind() == b.kind() && a.parentCode().equals(b.parentCode())
                && a.supervisor().equals(b.supervisor());
    }

    private static boolean sameService(PublicService a, PublicService b) {
        return a.agencyCode().equals(b.agencyCode()) && a.name().equals(b.name()) && a.minimumLevel() == b.minimumLevel()
                && a.vneidIntegrated() == b.vneidIntegrated() && a.integratedOn().equals(b.integratedOn());
    }
}
