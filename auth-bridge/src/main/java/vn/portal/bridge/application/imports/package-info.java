/**
 * Importers of the agencies' files (DESIGN.md §5): agencies, public services, the population-register extract
 * and legacy accounts. Shared by the {@code migration-tool} CLI and the portal's admin upload page. Each import
 * streams its file in bounded memory, detects or takes the legacy encoding, checks the header before writing
 * anything, reports every bad row with file, line, column and reason without stopping, upserts in batches so a
 * re-import changes nothing, and records one audit event with its counts.
 */
package vn.portal.bridge.application.imports;
