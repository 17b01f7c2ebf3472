package vn.portal.bridge.infrastructure.persistence.jpa;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import jakarta.persistence.EntityManagerFactory;

import vn.portal.bridge.domain.model.service.PublicService;
import vn.portal.bridge.domain.model.service.PublicServiceRepository;

/** {@link PublicServiceRepository} on JPA. */
public class JpaPublicServiceRepository implements PublicServiceRepository {

    private final EntityManagerFactory factory;

    public JpaPublicServiceRepository(EntityManagerFactory factory) {
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    @Override
    public Optional<PublicService> findByCode(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        return JpaTransactions.read(factory, em -> Optional.ofNullable(em.find(PublicService.class, code.strip())));
    }

    @Override
    public List<PublicService> findAll() {
        return JpaTransactions.read(factory, em -> em
                .createQuery("SELECT s FROM PublicService s ORDER BY s.agencyCode, s.code", PublicService.class)
                .getResultList());
    }

    @Override
    public List<PublicService> findByAgency(String agencyCode) {
        return JpaTransactions.read(factory, em -> em
                .createQuery("SELECT s FROM PublicService s WHERE s.agencyCode = :agency ORDER BY s.code", PublicService.class)
                .setParameter("agency", agencyCode)
                .getResultList());
    }
}
