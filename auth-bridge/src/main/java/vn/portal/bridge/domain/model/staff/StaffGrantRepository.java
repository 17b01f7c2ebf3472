package vn.portal.bridge.domain.model.staff;

import java.util.List;

import vn.portal.bridge.domain.model.identity.PersonalId;
import vn.portal.bridge.domain.model.shared.ConflictingUpdateException;

/** Stored staff grants. */
public interface StaffGrantRepository {

    List<StaffGrant> findByPersonalId(PersonalId personalId);

    /** @throws ConflictingUpdateException if the same grant already exists */
    StaffGrant add(StaffGrant grant);

    /** @return true if a matching grant existed and was removed */
    boolean remove(PersonalId personalId, StaffRole role, String agencyCode);
}
