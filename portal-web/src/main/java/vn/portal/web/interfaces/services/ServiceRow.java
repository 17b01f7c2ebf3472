package vn.portal.web.interfaces.services;

import vn.portal.bridge.domain.model.agency.Agency;
import vn.portal.bridge.domain.model.service.PublicService;

import java.time.LocalDate;
import java.util.Map;

/** A public service as the pages show it: with its agency's name and the minimum level as a number. */
public record ServiceRow(String code, String name, String agencyCode, String agencyName, int minLevel,
                         boolean integrated, LocalDate integratedOn) {

    static ServiceRow of(PublicService service, Map<String, Agency> agencies) {
        Agency agency = agencies.get(service.agencyCode());
        return new ServiceRow(service.code(), service.name(), service.agencyCode(),
                agency == null ? service.agencyCode() : agency.name(), service.minimumLevel().number(),
                service.vneidIntegrated(), service.integratedOn().orElse(null));
    }
}
