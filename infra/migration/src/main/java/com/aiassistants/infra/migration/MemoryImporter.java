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
 * Old {@code customer_memory(project_id, customer_id, memory_json, updated_at_iso)} (ai_assistants.sqlite3,
 * its memory store) → backend-api's key/value {@code customer_memory}. The old store wrote
 * {@code {"slots": {key: value}, "updated_at": {key: iso time}}} (earlier rows: a flat object); each slot
 * becomes one entry, {@code customer_name} (and {@code nombre}) under {@code name}, the key the assistant
 * reads. Each entry expires like a new one: the project's memory lifetime after that key's own
 * {@code updated_at} (else the row's {@code updated_at_iso}); keys already past it are dropped, a memory
 * with none left is rejected as expired, an empty one as empty. Customer ids are E.164 like the new
 * gateway's; the old project ({@code dev} by default) is mapped with {@code --map-project}. Existing
 * keys are never overwritten (newer data wins).
 */
final class MemoryImporter {

    private static final Set<String> NAME_KEYS = Set.of("name", "customer_name", "nombre");

    private record Entry(String value, Instant updatedAt) {
    }

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
            String oldCustomer = row.text("customer_id");
            String oldProject = row.text("project_id", "tenant_id");
            String tenant = run.tenants().of(row);
            String legacyId = (oldProject == null ? "?" : oldProject) + "/" + oldCustomer;
            if (oldCustomer == null) {
                report.rejected(legacyId, "missing customer_id");
                continue;
            }
            if (tenant == null) {
                report.rejected(legacyId, "no project and no --tenant");
                continue;
            }
            if (!run.tenants().projectExists(tenant)) {
                report.rejected(legacyId, "project '" + tenant + "' does not exist in backend-api: create it or map it with "
                        + "--map-project " + oldProject + "=<project>");
                continue;
            }
            String customerId = LegacyPhones.customer(oldCustomer);
            Instant now = run.clock().instant();
            ZoneId zone = run.tenants().zone(tenant).orElse(ZoneId.of("UTC"));
            Instant rowUpdated = now;
            Object rawUpdated = row.raw("updated_at_iso", "updated_at");
            if (rawUpdated != null && !rawUpdated.toString().isBlank()) {
                try {
                    rowUpdated = LegacyTimes.instant(rawUpdated, zone, "updated_at_iso");
                } catch (IllegalArgumentException e) {
                    report.warning(legacyId, e.getMessage() + "; counted from now");
                }
            }
            Map<String, Entry> entries;
            try {
                entries = entries(row.text("memory_json", "memory"), rowUpdated, zone);
            } catch (IllegalArgumentException e) {
                report.rejected(legacyId, e.getMessage());
                continue;
            }
            if (entries.isEmpty()) {
                report.rejected(legacyId, "empty memory: nothing to carry");
                continue;
            }
            Duration ttl = run.tenants().memoryTtl(tenant);
            Map<String, Entry> live = new LinkedHashMap<>();
            entries.forEach((key, entry) -> {
                if (entry.updatedAt().plus(ttl).isAfter(now)) {
                    live.put(key, entry);
                }
            });
            if (live.isEmpty()) {
                report.rejected(legacyId, "expired: last updated " + rowUpdated + ", more than the project's "
                        + ttl.toDays() + "-day memory lifetime ago");
                continue;
            }
            if (live.size() < entries.size()) {
                report.warning(legacyId, (entries.size() - live.size()) + " expired key(s) left out");
            }
            if (!customerId.equals(oldCustomer)) {
                report.warning(legacyId, "customer " + customerId + " (E.164 with +, as the new gateway writes it)");
            }
            int inserted;
            try {
                inserted = run.target().inSavepoint(c -> {
                    int count = 0;
                    for (Map.Entry<String, Entry> entry : live.entrySet()) {
                        count += run.target().update("""
                                INSERT INTO backend.customer_memory (project_id, customer_id, key, value, expires_at, updated_at)
                                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (project_id, customer_id, key) DO NOTHING""",
                                tenant, customerId, entry.getKey(), entry.getValue().value(),
                                entry.getValue().updatedAt().plus(ttl), entry.getValue().updatedAt());
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

    private Map<String, Entry> entries(String memoryJson, Instant rowUpdated, ZoneId zone) {
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
        boolean wrapped = node.has("slots") && node.has("updated_at");
        JsonNode slots = wrapped ? node.get("slots") : node;
        JsonNode times = wrapped ? node.get("updated_at") : json.createObjectNode();
        if (!slots.isObject()) {
            throw new IllegalArgumentException("memory_json.slots is not a JSON object");
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : slots.properties()) {
            JsonNode value = field.getValue();
            if (value.isNull() || (value.isString() && value.asString().isBlank())) {
                continue;
            }
            Instant updated = rowUpdated;
            JsonNode at = times.isObject() ? times.get(field.getKey()) : null;
            if (at != null && at.isString()) {
                try {
                    updated = LegacyTimes.instant(at.asString(), zone, "updated_at");
                } catch (IllegalArgumentException badTime) {
                    // the row's time stands in
                }
            }
            String key = NAME_KEYS.contains(field.getKey()) ? "name" : field.getKey();
            entries.putIfAbsent(key, new Entry(value.isString() ? value.asString() : json.writeValueAsString(value), updated));
        }
        return entries;
    }
}
