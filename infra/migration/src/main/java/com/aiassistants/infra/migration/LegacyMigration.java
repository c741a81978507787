package com.aiassistants.infra.migration;

import java.io.PrintStream;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HexFormat;
import tools.jackson.databind.json.JsonMapper;

/**
 * One import of the old installation's SQLite files into the services' schemas, in dependency order:
 * areas, specialties, professionals → bookings → booking logs → conversations and messages →
 * customer memory → flow settings; then what is not migrated is counted. Everything runs in one
 * PostgreSQL transaction, committed at the end (a crash leaves nothing half-imported) or rolled back
 * for a dry run, which therefore reports exactly what a real run would do (overlaps and constraint
 * refusals included) and writes no row. Re-running is safe: target keys derive from old keys, and
 * rows already present are skipped.
 */
public final class LegacyMigration {

    /** The target lacks tables of the services: --prepare-target (or the services) must create them first. */
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
        MigrationReport report = new MigrationReport(options.dryRun(), progress);
        try (LegacySource legacy = LegacySource.open(options.sqlite())) {
            report.sources(legacy.describe());
            legacy.files().forEach(f -> progress.printf("migrate: reading %s (%s): %s%n", f.path(), f.opened(),
                    String.join(", ", f.tables())));
            if (options.prepareTarget()) {
                report.target("migrations_applied", TargetSchemas.prepare(options.target(), progress));
            }
            try (TargetDatabase target = TargetDatabase.connect(options.target())) {
                var missing = target.missingTables();
                if (!missing.isEmpty()) {
                    throw new TargetNotReadyException("the target database lacks " + String.join(", ", missing)
                            + ": run with --prepare-target (or start each service once) before migrating");
                }
                if (options.prepareTarget()) {
                    report.target("project_created", createProject(target));
                }
                MigrationRun run = new MigrationRun(legacy, target, report, new Tenants(target, options), clock, options);
                step(report, "areas, specialties, professionals", () -> new DirectoryImporter(run).run());
                BookingImporter bookings = new BookingImporter(run);
                step(report, "bookings", bookings::run);
                step(report, "booking logs", () -> new BookingLogImporter(run, bookings, json).run());
                ConversationImporter conversations = new ConversationImporter(run, json);
                step(report, "conversations and messages", conversations::run);
                step(report, "customer memory", () -> new MemoryImporter(run, json).run());
                step(report, "names from conversations", conversations::rememberNames);
                step(report, "flows", () -> new FlowImporter(run, json).run());
                step(report, "not migrated", () -> new NotMigrated(run).run());
                if (options.dryRun()) {
                    target.rollback();
                    report.outcome("dry_run_rolled_back");
                } else {
                    target.commit();
                    report.outcome("committed");
                }
            }
        }
        return report;
    }

    /**
     * The --tenant project in backend-api when it does not exist yet (name, zone, Spanish, a fresh
     * webhook secret that the console shows and can rotate); false when it was there already.
     */
    private boolean createProject(TargetDatabase target) throws SQLException {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        int created = target.update("""
                INSERT INTO backend.project (id, name, time_zone, locale, webhook_secret) VALUES (?, ?, ?, 'es', ?)
                ON CONFLICT (id) DO NOTHING""", options.tenant(),
                options.projectName() == null ? options.tenant() : options.projectName(), options.zone().getId(),
                HexFormat.of().formatHex(secret));
        if (created == 1) {
            target.update("""
                    INSERT INTO backend.project_settings_version (project_id, settings, changed_by)
                    VALUES (?, '{}'::jsonb, 'legacy-migration')""", options.tenant());
            progress.printf("migrate: project %s created%n", options.tenant());
        }
        return created == 1;
    }

    private interface Step {
        void run() throws SQLException;
    }

    private void step(MigrationReport report, String name, Step step) throws SQLException {
        long started = System.nanoTime();
        progress.printf("migrate: %s…%n", name);
        step.run();
        report.summarizeNewTables();
        progress.printf("migrate: %s done in %d ms%n", name, (System.nanoTime() - started) / 1_000_000);
    }
}
