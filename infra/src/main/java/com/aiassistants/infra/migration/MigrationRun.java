package com.aiassistants.infra.migration;

import java.sql.SQLException;
import java.time.Clock;
import java.util.List;

/** What every importer of one run shares: both databases, the report, tenant settings and the clock. */
record MigrationRun(LegacyDatabase legacy, TargetDatabase target, MigrationReport report, Tenants tenants,
        Clock clock) {

    /** The old table's rows, or none (and the report says the table was absent) when the file lacks it. */
    List<LegacyRow> rows(String table, TableReport report) throws SQLException {
        if (!legacy.hasTable(table)) {
            report.absent();
            return List.of();
        }
        return legacy.rows(table);
    }
}
