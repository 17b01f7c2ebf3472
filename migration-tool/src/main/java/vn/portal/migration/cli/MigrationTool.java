package vn.portal.migration.cli;

import java.io.PrintWriter;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

import vn.portal.bridge.application.imports.ImportFileException;
import vn.portal.bridge.domain.model.encoding.UnknownEncodingException;
import vn.portal.bridge.infrastructure.persistence.DatabaseSettings;
import vn.portal.bridge.infrastructure.persistence.InvalidDatabaseSettingsException;
import vn.portal.bridge.infrastructure.persistence.PortalDatabase;

/**
 * Entry point of {@code migration-tool}. Global options apply to every command and may be written before or
 * after the command name. Without {@code --db-url} the tool opens the database the portal uses: the
 * {@code PORTAL_DB_URL}, {@code PORTAL_DB_USER} and {@code PORTAL_DB_PASSWORD} environment, else the embedded H2
 * file {@code ./data/portal} relative to the working directory, which the running portal may hold open at the
 * same time (H2 AUTO_SERVER).
 */
@Command(name = "migration-tool", mixinStandardHelpOptions = true, version = "migration-tool 0.1.0",
        description = {"Nhập dữ liệu cũ của các cơ quan và liên kết với định danh VNeID.",
            "Imports agencies' legacy data and links it to VNeID identities."},
        synopsisSubcommandLabel = "COMMAND")
public final class MigrationTool implements Runnable {

    /** Everything done, no row rejected, every check passed. */
    public static final int OK = 0;
    /** The command ran, but some rows were rejected (or a check such as the audit chain failed). */
    public static final int ROWS_REJECTED = 1;
    /** Bad options, an unusable file or an unreachable database: nothing was done. */
    public static final int USAGE = 2;

    private static final Logger LOG = Logger.getLogger(MigrationTool.class.getName());

    @Spec
    private CommandSpec spec;

    @Option(names = "--db-url", scope = ScopeType.INHERIT, paramLabel = "URL",
            description = "JDBC URL (jdbc:h2:... or jdbc:oracle:thin:@//host:1521/service); default PORTAL_DB_URL, else the portal's ./data/portal H2 file")
    private String dbUrl;

    @Option(names = "--db-user", scope = ScopeType.INHERIT, paramLabel = "USER", description = "database user; default PORTAL_DB_USER, else portal")
    private String dbUser;

    @Option(names = "--db-password", scope = ScopeType.INHERIT, paramLabel = "PASSWORD",
            description = "database password; default PORTAL_DB_PASSWORD, else portal")
    private String dbPassword;

    @Option(names = "--actor", scope = ScopeType.INHERIT, paramLabel = "NAME",
            description = "who runs the command, for the audit log; default the operating-system user")
    private String actor;

    @Option(names = "--lang", scope = ScopeType.INHERIT, paramLabel = "vi|en", description = "language of the output: vi (default) or en")
    private String lang;

    private final Function<String, Optional<String>> environment;

    /** Reads database defaults from the process environment. */
    public MigrationTool() {
        this(key -> Optional.ofNullable(System.getenv(key)));
    }

    /** Reads database defaults through {@code environment} (tests pass their own). */
    public MigrationTool(Function<String, Optional<String>> environment) {
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    public static void main(String[] args) {
        // Flyway and EclipseLink report every start at INFO; an operator wants the tool's own output.
        Logger.getLogger("").setLevel(Level.WARNING);
        for (var handler : Logger.getLogger("").getHandlers()) {
            handler.setLevel(Level.WARNING);
        }
        System.exit(commandLine(new MigrationTool()).execute(args));
    }

    /** The subcommands, in the order the help lists them. Add new commands here. */
    static List<Object> subcommands() {
        return List.of(
                new ImportCommand.Agencies(),
                new ImportCommand.Services(),
                new ImportCommand.Population(),
                new ImportCommand.Accounts(),
                new ImportDemoCommand(),
                new VerifyAuditCommand(),
                new vn.portal.migration.evaluation.EvaluateCommand(),
                new vn.portal.migration.linking.LinkCommand(), new vn.portal.migration.linking.ExportLinksCommand());
    }

    /** A command line for {@code tool} with every subcommand and the exit-code mapping of this tool. */
    public static CommandLine commandLine(MigrationTool tool) {
        CommandLine commandLine = new CommandLine(tool);
        for (Object command : subcommands()) {
            commandLine.addSubcommand(command);
        }
        commandLine.setExecutionExceptionHandler((failure, line, parseResult) -> {
            PrintWriter err = line.getErr();
            if (failure instanceof ImportFileException || failure instanceof UnknownEncodingException) {
                err.println(failure.getMessage());
            } else if (failure instanceof InvalidDatabaseSettingsException) {
                err.println(tool.message("error.settings", failure.getMessage()));
            } else {
                LOG.log(Level.FINE, "command failed", failure);
                err.println(tool.message("error.failed", rootMessage(failure)));
            }
            err.flush();
            return USAGE;
        });
        return commandLine;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), message("error.noCommand"));
    }

    /** The database settings from the options, the environment and the defaults, in that order. */
    public DatabaseSettings databaseSettings() {
        return DatabaseSettings.fromConfig(key -> switch (key) {
            case DatabaseSettings.KEY_URL -> Optional.ofNullable(dbUrl).or(() -> environment.apply(key));
            case DatabaseSettings.KEY_USER -> Optional.ofNullable(dbUser).or(() -> environment.apply(key));
            case DatabaseSettings.KEY_PASSWORD -> Optional.ofNullable(dbPassword).or(() -> environment.apply(key));
            default -> environment.apply(key);
        }).withPool(1, 4);
    }

    /**
     * Migrates (Flyway) and opens the database; the caller closes it.
     *
     * @param withDemoData also load the repeatable demo agencies and services, as {@code ./portal run} does
     */
    public PortalDatabase openDatabase(boolean withDemoData) {
        return PortalDatabase.open(databaseSettings(), withDemoData);
    }

    public PortalDatabase openDatabase() {
        return openDatabase(false);
    }

    /** Who is acting, for audit events: {@code --actor}, else the operating-system user. */
    public String actor() {
        if (actor != null && !actor.isBlank()) {
            return actor.strip();
        }
        String user = System.getProperty("user.name");
        return user == null || user.isBlank() ? "migration-tool" : "os:" + user;
    }

    public PrintWriter out() {
        return spec.commandLine().getOut();
    }

    public PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** The output language: Vietnamese unless {@code --lang en}. */
    public Locale locale() {
        return lang != null && lang.strip().toLowerCase(Locale.ROOT).startsWith("en") ? Locale.ENGLISH : Locale.forLanguageTag("vi");
    }

    /** A message of {@code messages.properties} (Vietnamese) or {@code messages_en.properties}. */
    public String message(String key, Object... arguments) {
        ResourceBundle bundle = ResourceBundle.getBundle("vn.portal.migration.cli.messages", locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new MessageFormat(bundle.getString(key), locale()).format(arguments);
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == failure ? String.valueOf(failure.getMessage())
                : failure.getMessage() + " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
    }
}
