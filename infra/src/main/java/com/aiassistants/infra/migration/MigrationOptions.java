package com.aiassistants.infra.migration;

import com.aiassistants.common.config.ConnectionUrlEnvironmentPostProcessor.JdbcCoordinates;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * What to migrate where.
 *
 * @param sqlite   the old system's SQLite file (opened read-only)
 * @param target   the PostgreSQL holding the services' schemas (already created by their Flyway migrations)
 * @param tenant   the tenant of old rows that carry no project_id (null: such rows are rejected)
 * @param zone     the zone of the old wall-clock dates and times (null: each tenant's configured zone)
 * @param dryRun   run everything inside one transaction and roll it back: a full report, no writes
 */
record MigrationOptions(Path sqlite, JdbcCoordinates target, String tenant, ZoneId zone, boolean dryRun) {

    static final String USAGE = """
            usage: scripts/migrate-sqlite.sh --sqlite PATH [--database-url URL] [--tenant ID] [--zone ZONE] [--dry-run]
              --sqlite PATH        the old system's SQLite database (read-only)
              --database-url URL   target PostgreSQL: jdbc:postgresql://… or postgres://user:pass@host:port/db
                                   (default: $DATABASE_URL)
              --tenant ID          tenant (project id) for old rows without a project_id
              --zone ZONE          time zone of the old dates/times, e.g. America/Argentina/Buenos_Aires
                                   (default: the tenant's project zone, else its schedule zone)
              --dry-run            import inside a transaction that is rolled back: report only, writes nothing
            Prints a JSON report on stdout. Exit 0 when the run completed (rows may have been rejected:
            see the report), 1 on an unexpected failure (rolled back), 2 on bad usage, 3 when a database
            cannot be used.
            """;

    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    static MigrationOptions parse(List<String> args, Map<String, String> env) throws UsageException {
        Path sqlite = null;
        String url = env.get("DATABASE_URL");
        String tenant = null;
        ZoneId zone = null;
        boolean dryRun = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--sqlite" -> sqlite = Path.of(value(args, ++i, arg));
                case "--database-url" -> url = value(args, ++i, arg);
                case "--tenant" -> tenant = value(args, ++i, arg);
                case "--zone" -> zone = zone(value(args, ++i, arg));
                case "--dry-run" -> dryRun = true;
                default -> throw new UsageException("unknown argument " + arg);
            }
        }
        if (sqlite == null) {
            throw new UsageException("--sqlite is required");
        }
        if (url == null || url.isBlank()) {
            throw new UsageException("--database-url (or DATABASE_URL) is required");
        }
        if (tenant != null && !tenant.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            throw new UsageException("--tenant must be a project id (letters, digits, . _ -)");
        }
        JdbcCoordinates target;
        try {
            target = JdbcCoordinates.parse(url.trim());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        return new MigrationOptions(sqlite, target, tenant, zone, dryRun);
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
