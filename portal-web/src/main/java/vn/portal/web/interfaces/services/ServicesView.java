package vn.portal.web.interfaces.services;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import vn.portal.bridge.application.ServiceCatalog;
import vn.portal.bridge.domain.model.agency.Agency;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** {@code /services}: every public service with the level it demands. */
@Named
@RequestScoped
public class ServicesView {

    @Inject
    ServiceCatalog catalog;

    private List<ServiceRow> services;

    public List<ServiceRow> getServices() {
        if (services == null) {
            services = rows(catalog, catalog.all());
        }
        return services;
    }

    public static List<ServiceRow> rows(ServiceCatalog catalog, List<vn.portal.bridge.domain.model.service.PublicService> list) {
        Map<String, Agency> agencies = catalog.agencies().stream().collect(Collectors.toMap(Agency::code, Function.identity()));
        return list.stream().map(s -> ServiceRow.of(s, agencies)).toList();
    }
}
