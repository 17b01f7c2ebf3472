package vn.portal.bridge.application.imports;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;
import java.util.logging.Logger;

import jakarta.persistence.EntityManagerFactory;

import vn.portal.bridge.application.AuditLog;
import vn.portal.bridge.domain.model.audit.AuditEntry;
import vn.portal.bridge.domain.model.audit.AuditEventType;
import vn.portal.bridge.domain.model.audit.AuditOutcome;
import vn.portal.bridge.domain.model.legacy.LegacyAccountRepository;
import vn.portal.bridge.domain.model.population.PopulationRecordRepository;
import vn.portal.bridge.infrastructure.persistence.BridgeServices;

/**
 * Imports the agencies' files of DESIGN.md §5: {@code agencies.csv}, {@code services.csv}, {@code population.csv}
 * and {@code accounts-*.csv}. Used by the {@code migration-tool} commands and by the admin upload page.
 *
 * <p>Import agencies first, then services and accounts (which name agencies); the population extract is
 * independent. Every call records one audit event ({@code LEGACY_DATA_IMPORTED}): who, which file, the
 * encoding and the counts, or the reason a whole file was refused.
 */
public final class LegacyDataImporter {

    private static final Logger LOG = Logger.getLogger(LegacyDataImporter.class.getName());

    private final ReferenceDataStore referenceData;
    private final LegacyAccountRepository accounts;
    private final PopulationRecordRepository population;
    private final AuditLog auditLog;
    private final Clock clock;

    public LegacyDataImporter(ReferenceDataStore referenceData, LegacyAccountRepository accounts,
            PopulationRecordRepository population, AuditLog auditLog, Clock clock) {
        this.referenceData = Objects.requireNonNull(referenceData, "referenceData");
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.population = Objects.requireNonNull(population, "population");
        this.auditLog = Objects.requireNonNull(auditLog, "auditLog");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Wires the importer onto the bridge's repositories and the persistence unit they share. */
    public LegacyDataImporter(EntityManagerFactory factory, BridgeServices services, Clock clock) {
        this(new JpaReferenceDataStore(factory), services.legacyAccounts(), services.populationRecords(), services.auditLog(), clock);
    }

    public ImportSummary importAgencies(ImportSource source, EncodingChoice encoding, ImportProgress progress, String actor) {
        return importFile(ImportKind.AGENCIES, source, encoding, progress, actor);
    }

    public ImportSummary importServices(ImportSource source, EncodingChoice encoding, ImportProgress progress, String actor) {
        return importFile(ImportKind.SERVICES, source, encoding, progress, actor);
    }

    public ImportSummary importPopulation(ImportSource source, EncodingChoice encoding, ImportProgress progress, String actor) {
        return importFile(ImportKind.POPULATION, source, encoding, progress, actor);
    }

    public ImportSummary importAccounts(ImportSource source, EncodingChoice encoding, ImportProgress progress, String actor) {
        return importFile(ImportKind.ACCOUNTS, source, encoding, progress, actor);
    }

    /**
     * Imports one file of {@code kind}.
     *
     * @param actor who runs the import (the OS user of the CLI, the signed-in administrator's personal ID ...)
     * @return the counts and the first row errors; rows with errors were skipped, all others stored
     * @throws ImportFileException if the file as a whole cannot be imported; nothing was written then
     */
    public ImportSummary importFile(ImportKind kind, ImportSource source, EncodingChoice encoding, ImportProgress progress,
            String actor) {
        return importFile(kind, source, encoding, progress, actor, null);
    }

    /**
     * As {@link #importFile(ImportKind, ImportSource, EncodingChoice, ImportProgress, String)}, with the audit event
     * carrying {@code correlationId} (a background import's id ties its start and its end together).
     */
    public ImportSummary importFile(ImportKind kind, ImportSource source, EncodingChoice encoding, ImportProgress progress,
            String actor, String correlationId) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(encoding, "encoding");
        Objects.requireNonNull(progress, "progress");
        if (actor == null || actor.isBlank()) {
            throw new IllegalArgumentException("an import needs an actor for the audit log");
        }
        LocalDate today = LocalDate.now(clock.withZone(Fields.AGENCY_ZONE));
        RowHandler<?> handler = switch (kind) {
            case AGENCIES -> new AgencyRows(referenceData);
            case SERVICES -> new ServiceRows(referenceData);
            case POPULATION -> new PopulationRows(population, today);
            case ACCOUNTS -> new AccountRows(accounts, referenceData.agencyCodes(), source.name(), today);
        };
        ImportSummary summary;
        try {
            summary = new CsvImport<>(kind, source, encoding, handler, progress).run();
        } catch (ImportFileException e) {
            auditLog.record(new AuditEntry(AuditEventType.LEGACY_DATA_IMPORTED, AuditOutcome.FAILURE, actor,
                    "import/" + kind.label(), "FILE_REJECTED", correlationId, clip(e.getMessage())));
            throw e;
        }
        auditLog.record(new AuditEntry(AuditEventType.LEGACY_DATA_IMPORTED, AuditOutcome.SUCCESS, actor,
                "import/" + kind.label(), summary.hasRejections() ? "ROWS_REJECTED" : null, correlationId, clip(details(summary))));
        LOG.info(() -> "Imported " + summary);
        return summary;
    }

    private static String details(ImportSummary summary) {
        return "file=" + summary.file() + "; encoding=" + summary.encoding().cliName()
                + (summary.detection().isPresent() ? " (detected)" : " (forced)")
                + "; rows=" + summary.rows() + "; inserted=" + summary.inserted() + "; updated=" + summary.updated()
                + "; unchanged=" + summary.unchanged() + "; rejected=" + summary.rejected();
    }

    private static String clip(String text) {
        return text.length() <= AuditEntry.MAX_DETAILS ? text : text.substring(0, AuditEntry.MAX_DETAILS);
    }
}
