package vn.portal.bridge.application;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import vn.portal.bridge.domain.model.agency.Agency;
import vn.portal.bridge.domain.model.agency.AgencyRepository;
import vn.portal.bridge.domain.model.service.PublicService;
import vn.portal.bridge.domain.model.service.PublicServiceRepository;

/** The public services and agencies a citizen can browse. */
public class ServiceCatalog {

    private final PublicServiceRepository services;
    private final AgencyRepository agencies;

    public ServiceCatalog(PublicServiceRepository services, AgencyRepository agencies) {
        this.services = Objects.requireNonNull(services, "services");
        this.agencies = Objects.requireNonNull(agencies, "agencies");
    }

    /** All services ordered by agency code, then service code. */
    public List<PublicService> all() {
        return services.findAll();
    }

    public Optional<PublicService> byCode(String code) {
        return services.findByCode(code);
    }

    public List<PublicService> byAgency(String agencyCode) {
        return services.findByAgency(agencyCode);
    }

    /** All agencies ordered by code. */
    public List<Agency> agencies() {
        return agencies.findAll();
    }

    public Optional<Agency> agency(String code) {
        return agencies.findByCode(code);
    }
}
