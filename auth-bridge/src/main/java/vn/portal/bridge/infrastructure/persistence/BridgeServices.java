package vn.portal.bridge.infrastructure.persistence;

import java.time.Clock;
import java.util.Objects;

import jakarta.persistence.EntityManagerFactory;

import vn.portal.bridge.application.AuditLog;
import vn.portal.bridge.application.CitizenSignIn;
import vn.portal.bridge.application.ServiceCatalog;
import vn.portal.bridge.application.SessionRegistry;
import vn.portal.bridge.application.StaffDirectory;
import vn.portal.bridge.application.linking.LinkingEngine;
import vn.portal.bridge.domain.model.legacy.LegacyAccountRepository;
import vn.portal.bridge.domain.model.link.IdentityLinkRepository;
import vn.portal.bridge.domain.model.link.ReviewItemRepository;
import vn.portal.bridge.domain.model.matching.MatchingModel;
import vn.portal.bridge.domain.model.population.PopulationRecordRepository;
import vn.portal.bridge.domain.model.population.PopulationRegister;
import vn.portal.bridge.infrastructure.persistence.jpa.JpaAgencyRepository;
import vn.portal.bridge.infrastructure.persistence.jpa.JpaAuditEventRepository;
import vn.portal.bridge.infrastructure.persistence.jpa.JdbcLegacyAccountRepository;
import vn.portal.bridge.infrastructure.persistence.jpa.JdbcPopulationRegister;
import vn.portal.bridge.infrastructure.persistence.jpa.JpaCitizenIdentityRepository;
import vn.portal.bridge.infrastructure.persistence.jpa.JpaIdentityLinkRepository;
import vn.portal.bridge.infrastructure.persistence.jpa.JpaPortalSessionRepository;
import vn.portal.bridge.infrastructure.persistence.jpa.JpaPublicServiceRepository;
import vn.portal.bridge.infrastructure.persistence.jpa.JpaReviewItemRepository;
import vn.portal.bridge.infrastructure.persistence.jpa.JpaStaffGrantRepository;

/**
 * Wires the application services onto JPA repositories in one place, for callers without CDI (the CLI,
 * tests) and for the portal's CDI producers. Holds no state beyond the objects it built; all are thread-safe.
 */
public final class BridgeServices {

    private final AuditLog auditLog;
    private final CitizenSignIn citizenSignIn;
    private final StaffDirectory staffDirectory;
    private final ServiceCatalog serviceCatalog;
    private final SessionRegistry sessionRegistry;
    private final LegacyAccountRepository legacyAccounts;
    private final JdbcPopulationRegister populationRegister;
    private final IdentityLinkRepository identityLinks;
    private final ReviewItemRepository reviewItems;
    private final LinkingEngine linkingEngine;

    public BridgeServices(EntityManagerFactory factory, Clock clock) {
        Objects.requireNonNull(factory, "factory");
        Objects.requireNonNull(clock, "clock");
        this.auditLog = new AuditLog(new JpaAuditEventRepository(factory), clock);
        this.citizenSignIn = new CitizenSignIn(new JpaCitizenIdentityRepository(factory), auditLog, clock);
        this.staffDirectory = new StaffDirectory(new JpaStaffGrantRepository(factory), auditLog, clock);
        this.serviceCatalog = new ServiceCatalog(new JpaPublicServiceRepository(factory), new JpaAgencyRepository(factory));
        this.sessionRegistry = new SessionRegistry(new JpaPortalSessionRepository(factory), clock);
        this.legacyAccounts = new JdbcLegacyAccountRepository(factory, clock);
        this.populationRegister = new JdbcPopulationRegister(factory, clock);
        this.identityLinks = new JpaIdentityLinkRepository(factory);
        this.reviewItems = new JpaReviewItemRepository(factory);
        this.linkingEngine = new LinkingEngine(new JpaAgencyRepository(factory), legacyAccounts, populationRegister,
                populationRegister, new JpaCitizenIdentityRepository(factory), identityLinks, reviewItems, auditLog,
                MatchingModel.loadDefault(), clock);
    }

    public BridgeServices(PortalDatabase database) {
        this(database.entityManagerFactory(), Clock.systemUTC());
    }

    public AuditLog auditLog() {
        return auditLog;
    }

    public CitizenSignIn citizenSignIn() {
        return citizenSignIn;
    }

    public StaffDirectory staffDirectory() {
        return staffDirectory;
    }

    public ServiceCatalog serviceCatalog() {
        return serviceCatalog;
    }

    public SessionRegistry sessionRegistry() {
        return sessionRegistry;
    }

    public LegacyAccountRepository legacyAccounts() {
        return legacyAccounts;
    }

    /** The population register port, served from the local extract until a remote register API replaces it. */
    public PopulationRegister populationRegister() {
        return populationRegister;
    }

    /** The local extract of the register: the importer's upserts and the linking batch's full scan. */
    public PopulationRecordRepository populationRecords() {
        return populationRegister;
    }

    public IdentityLinkRepository identityLinks() {
        return identityLinks;
    }

    public ReviewItemRepository reviewItems() {
        return reviewItems;
    }

    /** The one linking engine (CLI {@code link}, the batch job, citizen self-linking), on the default matching model. */
    public LinkingEngine linkingEngine() {
        return linkingEngine;
    }
}
