package vn.portal.web.interfaces.staff;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import vn.portal.bridge.application.ServiceCatalog;
import vn.portal.bridge.domain.model.agency.Agency;
import vn.portal.web.security.session.CurrentUser;

import java.util.List;

/** {@code /agency/}: the services of the agencies the officer works for, with their VNeID integration status. */
@Named
@RequestScoped
public class AgencyView {

    @Inject
    ServiceCatalog catalog;

    @Inject
    CurrentUser currentUser;

    /** An agency with its services. */
    public record AgencyServices(String code, String name, List<vn.portal.web.interfaces.services.ServiceRow> services) {
    }

    private List<AgencyServices> agencies;

    public List<AgencyServices> getAgencies() {
        if (agencies == null) {
            agencies = currentUser.getUser().officerAgencies().stream().sorted()
                    .map(code -> new AgencyServices(code, catalog.agency(code).map(Agency::name).orElse(code),
                            vn.portal.web.interfaces.services.ServicesView.rows(catalog, catalog.byAgency(code))))
                    .toList();
        }
        return agencies;
    }
}
