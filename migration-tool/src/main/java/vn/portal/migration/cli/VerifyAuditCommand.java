package vn.portal.migration.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

import vn.portal.bridge.application.ChainVerification;
import vn.portal.bridge.infrastructure.persistence.BridgeServices;
import vn.portal.bridge.infrastructure.persistence.PortalDatabase;

/**
 * {@code verify-audit}: walks the hash chain of the audit log from the first event to the head and reports the
 * first event that does not check out. Exit code 0 when the chain is intact, 1 when it is broken.
 */
@Command(name = "verify-audit", mixinStandardHelpOptions = true,
        description = {"Kiểm tra chuỗi băm của nhật ký kiểm toán.", "Verifies the audit log's hash chain (exit code 0 intact, 1 broken)."})
final class VerifyAuditCommand implements Callable<Integer> {

    @ParentCommand
    MigrationTool tool;

    @Override
    public Integer call() {
        try (PortalDatabase database = tool.openDatabase()) {
            ChainVerification result = new BridgeServices(database).auditLog().verify();
            if (result.isIntact()) {
                tool.out().println(tool.message("audit.intact", result.eventsChecked()));
                tool.out().flush();
                return MigrationTool.OK;
            }
            tool.out().println(tool.message("audit.broken", result.firstBrokenEventId().orElseThrow(),
                    result.problem().orElse(""), result.eventsChecked()));
            tool.out().flush();
            return MigrationTool.ROWS_REJECTED;
        }
    }
}
