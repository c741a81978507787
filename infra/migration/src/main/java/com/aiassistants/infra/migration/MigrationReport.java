package com.aiassistants.infra.migration;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON report of one run: options, and per target table what happened to the old rows. */
final class MigrationReport {

    private final boolean dryRun;
    private final java.io.PrintStream progress;
    private Object sources = List.of();
    private final Map<String, Object> notMigrated = new LinkedHashMap<>();
    private final Map<String, Object> target = new LinkedHashMap<>();
    private final Map<String, TableReport> tables = new LinkedHashMap<>();
    /** Tables whose totals were already printed. */
    private int summarized;
    private String outcome = "running";

    MigrationReport(boolean dryRun, java.io.PrintStream progress) {
        this.dryRun = dryRun;
        this.progress = progress;
    }

    /** The old files read (path, how each was opened, its tables). */
    void sources(Object files) {
        sources = files;
    }

    /** What was done to the target before the import (schemas prepared, project created). */
    void target(String key, Object value) {
        target.put(key, value);
    }

    /**
     * Old data that is deliberately not imported: {@code what} (e.g. {@code jobs}) with its row count,
     * the reason and what to do about it.
     */
    void notMigrated(String what, int rows, String reason, String action) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("rows", rows);
        entry.put("reason", reason);
        entry.put("what_to_do", action);
        notMigrated.put(what, entry);
    }

    /** The report of a target table (created on first use; the order of first use is the JSON order). */
    TableReport table(String targetTable, String source) {
        return tables.computeIfAbsent(targetTable, t -> new TableReport(t, source, progress));
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
        json.put("outcome", outcome);
        json.put("sources", sources);
        if (!target.isEmpty()) {
            json.put("target", target);
        }
        Map<String, Object> perTable = new LinkedHashMap<>();
        tables.forEach((name, table) -> perTable.put(name, table.toJson()));
        json.put("tables", perTable);
        json.put("not_migrated", notMigrated);
        return json;
    }

    /** Prints the totals of each table filled since the last call (the progress lines show only rows read so far). */
    void summarizeNewTables() {
        tables.values().stream().skip(summarized).forEach(TableReport::summarize);
        summarized = tables.size();
    }
}
