package com.aiassistants.infra.migration;

import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which tenant an old row belongs to and that tenant's settings in the target: its zone (for old
 * wall-clock strings), whether backend-api knows the project, and its customer-memory lifetime.
 */
final class Tenants {

    /** backend-api's default customer-memory lifetime (ai-assistants.backend.limits.memory-ttl). */
    static final Duration DEFAULT_MEMORY_TTL = Duration.ofDays(90);

    private final TargetDatabase target;
    private final MigrationOptions options;
    private final Map<String, Optional<ZoneId>> zones = new HashMap<>();
    private final Map<String, Optional<Duration>> projects = new HashMap<>();

    Tenants(TargetDatabase target, MigrationOptions options) {
        this.target = target;
        this.options = options;
    }

    /**
     * The row's project: its project_id (or tenant_id) as mapped by --map-project, else --tenant; null
     * when neither (the row is rejected).
     */
    String of(LegacyRow row) {
        return mapped(row.text("project_id", "tenant_id"));
    }

    /** An old project id as mapped by --map-project (unmapped ids stay), or --tenant when null. */
    String mapped(String oldProject) {
        if (oldProject == null) {
            return options.tenant();
        }
        return options.projectMap().getOrDefault(oldProject, oldProject);
    }

    /** --zone, else the backend project's zone, else the professionals' schedule zone. */
    Optional<ZoneId> zone(String tenant) throws SQLException {
        if (options.zone() != null) {
            return Optional.of(options.zone());
        }
        Optional<ZoneId> cached = zones.get(tenant);
        if (cached == null) {
            Optional<String> id = target.queryOne("SELECT time_zone FROM backend.project WHERE id = ?",
                    rs -> rs.getString(1), tenant);
            if (id.isEmpty()) {
                id = target.queryOne("SELECT time_zone FROM professionals.schedule_settings WHERE tenant_id = ?",
                        rs -> rs.getString(1), tenant);
            }
            cached = id.flatMap(Tenants::parseZone);
            zones.put(tenant, cached);
        }
        return cached;
    }

    boolean projectExists(String tenant) throws SQLException {
        return project(tenant).isPresent();
    }

    /** The project's memory_ttl_days setting, else backend-api's default. */
    Duration memoryTtl(String tenant) throws SQLException {
        return project(tenant).orElse(DEFAULT_MEMORY_TTL);
    }

    private Optional<Duration> project(String tenant) throws SQLException {
        Optional<Duration> cached = projects.get(tenant);
        if (cached == null) {
            cached = target.queryOne("""
                    SELECT coalesce(settings->>'memory_ttl_days', settings->>'memoryTtlDays') FROM backend.project
                     WHERE id = ?""", rs -> {
                        String days = rs.getString(1);
                        return days == null || !days.matches("\\d{1,5}") ? DEFAULT_MEMORY_TTL : Duration.ofDays(Long.parseLong(days));
                    }, tenant);
            projects.put(tenant, cached);
        }
        return cached;
    }

    private static Optional<ZoneId> parseZone(String id) {
        try {
            return Optional.of(ZoneId.of(id));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
