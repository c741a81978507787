package com.aiassistants.infra.migration;

import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON report of one run: options, and per target table what happened to the old rows. */
final class MigrationReport {

    private final boolean dryRun;
    private final String sqlite;
    private final Map<String, TableReport> tables = new LinkedHashMap<>();
    private String outcome = "running";

    MigrationReport(boolean dryRun, String sqlite) {
        this.dryRun = dryRun;
        this.sqlite = sqlite;
    }

    /** The report of a target table (created on first use; the order of first use is the JSON order). */
    TableReport table(String target, String source) {
        return tables.computeIfAbsent(target, t -> new TableReport(source));
    }

    void outcome(String value) {
        outcome = value;
    }

    int totalRejected() {
        return tables.values().stream().mapToInt(TableReport::rejectedCount).sum();
    }

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("dry_run", dryRun);
        json.put("sqlite", sqlite);
        json.put("outcome", outcome);
        Map<String, Object> perTable = new LinkedHashMap<>();
        tables.forEach((name, table) -> perTable.put(name, table.toJson()));
        json.put("tables", perTable);
        return json;
    }
}
