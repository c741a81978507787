package com.aiassistants.infra.migration;

import java.io.PrintStream;
import java.sql.SQLException;
import java.time.Clock;
import tools.jackson.databind.json.JsonMapper;

/**
 * One import of the old system's SQLite file into the services' schemas, in dependency order:
 * areas, specialties, professionals → bookings → booking logs → conversations and messages →
 * customer memory. Everything runs in one PostgreSQL transaction, committed at the end (a crash
 * leaves nothing half-imported) or rolled back for a dry run, which therefore reports exactly what
 * a real run would do (overlaps and constraint refusals included) and writes nothing.
 * Re-running is safe: target keys derive from old keys, and rows already present are skipped.
 */
public final class LegacyMigration {

    /** The target lacks tables of the services: they must have run their Flyway migrations first. */
    public static final class TargetNotReadyException extends Exception {
        TargetNotReadyException(String message) {
            super(message);
        }
    }

    private final MigrationOptions options;
    private final Clock clock;
    private final PrintStream progress;
    private final JsonMapper json = JsonMapper.builder().build();

    LegacyMigration(MigrationOptions options, Clock clock, PrintStream progress) {
        this.options = options;
        this.clock = clock;
        this.progress = progress;
    }

    MigrationReport run() throws SQLException, TargetNotReadyException {
        MigrationReport report = new MigrationReport(options.dryRun(), options.sqlite().toString());
        try (LegacyDatabase legacy = LegacyDatabase.open(options.sqlite());
                TargetDatabase target = TargetDatabase.connect(options.target())) {
            var missing = target.missingTables();
            if (!missing.isEmpty()) {
                throw new TargetNotReadyException("the target database lacks " + String.join(", ", missing)
                        + ": start each service once (or run its Flyway migrations) before migrating");
            }
            MigrationRun run = new MigrationRun(legacy, target, report, new Tenants(target, options), clock);
            step("areas, specialties, professionals", () -> new DirectoryImporter(run).run());
            BookingImporter bookings = new BookingImporter(run);
            step("bookings", bookings::run);
            step("booking logs", () -> new BookingLogImporter(run, bookings, json).run());
            step("conversations and messages", () -> new ConversationImporter(run, json).run());
            step("customer memory", () -> new MemoryImporter(run, json).run());
            if (options.dryRun()) {
                target.rollback();
                report.outcome("dry_run_rolled_back");
            } else {
                target.commit();
                report.outcome("committed");
            }
        }
        return report;
    }

    private interface Step {
        void run() throws SQLException;
    }

    private void step(String name, Step step) throws SQLException {
        long started = System.nanoTime();
        step.run();
        progress.printf("migrate: %s done in %d ms%n", name, (System.nanoTime() - started) / 1_000_000);
    }
}
