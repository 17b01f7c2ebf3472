package vn.portal.bridge.infrastructure.persistence.jpa;

import java.util.List;
import java.util.Objects;

import jakarta.persistence.EntityManagerFactory;

import vn.portal.bridge.domain.model.identity.PersonalId;
import vn.portal.bridge.domain.model.staff.StaffGrant;
import vn.portal.bridge.domain.model.staff.StaffGrantRepository;
import vn.portal.bridge.domain.model.staff.StaffRole;

/** {@link StaffGrantRepository} on JPA. */
public class JpaStaffGrantRepository implements StaffGrantRepository {

    private final EntityManagerFactory factory;

    public JpaStaffGrantRepository(EntityManagerFactory factory) {
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    @Override
    public List<StaffGrant> findByPersonalId(PersonalId personalId) {
        return JpaTransactions.read(factory, em -> em
                .createQuery("SELECT g FROM StaffGrant g WHERE g.personalId = :personalId ORDER BY g.role, g.agencyCode",
                        StaffGrant.class)
                .setParameter("personalId", personalId)
                .getResultList());
    }

    @Override
    public StaffGrant add(StaffGrant grant) {
        return JpaTransactions.inTransaction(factory, em -> {
            em.persist(grant);
            em.flush();
            return grant;
        });
    }

    @Override
    public boolean remove(PersonalId personalId, StaffRole role, String agencyCode) {
        return JpaTransactions.inTransaction(factory, em -> {
            String agencyCondition = agencyCode == null ? "g.agencyCode IS NULL" : "g.agencyCode = :agency";
            var query = em.createQuery("DELETE FROM StaffGrant g WHERE g.personalId = :personalId AND g.role = :role AND "
                    + agencyCondition)
                    .setParameter("personalId", personalId)
                    .setParameter("role", role);
            if (agencyCode != null) {
                query.setParameter("agency", agencyCode);
            }
            return query.executeUpdate() > 0;
        });
    }
}
