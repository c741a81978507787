package com.aiassistants.infra.migration;

import java.sql.SQLException;
import java.time.Clock;
import java.util.List;

/** What every importer of one run shares: both databases, the report, tenant settings and the clock. */
record MigrationRun(LegacySource legacy, TargetDatabase target, MigrationReport report, Tenants tenants,
        Clock clock, MigrationOptions options) {

    /** The old table's rows, or none (and the report says the table was absent) when the file lacks it. */
    List<LegacyRow> rows(String table, TableReport report) throws SQLException {
        if (!legacy.hasTable(table)) {
            report.absent();
            return List.of();
        }
        List<LegacyRow> rows = legacy.rows(table);
        report.total(rows.size());
        return rows;
    }

    /** Imports one old row already known to have an id and a tenant. */
    @FunctionalInterface
    interface RowImporter {
        void importOne(String tenant, String oldId, LegacyRow row, TableReport report) throws SQLException;
    }

    /**
     * The common loop of importers keyed by one old id: counts each row, rejects rows without an id
     * (reported as {@code missing <first id column>}) or without a tenant, and turns a row the
     * importer cannot read into a rejection instead of a failed run.
     */
    void importKeyedRows(String table, TableReport report, String[] idColumns, RowImporter importer)
            throws SQLException {
        for (LegacyRow row : rows(table, report)) {
            report.read();
            String oldId = row.text(idColumns);
            if (oldId == null) {
                report.rejected(null, "missing " + idColumns[0]);
                continue;
            }
            String tenant = tenants.of(row);
            if (tenant == null) {
                report.rejected(oldId, "no project and no --tenant");
                continue;
            }
            try {
                importer.importOne(tenant, oldId, row, report);
            } catch (IllegalArgumentException e) {
                report.rejected(oldId, e.getMessage());
            } catch (RuntimeException e) {
                report.rejected(oldId, "could not be read: " + e);
            }
        }
    }
}
