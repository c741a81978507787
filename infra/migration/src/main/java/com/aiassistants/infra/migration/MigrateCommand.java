package com.aiassistants.infra.migration;

import java.io.PrintStream;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Entry point of {@code scripts/migrate-sqlite.sh}: imports the old system's SQLite database into
 * the services' PostgreSQL schemas. Progress on stderr, the JSON report on stdout; exit 0 when the
 * run completed (see the report for rejected rows), 1 on an unexpected failure (rolled back), 2 on bad
 * usage, 3 when a database is unusable.
 */
public final class MigrateCommand {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private MigrateCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.getenv(), Clock.systemUTC(), System.out, System.err));
    }

    static int run(List<String> args, Map<String, String> env, Clock clock, PrintStream out, PrintStream err) {
        if (args.contains("--help") || args.contains("-h")) {
            out.print(MigrationOptions.USAGE);
            return 0;
        }
        MigrationOptions options;
        try {
            options = MigrationOptions.parse(args, env);
        } catch (MigrationOptions.UsageException e) {
            err.println("migrate: " + e.getMessage());
            err.print(MigrationOptions.USAGE);
            return 2;
        }
        MigrationReport report;
        try {
            report = new LegacyMigration(options, clock, err).run();
        } catch (LegacyMigration.TargetNotReadyException e) {
            err.println("migrate: " + e.getMessage());
            return 3;
        } catch (SQLException e) {
            err.println("migrate: database error, nothing was written: " + SqlErrors.describe(e));
            return 3;
        } catch (RuntimeException e) {
            err.println("migrate: unexpected failure, nothing was written: " + e);
            e.printStackTrace(err);
            return 1;
        }
        out.println(JSON.writeValueAsString(report.toJson()));
        err.printf("migrate: %s, %d rows rejected (listed in the report)%n", report.toJson().get("outcome"),
                report.totalRejected());
        return 0;
    }
}
