package vn.portal.migration.linking;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import vn.portal.bridge.application.linking.LinkExportFilter;
import vn.portal.bridge.infrastructure.persistence.BridgeServices;
import vn.portal.bridge.infrastructure.persistence.PortalDatabase;
import vn.portal.migration.cli.MigrationTool;

/**
 * {@code export-links [--format csv] [--output F] [--agency X]}: writes the current links as
 * {@code agency_code,account_id,personal_id,method,score,state} (DESIGN.md §5), UTF-8, to the file or to
 * standard output.
 */
@Command(name = "export-links", mixinStandardHelpOptions = true,
        description = {"Xuất các liên kết hiện hành ra tệp CSV.", "Exports the current links as CSV."})
public final class ExportLinksCommand implements Callable<Integer> {

    @ParentCommand
    MigrationTool tool;

    @Spec
    CommandSpec spec;

    @Option(names = "--format", defaultValue = "csv", paramLabel = "csv",
            description = {"Định dạng; hiện chỉ có csv.", "Output format; only csv for now."})
    String format;

    @Option(names = "--output", paramLabel = "FILE",
            description = {"Tệp đích; mặc định in ra màn hình.", "Output file; default standard output."})
    Path output;

    @Option(names = "--agency", paramLabel = "CODE",
            description = {"Chỉ xuất liên kết của một cơ quan.", "Export only this agency's links."})
    String agency;

    @Override
    public Integer call() throws IOException {
        if (!"csv".equalsIgnoreCase(format.strip())) {
            throw new ParameterException(spec.commandLine(), "--format must be csv, not " + format);
        }
        LinkExportFilter filter = agency == null || agency.isBlank() ? LinkExportFilter.everything()
                : LinkExportFilter.everything().agency(agency.strip());
        try (PortalDatabase database = tool.openDatabase()) {
            BridgeServices services = new BridgeServices(database);
            if (output == null) {
                PrintWriter out = tool.out();
                services.linkingEngine().exportLinks(out, filter);
                out.flush();
                return MigrationTool.OK;
            }
            long written;
            try (Writer file = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(output), StandardCharsets.UTF_8))) {
                written = services.linkingEngine().exportLinks(file, filter);
            }
            tool.err().printf("%d links written to %s%n", written, output);
            tool.err().flush();
            return MigrationTool.OK;
        }
    }
}
