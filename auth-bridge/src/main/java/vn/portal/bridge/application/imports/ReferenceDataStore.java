package vn.portal.bridge.application.imports;

import java.util.List;
import java.util.Set;

import vn.portal.bridge.domain.model.agency.Agency;
import vn.portal.bridge.domain.model.legacy.UpsertCounts;
import vn.portal.bridge.domain.model.service.PublicService;

/**
 * Writes the reference data the importers load: agencies and public services. The agency and service
 * repositories of the domain are read-only, so the importers own this small port.
 */
public interface ReferenceDataStore {

    /** Codes of every stored agency. */
    Set<String> agencyCodes();

    /**
     * Inserts new agencies and updates changed ones by code, in file order (a parent before its departments),
     * in one transaction; an agency stored with the same values is left alone.
     */
    UpsertCounts upsertAgencies(List<Agency> batch);

    /** As {@link #upsertAgencies} for public services, by service code. */
    UpsertCounts upsertServices(List<PublicService> batch);
}
