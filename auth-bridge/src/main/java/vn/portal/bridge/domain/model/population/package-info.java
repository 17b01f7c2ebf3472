/**
 * The national population register as the portal sees it: {@link vn.portal.bridge.domain.model.population.PopulationRecord}
 * (one person, keyed by personal ID), the read-only {@link vn.portal.bridge.domain.model.population.PopulationRegister}
 * port the linking engine and sign-in consult, and the repository of the local extract that the importer fills.
 * Today the port is served from the extract table; a remote register API can replace it without touching callers.
 */
package vn.portal.bridge.domain.model.population;
