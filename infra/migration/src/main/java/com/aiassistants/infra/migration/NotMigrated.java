package com.aiassistants.infra.migration;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Old data the migration deliberately leaves behind, each listed in the report with its row count,
 * the reason and what to do (docs/deployment.md, "Migrating from the old system", says the same).
 */
final class NotMigrated {

    private final MigrationRun run;

    NotMigrated(MigrationRun run) {
        this.run = run;
    }

    void run() throws SQLException {
        if (run.legacy().hasTable("jobs")) {
            List<LegacyRow> jobs = run.legacy().rows("jobs");
            Map<String, Integer> byStatus = new TreeMap<>();
            jobs.forEach(j -> byStatus.merge(String.valueOf(j.text("status")), 1, Integer::sum));
            long inFlight = jobs.stream().filter(j -> "pending".equals(j.text("status")) || "running".equals(j.text("status")))
                    .count();
            run.report().notMigrated("jobs", jobs.size(), "async jobs of the old backend " + byStatus + ": finished ones "
                    + "are only a cache of replies already delivered; " + inFlight + " pending/running job(s) were "
                    + "never answered, and a job id of the old system means nothing to the new one",
                    "freeze the old system and let its queue drain before migrating; a client polling an old job id "
                            + "must send the message again");
        }
        count("vector_memory", "semantic memory items: embeddings of the old embedding model, and the new assistant "
                + "has no vector store (its memory is the key/value customer memory, migrated)",
                "nothing; the customer's name and key facts come over in customer memory");
        count("oauth_tokens", "Google Calendar OAuth tokens (tokens.db): secrets issued to the old application's "
                + "OAuth client, and the new calendar is mcp-calendar, not Google Calendar",
                "nothing to carry; revoke the old app's access in the Google account (Security → third-party access)");
        for (String table : List.of("flow_stages", "automata", "automata_versions", "automata_tools", "automata_tests",
                "automata_test_results", "automata_changes", "automata_metrics")) {
            count(table, "booking_flow.db: the new assistant has its own dialogue; the active bookings flow's greeting, "
                    + "system prompt, required name and activation codes became the project's flow settings",
                    "review the project's flow settings in the console after migrating");
        }
    }

    private void count(String table, String reason, String action) throws SQLException {
        if (run.legacy().hasTable(table)) {
            run.report().notMigrated(table, run.legacy().count(table), reason, action);
        }
    }
}
