/**
 * The {@code migration-tool} command line ({@code java -jar migration-tool/target/migration-tool.jar <command>}):
 * picocli commands that work on the portal's database directly. {@link vn.portal.migration.cli.MigrationTool} holds
 * the global options ({@code --db-url}, {@code --db-user}, {@code --db-password}, {@code --actor}, {@code --lang}),
 * opens the database and lists the subcommands in {@code MigrationTool.subcommands()}. To add a command, write a
 * {@code @Command(name = "...")} class implementing {@code Callable<Integer>} with a {@code @ParentCommand MigrationTool
 * tool} field, use {@code tool.openDatabase()}, {@code tool.actor()}, {@code tool.out()}, and add one line to that list.
 * Exit codes: {@link vn.portal.migration.cli.MigrationTool#OK}, {@link vn.portal.migration.cli.MigrationTool#ROWS_REJECTED}
 * (also "check failed"), {@link vn.portal.migration.cli.MigrationTool#USAGE} (bad options, unusable file, no database).
 */
package vn.portal.migration.cli;
