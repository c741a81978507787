package com.aiassistants.infra.migration;

import com.aiassistants.common.config.ConnectionUrlEnvironmentPostProcessor.JdbcCoordinates;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What to migrate where.
 *
 * @param sqlite              the old installation: its data directory and/or SQLite files (opened read-only)
 * @param target              the PostgreSQL of the services' schemas
 * @param tenant              the project of old rows without a project (the old bookings, logs, conversations,
 *                            directory and flows); null: such rows are rejected
 * @param projectMap          old project id → new project id for rows that carry one (the old default {@code dev})
 * @param zone                the zone of the old wall-clock dates and times (null: each tenant's configured zone)
 * @param defaultProfessional the professional of old bookings (the old calendar had one agenda and no
 *                            professional): an old {@code PROF-…} id or a target professional id
 * @param prepareTarget       apply the services' Flyway migrations and create the project if missing
 * @param projectName         the name of a project created by {@code --prepare-target}
 * @param dryRun              run everything inside one transaction and roll it back: a full report, no writes
 */
record MigrationOptions(List<Path> sqlite, JdbcCoordinates target, String tenant, Map<String, String> projectMap,
        ZoneId zone, String defaultProfessional, boolean prepareTarget, String projectName, boolean dryRun) {

    static final String USAGE = """
            usage: scripts/migrate-sqlite.sh --sqlite PATH [--sqlite PATH…] --tenant ID [options]
              --sqlite PATH                the old data directory (its *.db / *.sqlite3 files) or one SQLite
                                           file; repeat for several. Opened read-only, nothing is written beside them
              --database-url URL           target PostgreSQL: jdbc:postgresql://… or postgres://user:pass@host:port/db
                                           (default: $DATABASE_URL)
              --tenant ID                  the project that receives old rows without a project
              --map-project OLD=NEW        rows of old project OLD go to project NEW (repeatable), e.g. dev=clinica-sur
              --zone ZONE                  time zone the old system showed times in, e.g. America/Argentina/Buenos_Aires
                                           (default: the project's zone)
              --default-professional ID    professional of the old bookings (the old calendar had none): an old
                                           PROF-… id or a professional id of mcp-professionals
              --prepare-target             apply each service's Flyway migrations to the target and create the
                                           --tenant project when missing (needs --zone): no service has to run first
              --project-name NAME          name of a project created by --prepare-target (default: the id)
              --dry-run                    import inside a transaction that is rolled back: report only, writes nothing
            Prints a JSON report on stdout and progress on stderr. Exit 0 when the run completed (rows may
            have been rejected: see the report), 1 on an unexpected failure (rolled back), 2 on bad usage,
            3 when a database cannot be used.
            """;

    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    private static final String PROJECT_ID = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

    static MigrationOptions parse(List<String> args, Map<String, String> env) throws UsageException {
        List<Path> sqlite = new ArrayList<>();
        String url = env.get("DATABASE_URL");
        String tenant = null;
        Map<String, String> projectMap = new LinkedHashMap<>();
        ZoneId zone = null;
        String defaultProfessional = null;
        boolean prepare = false;
        String projectName = null;
        boolean dryRun = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--sqlite" -> sqlite.add(Path.of(value(args, ++i, arg)));
                case "--database-url" -> url = value(args, ++i, arg);
                case "--tenant" -> tenant = value(args, ++i, arg);
                case "--map-project" -> {
                    String pair = value(args, ++i, arg);
                    int eq = pair.indexOf('=');
                    if (eq <= 0 || !pair.substring(eq + 1).matches(PROJECT_ID)) {
                        throw new UsageException("--map-project takes OLD=NEW, e.g. dev=clinica-sur");
                    }
                    projectMap.put(pair.substring(0, eq), pair.substring(eq + 1));
                }
                case "--zone" -> zone = zone(value(args, ++i, arg));
                case "--default-professional" -> defaultProfessional = value(args, ++i, arg);
                case "--prepare-target" -> prepare = true;
                case "--project-name" -> projectName = value(args, ++i, arg);
                case "--dry-run" -> dryRun = true;
                default -> throw new UsageException("unknown argument " + arg);
            }
        }
        if (sqlite.isEmpty()) {
            throw new UsageException("--sqlite is required");
        }
        if (url == null || url.isBlank()) {
            throw new UsageException("--database-url (or DATABASE_URL) is required");
        }
        if (tenant != null && !tenant.matches(PROJECT_ID)) {
            throw new UsageException("--tenant must be a project id (letters, digits, . _ -)");
        }
        if (prepare && (tenant == null || zone == null)) {
            throw new UsageException("--prepare-target needs --tenant and --zone (to create the project when missing)");
        }
        JdbcCoordinates target;
        try {
            target = JdbcCoordinates.parse(url.trim());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        return new MigrationOptions(List.copyOf(sqlite), target, tenant, Map.copyOf(projectMap), zone,
                defaultProfessional, prepare, projectName, dryRun);
    }

    private static String value(List<String> args, int index, String flag) throws UsageException {
        if (index >= args.size() || args.get(index).startsWith("--")) {
            throw new UsageException(flag + " needs a value");
        }
        return args.get(index);
    }

    private static ZoneId zone(String id) throws UsageException {
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            throw new UsageException("--zone: unknown time zone '" + id + "'");
        }
    }
}
