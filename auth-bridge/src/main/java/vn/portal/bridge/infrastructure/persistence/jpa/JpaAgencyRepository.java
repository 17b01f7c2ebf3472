package vn.portal.bridge.infrastructure.persistence.jpa;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import jakarta.persistence.EntityManagerFactory;

import vn.portal.bridge.domain.model.agency.Agency;
import vn.portal.bridge.domain.model.agency.AgencyRepository;

/** {@link AgencyRepository} on JPA. */
public class JpaAgencyRepository implements AgencyRepository {

    private final EntityManagerFactory factory;

    public JpaAgencyRepository(EntityManagerFactory factory) {
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    @Override
    public Optional<Agency> findByCode(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        return JpaTransactions.read(factory, em -> Optional.ofNullable(em.find(Agency.class, code.strip())));
    }

    @Override
    public List<Agency> findAll() {
        return JpaTransactions.read(factory, em ->
                em.createQuery("SELECT a FROM Agency a ORDER BY a.code", Agency.class).getResultList());
    }
}
