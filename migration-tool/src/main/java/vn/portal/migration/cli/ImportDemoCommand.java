package vn.portal.migration.cli;

import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

import vn.portal.bridge.application.imports.EncodingChoice;
import vn.portal.bridge.application.imports.ImportKind;
import vn.portal.bridge.application.imports.ImportSource;
import vn.portal.bridge.application.imports.ImportSummary;
import vn.portal.bridge.infrastructure.persistence.PortalDatabase;

/**
 * {@code import-demo}: loads the demo legacy data shipped in the jar (a population extract of the sandbox's demo
 * citizens and three agencies' account files, in UTF-8, TCVN3 and VNI) into a database that has the demo agencies,
 * as {@code ./portal run} does. Safe to repeat: a second run changes nothing.
 */
@Command(name = "import-demo", mixinStandardHelpOptions = true,
        description = {"Nạp dữ liệu cũ mẫu (dân cư và tài khoản của các công dân thử nghiệm).",
            "Loads the bundled demo population extract and legacy accounts (with the demo agencies)."})
final class ImportDemoCommand implements Callable<Integer> {

    /** The demo files under {@code demo/} in import order, with the kind of each. */
    static final List<DemoFile> FILES = List.of(
            new DemoFile("demo/population.csv", ImportKind.POPULATION),
            new DemoFile("demo/accounts-BHXH.csv", ImportKind.ACCOUNTS),
            new DemoFile("demo/accounts-BTP.csv", ImportKind.ACCOUNTS),
            new DemoFile("demo/accounts-STP-HN.csv", ImportKind.ACCOUNTS));

    record DemoFile(String resource, ImportKind kind) {
    }

    @ParentCommand
    MigrationTool tool;

    @Override
    public Integer call() {
        boolean rejected = false;
        try (PortalDatabase database = tool.openDatabase(true)) {
            for (DemoFile file : FILES) {
                ImportSummary summary = ImportCommand.run(tool, database, file.kind(),
                        ImportSource.ofResource(ImportDemoCommand.class.getClassLoader(), file.resource()), EncodingChoice.auto(),
                        TerminalProgress.none());
                rejected |= summary.hasRejections();
            }
        }
        return rejected ? MigrationTool.ROWS_REJECTED : MigrationTool.OK;
    }
}
