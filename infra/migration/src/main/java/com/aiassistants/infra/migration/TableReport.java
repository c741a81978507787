package com.aiassistants.infra.migration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts for one target table: every row read ends as exactly one of inserted, skipped_existing
 * (already there: a previous run, or the same name already present) or rejected (with the reason).
 * Warnings note rows imported with something left out (an invalid phone, an unknown specialty…).
 */
final class TableReport {

    static final int MAX_LISTED = 500;

    record Issue(String legacyId, String reason) {
    }

    private final String source;
    private boolean present = true;
    private int read;
    private int inserted;
    private int skippedExisting;
    private int rejected;
    private final List<Issue> rejections = new ArrayList<>();
    private final List<Issue> warnings = new ArrayList<>();
    private int warningCount;

    private final String target;
    private final java.io.PrintStream progress;
    private int total = -1;
    private long lastShown = System.nanoTime();

    TableReport(String target, String source, java.io.PrintStream progress) {
        this.target = target;
        this.source = source;
        this.progress = progress;
    }

    /** How many old rows this table will read (for the progress lines). */
    void total(int rows) {
        total = rows;
    }

    void absent() {
        present = false;
    }

    /** Counts one old row read; at the first, every 1,000th and every 2 seconds a progress line goes to stderr. */
    void read() {
        read++;
        long now = System.nanoTime();
        if (progress != null && (read == 1 || read % 1000 == 0 || now - lastShown > 2_000_000_000L)) {
            lastShown = now;
            progress.printf("migrate: %s ← %s: %d%s rows read, %d inserted, %d rejected%n", target, source, read,
                    total < 0 ? "" : "/" + total, inserted, rejected);
        }
    }

    /** The table's final line: every row read is inserted, already there, or rejected. */
    void summarize() {
        if (progress != null && present) {
            progress.printf("migrate: %s ← %s: %d read = %d inserted + %d already there + %d rejected%n", target, source,
                    read, inserted, skippedExisting, rejected);
        }
    }

    void inserted() {
        inserted++;
    }

    void skippedExisting() {
        skippedExisting++;
    }

    void rejected(String legacyId, String reason) {
        rejected++;
        if (rejections.size() < MAX_LISTED) {
            rejections.add(new Issue(legacyId, reason));
        }
    }

    void warning(String legacyId, String message) {
        warningCount++;
        if (warnings.size() < MAX_LISTED) {
            warnings.add(new Issue(legacyId, message));
        }
    }

    int rejectedCount() {
        return rejected;
    }

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("source", source);
        json.put("present", present);
        json.put("read", read);
        json.put("inserted", inserted);
        json.put("skipped_existing", skippedExisting);
        json.put("rejected", rejected);
        json.put("rejections", rejections.stream().map(TableReport::issue).toList());
        if (rejected > rejections.size()) {
            json.put("rejections_not_listed", rejected - rejections.size());
        }
        json.put("warnings", warnings.stream().map(TableReport::issue).toList());
        if (warningCount > warnings.size()) {
            json.put("warnings_not_listed", warningCount - warnings.size());
        }
        return json;
    }

    private static Map<String, Object> issue(Issue issue) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("legacy_id", issue.legacyId());
        json.put("reason", issue.reason());
        return json;
    }
}
