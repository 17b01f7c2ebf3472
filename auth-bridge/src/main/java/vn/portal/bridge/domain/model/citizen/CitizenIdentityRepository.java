package vn.portal.bridge.domain.model.citizen;

import java.util.Optional;

import vn.portal.bridge.domain.model.identity.PersonalId;
import vn.portal.bridge.domain.model.shared.ConflictingUpdateException;

/** Stored citizen identities. Each call is its own transaction; returned objects are detached copies. */
public interface CitizenIdentityRepository {

    Optional<CitizenIdentity> findByPersonalId(PersonalId personalId);

    /**
     * Inserts a new identity, or updates an already stored one if its version is still current.
     *
     * @return the stored state (with id and new version)
     * @throws ConflictingUpdateException if the personal ID was inserted concurrently or the row changed since it was read
     */
    CitizenIdentity store(CitizenIdentity identity);

    long count();
}
