package vn.portal.migration.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import vn.portal.bridge.application.imports.EncodingChoice;
import vn.portal.bridge.application.imports.ImportFileException;
import vn.portal.bridge.application.imports.ImportKind;
import vn.portal.bridge.application.imports.ImportSource;
import vn.portal.bridge.application.imports.ImportSummary;
import vn.portal.bridge.application.imports.LegacyDataImporter;
import vn.portal.bridge.application.imports.RowError;
import vn.portal.bridge.infrastructure.persistence.BridgeServices;
import vn.portal.bridge.infrastructure.persistence.PortalDatabase;

/**
 * {@code import-agencies}, {@code import-services}, {@code import-population} and {@code import-accounts}: one file of
 * DESIGN.md §5 into the database. Prints the encoding used (and why, when detected), the counts and every listed row
 * error; exit code 0 when every row was stored, 1 when some were rejected, 2 when the file as a whole was refused.
 */
abstract class ImportCommand implements Callable<Integer> {

    @ParentCommand
    MigrationTool tool;

    @Option(names = "--file", required = true, paramLabel = "FILE", description = "the CSV file to import")
    Path file;

    @Option(names = "--encoding", paramLabel = "auto|utf-8|cp1258|tcvn3|vni", defaultValue = "auto",
            description = "text encoding of the file; auto (default) detects it and says which")
    String encoding;

    private final ImportKind kind;

    ImportCommand(ImportKind kind) {
        this.kind = kind;
    }

    @Override
    public Integer call() {
        EncodingChoice choice = EncodingChoice.parse(encoding);
        if (!Files.isRegularFile(file)) {
            throw new ImportFileException(file.toString(), Files.exists(file) ? "is not a regular file" : "does not exist");
        }
        try (PortalDatabase database = tool.openDatabase();
                TerminalProgress progress = TerminalProgress.forFile(tool, file)) {
            ImportSummary summary = run(tool, database, kind, ImportSource.of(file), choice, progress);
            return summary.hasRejections() ? MigrationTool.ROWS_REJECTED : MigrationTool.OK;
        }
    }

    /** Imports one source and prints its summary; shared with {@code import-demo}. */
    static ImportSummary run(MigrationTool tool, PortalDatabase database, ImportKind kind, ImportSource source,
            EncodingChoice choice, TerminalProgress progress) {
        BridgeServices services = new BridgeServices(database);
        LegacyDataImporter importer = new LegacyDataImporter(database.entityManagerFactory(), services, Clock.systemUTC());
        ImportSummary summary = importer.importFile(kind, source, choice, progress, tool.actor());
        progress.close();
        print(tool, summary);
        return summary;
    }

    static void print(MigrationTool tool, ImportSummary summary) {
        PrintWriter out = tool.out();
        out.println(tool.message("import.file", summary.file(), tool.message("kind." + summary.kind().label())));
        out.println(summary.detection()
                .map(d -> tool.message("import.encoding.detected", summary.encoding().displayName(), d.confidence(), d.explanation()))
                .orElseGet(() -> tool.message("import.encoding.forced", summary.encoding().displayName())));
        out.println(tool.message("import.counts", summary.inserted(), summary.updated(), summary.unchanged(), summary.rejected(),
                summary.rows()));
        if (summary.hasRejections()) {
            out.println(tool.message("import.errors"));
            for (RowError error : summary.errors()) {
                out.println("  " + error);
            }
            if (summary.unlistedErrors() > 0) {
                out.println(tool.message("import.moreErrors", summary.unlistedErrors()));
            }
        }
        out.flush();
    }

    @Command(name = "import-agencies", mixinStandardHelpOptions = true,
            description = {"Nhập danh sách cơ quan (agencies.csv).", "Imports agencies.csv: agency_code,name,kind,parent_code,supervisor."})
    static final class Agencies extends ImportCommand {
        Agencies() {
            super(ImportKind.AGENCIES);
        }
    }

    @Command(name = "import-services", mixinStandardHelpOptions = true,
            description = {"Nhập danh sách dịch vụ công (services.csv).",
                "Imports services.csv: service_code,agency_code,name,min_level,vneid_integrated,integrated_on."})
    static final class Services extends ImportCommand {
        Services() {
            super(ImportKind.SERVICES);
        }
    }

    @Command(name = "import-population", mixinStandardHelpOptions = true,
            description = {"Nhập trích xuất Cơ sở dữ liệu quốc gia về dân cư (population.csv).",
                "Imports the population-register extract: personal_id,old_id_number,full_name,birth_date,gender,phone."})
    static final class Population extends ImportCommand {
        Population() {
            super(ImportKind.POPULATION);
        }
    }

    @Command(name = "import-accounts", mixinStandardHelpOptions = true,
            description = {"Nhập tài khoản cũ của một cơ quan (accounts-*.csv).",
                "Imports one agency's legacy accounts; re-importing the same file changes nothing."})
    static final class Accounts extends ImportCommand {
        Accounts() {
            super(ImportKind.ACCOUNTS);
        }
    }
}
