package vn.portal.it.portal;

import picocli.CommandLine;
import vn.portal.migration.cli.MigrationTool;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The project's own {@code migration-tool} command line, run in the test JVM against the database the portal under
 * test holds open (H2 AUTO_SERVER), exactly as an operator runs it next to a live portal: same importers, same
 * file formats and encodings, same audit-chain check.
 */
public final class MigrationToolCli {

    /** What one command printed and its exit code (0 done, 1 rows rejected or a check failed, 2 unusable input). */
    public record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    private final String url;
    private final String user;
    private final String password;

    public MigrationToolCli(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    public Result run(String... command) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        // No environment: the database is named on the command line, nothing leaks in from the build's PORTAL_* variables.
        CommandLine line = MigrationTool.commandLine(new MigrationTool(key -> Optional.empty()));
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        List<String> arguments = new ArrayList<>(List.of(command));
        arguments.addAll(List.of("--db-url", url, "--db-user", user, "--db-password", password,
                "--actor", "portal-it", "--lang", "en"));
        int exitCode = line.execute(arguments.toArray(String[]::new));
        return new Result(exitCode, out.toString(), err.toString());
    }
}
