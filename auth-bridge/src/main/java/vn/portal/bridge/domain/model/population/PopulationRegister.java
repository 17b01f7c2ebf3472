package vn.portal.bridge.domain.model.population;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import vn.portal.bridge.domain.model.identity.OldIdNumber;
import vn.portal.bridge.domain.model.identity.PersonalId;
import vn.portal.bridge.domain.model.identity.PhoneNumber;

/**
 * Read-only port to the population register. Served today by the local extract table; a client of the
 * register's remote API can implement it later, so it offers only look-ups such an API can answer (no
 * "stream everything"). Results are never null; "nobody" is an empty Optional or list.
 */
public interface PopulationRegister {

    Optional<PopulationRecord> findByPersonalId(PersonalId personalId);

    /**
     * Several look-ups in one call (a remote API would batch them too); the map holds only the IDs found.
     * At most {@link #MAX_BATCH} IDs per call.
     */
    Map<PersonalId, PopulationRecord> findByPersonalIds(Collection<PersonalId> personalIds);

    /** Everybody who held this old CMND number; may be several people because numbers were reissued. */
    List<PopulationRecord> findByOldIdNumber(OldIdNumber oldIdNumber);

    /** People with this name key (see {@code VietnameseName.comparisonKey()}) born in {@code birthYear}. */
    List<PopulationRecord> findByBlockingKey(String nameKey, int birthYear);

    /** People whose registered phone is {@code phone}. */
    List<PopulationRecord> findByPhone(PhoneNumber phone);

    /** Largest collection {@link #findByPersonalIds} accepts (Oracle allows 1000 items in an IN list). */
    int MAX_BATCH = 1000;
}
