package com.aiassistants.infra.migration;

import com.aiassistants.common.config.ConnectionUrlEnvironmentPostProcessor.JdbcCoordinates;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * The target PostgreSQL: one connection, one transaction for the whole run (committed at the end,
 * or rolled back for a dry run). Each row is written under its own savepoint, so a refused row
 * (a constraint, an overlap) is rolled back alone and reported, and the run goes on.
 */
final class TargetDatabase implements AutoCloseable {

    /** The service tables the migration writes; their schemas come from the services' Flyway migrations. */
    static final List<String> REQUIRED_TABLES = List.of("professionals.areas", "professionals.specialties",
            "professionals.professionals", "professionals.services", "professionals.schedule_settings",
            "calendar.booking", "booking_log.booking_events", "backend.project", "backend.conversation",
            "backend.message", "backend.customer_memory", "backend.project_settings_version");

    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    private final Connection connection;

    private TargetDatabase(Connection connection) {
        this.connection = connection;
    }

    static TargetDatabase connect(JdbcCoordinates target) throws SQLException {
        Properties properties = new Properties();
        if (target.username() != null) {
            properties.setProperty("user", target.username());
        }
        if (target.password() != null) {
            properties.setProperty("password", target.password());
        }
        properties.setProperty("connectTimeout", "10");
        properties.setProperty("ApplicationName", "ai-assistants-legacy-migration");
        Connection connection = DriverManager.getConnection(target.jdbcUrl(), properties);
        connection.setAutoCommit(false);
        return new TargetDatabase(connection);
    }

    /** The required tables that do not exist (the service owning them has not run its migrations yet). */
    List<String> missingTables() throws SQLException {
        List<String> missing = new ArrayList<>();
        for (String table : REQUIRED_TABLES) {
            if (queryOne("SELECT to_regclass(?)::text", rs -> rs.getString(1), table).isEmpty()) {
                missing.add(table);
            }
        }
        return missing;
    }

    /** Runs {@code work} under a savepoint: on failure only its own writes are undone and the error is rethrown. */
    <T> T inSavepoint(SqlWork<T> work) throws SQLException {
        Savepoint savepoint = connection.setSavepoint();
        try {
            T result = work.run(connection);
            connection.releaseSavepoint(savepoint);
            return result;
        } catch (SQLException | RuntimeException e) {
            connection.rollback(savepoint);
            throw e;
        }
    }

    int update(String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = prepare(sql, params)) {
            return statement.executeUpdate();
        }
    }

    interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    <T> Optional<T> queryOne(String sql, RowReader<T> reader, Object... params) throws SQLException {
        try (PreparedStatement statement = prepare(sql, params); ResultSet rs = statement.executeQuery()) {
            return rs.next() ? Optional.ofNullable(reader.read(rs)) : Optional.empty();
        }
    }

    <T> List<T> query(String sql, RowReader<T> reader, Object... params) throws SQLException {
        List<T> rows = new ArrayList<>();
        try (PreparedStatement statement = prepare(sql, params); ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                rows.add(reader.read(rs));
            }
        }
        return rows;
    }

    boolean exists(String sql, Object... params) throws SQLException {
        return queryOne(sql, rs -> Boolean.TRUE, params).isPresent();
    }

    void commit() throws SQLException {
        connection.commit();
    }

    void rollback() throws SQLException {
        connection.rollback();
    }

    @Override
    public void close() throws SQLException {
        if (!connection.getAutoCommit()) {
            connection.rollback();
        }
        connection.close();
    }

    private PreparedStatement prepare(String sql, Object... params) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            Object value = params[i] instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC) : params[i];
            statement.setObject(i + 1, value);
        }
        return statement;
    }
}
