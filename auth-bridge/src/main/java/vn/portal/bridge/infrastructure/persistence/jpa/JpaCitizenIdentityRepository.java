package vn.portal.bridge.infrastructure.persistence.jpa;

import java.util.Objects;
import java.util.Optional;

import jakarta.persistence.EntityManagerFactory;

import vn.portal.bridge.domain.model.citizen.CitizenIdentity;
import vn.portal.bridge.domain.model.citizen.CitizenIdentityRepository;
import vn.portal.bridge.domain.model.identity.PersonalId;

/** {@link CitizenIdentityRepository} on JPA. */
public class JpaCitizenIdentityRepository implements CitizenIdentityRepository {

    private final EntityManagerFactory factory;

    public JpaCitizenIdentityRepository(EntityManagerFactory factory) {
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    @Override
    public Optional<CitizenIdentity> findByPersonalId(PersonalId personalId) {
        return JpaTransactions.read(factory, em -> em
                .createQuery("SELECT c FROM CitizenIdentity c WHERE c.personalId = :personalId", CitizenIdentity.class)
                .setParameter("personalId", personalId)
                .getResultStream()
                .findFirst());
    }

    @Override
    public CitizenIdentity store(CitizenIdentity identity) {
        return JpaTransactions.inTransaction(factory, em -> {
            if (identity.id().isEmpty()) {
                em.persist(identity);
                em.flush();
                return identity;
            }
            CitizenIdentity merged = em.merge(identity);
            em.flush();
            return merged;
        });
    }

    @Override
    public long count() {
        return JpaTransactions.read(factory, em ->
                em.createQuery("SELECT COUNT(c) FROM CitizenIdentity c", Long.class).getSingleResult());
    }
}
