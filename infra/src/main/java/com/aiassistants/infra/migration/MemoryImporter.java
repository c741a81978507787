package com.aiassistants.infra.migration;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Old {@code customer_memory(project_id, customer_id, memory_json, updated_at_iso)} → backend-api's
 * key/value {@code customer_memory}. Each top-level key of {@code memory_json} becomes one entry
 * (strings as they are, other values as JSON text; {@code customer_name}/{@code nombre} become
 * {@code name}, the key the assistant reads). Entries expire like new ones: the project's memory
 * lifetime after the old {@code updated_at_iso}; memory already past it is rejected, not imported
 * only to be swept. Existing keys are never overwritten (newer data wins).
 */
final class MemoryImporter {

    private static final Set<String> NAME_KEYS = Set.of("name", "customer_name", "nombre");

    private final MigrationRun run;
    private final JsonMapper json;

    MemoryImporter(MigrationRun run, JsonMapper json) {
        this.run = run;
        this.json = json;
    }

    void run() throws SQLException {
        TableReport report = run.report().table("backend.customer_memory", "customer_memory");
        for (LegacyRow row : run.rows("customer_memory", report)) {
            report.read();
            String customerId = row.text("customer_id");
            String tenant = run.tenants().of(row);
            String legacyId = (tenant == null ? "?" : tenant) + "/" + customerId;
            if (customerId == null) {
                report.rejected(legacyId, "missing customer_id");
                continue;
            }
            if (tenant == null) {
                report.rejected(legacyId, "no project_id and no --tenant");
                continue;
            }
            if (!run.tenants().projectExists(tenant)) {
                report.rejected(legacyId, "project '" + tenant + "' does not exist in backend-api: create it first");
                continue;
            }
            Map<String, String> entries;
            try {
                entries = entries(row.text("memory_json", "memory"));
            } catch (IllegalArgumentException e) {
                report.rejected(legacyId, e.getMessage());
                continue;
            }
            if (entries.isEmpty()) {
                report.rejected(legacyId, "memory_json has no entries");
                continue;
            }
            Instant now = run.clock().instant();
            ZoneId zone = run.tenants().zone(tenant).orElse(ZoneId.of("UTC"));
            Instant updatedAt = now;
            Object rawUpdated = row.raw("updated_at_iso", "updated_at");
            if (rawUpdated != null && !rawUpdated.toString().isBlank()) {
                try {
                    updatedAt = LegacyTimes.instant(rawUpdated, zone, "updated_at_iso");
                } catch (IllegalArgumentException e) {
                    report.warning(legacyId, e.getMessage() + "; counted from now");
                }
            }
            Duration ttl = run.tenants().memoryTtl(tenant);
            Instant expiresAt = updatedAt.plus(ttl);
            if (!expiresAt.isAfter(now)) {
                report.rejected(legacyId, "expired: last updated " + updatedAt + ", more than the project's "
                        + ttl.toDays() + "-day memory lifetime ago");
                continue;
            }
            Instant written = updatedAt;
            int inserted;
            try {
                inserted = run.target().inSavepoint(c -> {
                    int count = 0;
                    for (Map.Entry<String, String> entry : entries.entrySet()) {
                        count += run.target().update("""
                                INSERT INTO backend.customer_memory (project_id, customer_id, key, value, expires_at, updated_at)
                                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (project_id, customer_id, key) DO NOTHING""",
                                tenant, customerId, entry.getKey(), entry.getValue(), expiresAt, written);
                    }
                    return count;
                });
            } catch (SQLException e) {
                report.rejected(legacyId, "refused by the database: " + SqlErrors.describe(e));
                continue;
            }
            if (inserted > 0) {
                report.inserted();
            } else {
                report.skippedExisting();
            }
        }
    }

    private Map<String, String> entries(String memoryJson) {
        if (memoryJson == null) {
            return Map.of();
        }
        JsonNode node;
        try {
            node = json.readTree(memoryJson);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("memory_json is not JSON");
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("memory_json is not a JSON object");
        }
        Map<String, String> entries = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            JsonNode value = field.getValue();
            if (value.isNull() || (value.isString() && value.asString().isBlank())) {
                continue;
            }
            String key = NAME_KEYS.contains(field.getKey()) ? "name" : field.getKey();
            entries.putIfAbsent(key, value.isString() ? value.asString() : json.writeValueAsString(value));
        }
        return entries;
    }
}
