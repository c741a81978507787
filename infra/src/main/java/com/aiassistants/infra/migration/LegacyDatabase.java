package com.aiassistants.infra.migration;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** The old system's SQLite file, opened read-only: nothing here can change it. */
final class LegacyDatabase implements AutoCloseable {

    private final Connection connection;

    private LegacyDatabase(Connection connection) {
        this.connection = connection;
    }

    static LegacyDatabase open(Path file) throws SQLException {
        if (!Files.isRegularFile(file)) {
            throw new SQLException("no SQLite file at " + file);
        }
        Properties properties = new Properties();
        properties.setProperty("open_mode", "1"); // SQLITE_OPEN_READONLY
        return new LegacyDatabase(DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), properties));
    }

    boolean hasTable(String name) throws SQLException {
        try (var statement = connection.prepareStatement(
                "SELECT 1 FROM sqlite_master WHERE type IN ('table', 'view') AND lower(name) = lower(?)")) {
            statement.setString(1, name);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Every row of {@code table} in insertion order (rowid when the table has one). */
    List<LegacyRow> rows(String table) throws SQLException {
        if (!table.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("bad table name " + table);
        }
        try {
            return query("SELECT * FROM " + table + " ORDER BY rowid");
        } catch (SQLException noRowid) {
            return query("SELECT * FROM " + table);
        }
    }

    private List<LegacyRow> query(String sql) throws SQLException {
        List<LegacyRow> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                Map<String, Object> columns = new LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    columns.put(meta.getColumnLabel(i), rs.getObject(i));
                }
                rows.add(new LegacyRow(columns));
            }
        }
        return rows;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
