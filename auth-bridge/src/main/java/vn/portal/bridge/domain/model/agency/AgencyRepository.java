package vn.portal.bridge.domain.model.agency;

import java.util.List;
import java.util.Optional;

/** Stored agencies. */
public interface AgencyRepository {

    Optional<Agency> findByCode(String code);

    /** All agencies ordered by code. */
    List<Agency> findAll();
}
