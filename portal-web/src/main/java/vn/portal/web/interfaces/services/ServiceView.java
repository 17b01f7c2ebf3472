package vn.portal.web.interfaces.services;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import vn.portal.bridge.application.ServiceCatalog;
import vn.portal.bridge.domain.model.service.PublicService;
import vn.portal.web.security.session.CurrentUser;

import java.util.List;
import java.util.Optional;

/**
 * {@code /service?code=X}: the landing page of a service the citizen was admitted to. The level is checked here
 * as well as at the gate, so typing the address directly does not bypass the step-up.
 */
@Named
@RequestScoped
public class ServiceView {

    @Inject
    ServiceCatalog catalog;

    @Inject
    CurrentUser currentUser;

    @Inject
    HttpServletRequest request;

    private Optional<ServiceRow> service;

    public ServiceRow getService() {
        if (service == null) {
            String code = request.getParameter("code");
            Optional<PublicService> found = code == null || code.length() > 32 ? Optional.empty() : catalog.byCode(code);
            service = found.filter(s -> currentUser.getUser().satisfies(s.minimumLevel()))
                    .map(s -> ServicesView.rows(catalog, List.of(s)).get(0));
        }
        return service.orElse(null);
    }
}
