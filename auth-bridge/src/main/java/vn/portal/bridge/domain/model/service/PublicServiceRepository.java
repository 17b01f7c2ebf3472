package vn.portal.bridge.domain.model.service;

import java.util.List;
import java.util.Optional;

/** Stored public services. */
public interface PublicServiceRepository {

    Optional<PublicService> findByCode(String code);

    /** All services ordered by agency code, then service code. */
    List<PublicService> findAll();

    List<PublicService> findByAgency(String agencyCode);
}
