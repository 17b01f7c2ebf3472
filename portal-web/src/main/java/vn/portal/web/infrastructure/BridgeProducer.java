package vn.portal.web.infrastructure;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import vn.portal.bridge.application.AuditLog;
import vn.portal.bridge.application.imports.BackgroundImports;
import vn.portal.bridge.application.imports.LegacyDataImporter;
import vn.portal.bridge.infrastructure.persistence.jpa.JdbcImportRunRepository;
import vn.portal.bridge.application.linking.LinkingEngine;
import vn.portal.bridge.application.review.ReviewDesk;
import vn.portal.bridge.application.selflink.CitizenSelfLinking;
import vn.portal.bridge.domain.model.population.PopulationRegister;
import vn.portal.bridge.infrastructure.persistence.selflink.JdbcClaimAttemptRepository;
import vn.portal.bridge.application.CitizenSignIn;
import vn.portal.bridge.application.ServiceCatalog;
import vn.portal.bridge.application.SessionRegistry;
import vn.portal.bridge.application.StaffDirectory;
import vn.portal.bridge.domain.model.link.IdentityLinkRepository;
import vn.portal.bridge.domain.model.link.ReviewItemRepository;
import vn.portal.bridge.infrastructure.persistence.BridgeServices;
import vn.portal.bridge.infrastructure.persistence.DatabaseSettings;
import vn.portal.bridge.infrastructure.persistence.PortalDatabase;
import vn.portal.web.config.PortalConfiguration;

import java.time.Clock;
import java.util.logging.Logger;

/**
 * Opens the portal database at deployment (Flyway migrates it, demo data when {@code PORTAL_DEMO_DATA=true}) and
 * exposes the auth bridge's services as CDI beans. The bridge itself knows nothing of CDI, which is what lets the
 * CLI and the tests use exactly the same services. The producers are dependent-scoped because the services are
 * plain classes (not proxyable); each returns the one instance built here.
 */
@ApplicationScoped
public class BridgeProducer {

    private static final Logger LOG = Logger.getLogger(BridgeProducer.class.getName());

    @Inject
    PortalConfiguration configuration;

    private PortalDatabase database;
    private BridgeServices services;
    private CitizenSelfLinking selfLinking;
    private ReviewDesk reviewDesk;
    private LegacyDataImporter importer;
    private BackgroundImports backgroundImports;

    /** Migrate at deployment rather than at the first request, so a broken schema fails the deployment. */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        services();
    }

    private synchronized BridgeServices services() {
        if (services == null) {
            DatabaseSettings settings = configuration.databaseSettings();
            database = PortalDatabase.open(settings, configuration.demoData());
            services = new BridgeServices(database);
            Clock clock = Clock.systemUTC();
            selfLinking = new CitizenSelfLinking(services.legacyAccounts(), services.identityLinks(), services.reviewItems(),
                    services.serviceCatalog(), services.linkingEngine(),
                    new JdbcClaimAttemptRepository(database.entityManagerFactory()), services.auditLog(), clock);
            reviewDesk = new ReviewDesk(services.reviewItems(), services.identityLinks(), services.legacyAccounts(),
                    services.auditLog(), clock);
            importer = new LegacyDataImporter(database.entityManagerFactory(), services, clock);
            backgroundImports = new BackgroundImports(new JdbcImportRunRepository(database.entityManagerFactory()), importer,
                    services.auditLog(), clock, configuration.nodeName(), BackgroundImports.DEFAULT_STALE_AFTER);
            // Imports this node was running when it stopped cannot still be running: say so before anyone looks.
            int interrupted = backgroundImports.interruptAbandoned();
            if (interrupted > 0) {
                LOG.warning(() -> interrupted + " background import(s) marked interrupted at start of node " + configuration.nodeName());
            }
            LOG.info(() -> "Portal database ready at " + settings.redactedUrl()
                    + (configuration.demoData() ? " (demo data loaded)" : ""));
        }
        return services;
    }

    @Produces
    PortalDatabase database() {
        services();
        return database;
    }

    @Produces
    AuditLog auditLog() {
        return services().auditLog();
    }

    @Produces
    CitizenSignIn citizenSignIn() {
        return services().citizenSignIn();
    }

    @Produces
    StaffDirectory staffDirectory() {
        return services().staffDirectory();
    }

    @Produces
    ServiceCatalog serviceCatalog() {
        return services().serviceCatalog();
    }

    @Produces
    SessionRegistry sessionRegistry() {
        return services().sessionRegistry();
    }

    /** The one linking engine, for the linking batch job's artifacts and self-linking. */
    @Produces
    LinkingEngine linkingEngine() {
        return services().linkingEngine();
    }

    @Produces
    CitizenSelfLinking citizenSelfLinking() {
        services();
        return selfLinking;
    }

    @Produces
    ReviewDesk reviewDesk() {
        services();
        return reviewDesk;
    }

    @Produces
    LegacyDataImporter legacyDataImporter() {
        services();
        return importer;
    }

    /** Uploaded files imported in the background; the state of every import is in the database. */
    @Produces
    BackgroundImports backgroundImports() {
        services();
        return backgroundImports;
    }

    @Produces
    PopulationRegister populationRegister() {
        return services().populationRegister();
    }

    @Produces
    IdentityLinkRepository identityLinks() {
        return services().identityLinks();
    }

    @Produces
    ReviewItemRepository reviewItems() {
        return services().reviewItems();
    }

    @PreDestroy
    void close() {
        if (database != null) {
            database.close();
        }
    }
}
