package com.aiassistants.common.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.aiassistants.common.config.ConnectionUrlEnvironmentPostProcessor.JdbcCoordinates;

/**
 * A real PostgreSQL server for tests, chosen once per JVM: {@code TEST_DATABASE_URL} (a server
 * where tests may create databases) when set, else Testcontainers when a Docker engine answers,
 * else an embedded PostgreSQL (io.zonky). {@link #createDatabase(String)} makes a uniquely named
 * database each time, dropped when the JVM exits.
 */
public final class TestPostgres {

    private static final Logger log = LoggerFactory.getLogger(TestPostgres.class);
    private static volatile Server server;

    private TestPostgres() {
    }

    /** Connection settings for a fresh, empty database. */
    public record Database(String jdbcUrl, String username, String password, String name) {
    }

    /** The admin connection of the chosen server. */
    public record Server(String host, int port, String username, String password, String source) {

        String jdbcUrl(String database) {
            return "jdbc:postgresql://" + host + ":" + port + "/" + database;
        }
    }

    public static Database createDatabase(String label) {
        Server s = server();
        String name = ("t_" + label.replaceAll("[^A-Za-z0-9]", "_") + "_" + UUID.randomUUID().toString().substring(0, 8))
                .toLowerCase();
        if (name.length() > 60) {
            name = name.substring(name.length() - 60);
            if (!Character.isLetter(name.charAt(0))) {
                name = "t" + name.substring(1);
            }
        }
        execute(s, "CREATE DATABASE " + name);
        String created = name;
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> dropQuietly(s, created)));
        return new Database(s.jdbcUrl(name), s.username(), s.password(), name);
    }

    public static synchronized Server server() {
        if (server == null) {
            server = start();
            log.info("test PostgreSQL from {} at {}:{}", server.source(), server.host(), server.port());
        }
        return server;
    }

    private static Server start() {
        String url = System.getenv("TEST_DATABASE_URL");
        if (url != null && !url.isBlank()) {
            JdbcCoordinates coordinates = JdbcCoordinates.parse(url);
            java.net.URI uri = java.net.URI.create(coordinates.jdbcUrl().substring("jdbc:".length()));
            return new Server(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : 5432,
                    coordinates.username() == null ? "postgres" : coordinates.username(),
                    coordinates.password() == null ? "" : coordinates.password(), "TEST_DATABASE_URL");
        }
        if (DockerProbe.available()) {
            return Containers.postgres();
        }
        return Embedded.start();
    }

    private static void execute(Server s, String sql) {
        try (Connection connection = DriverManager.getConnection(s.jdbcUrl("postgres"), s.username(), s.password());
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("test PostgreSQL (" + s.source() + ") refused: " + sql, e);
        }
    }

    private static void dropQuietly(Server s, String name) {
        try {
            execute(s, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (RuntimeException ignored) {
            // the server may already be gone at JVM exit
        }
    }

    /** Kept in its own class so Testcontainers is only loaded when Docker exists. */
    private static final class Containers {
        static Server postgres() {
            var container = new org.testcontainers.postgresql.PostgreSQLContainer("postgres:17-alpine");
            container.start();
            return new Server(container.getHost(), container.getMappedPort(5432), container.getUsername(),
                    container.getPassword(), "Testcontainers");
        }
    }

    /** Kept in its own class so zonky is only loaded when needed. */
    private static final class Embedded {
        static Server start() {
            try {
                // as root, embedded PostgreSQL runs as nobody: its directories must be writable by everyone
                Path base = Files.createTempDirectory("embedded-pg-");
                Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwxrwxrwx"));
                Path data = base.resolve("data");
                var postgres = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                        .setOverrideWorkingDirectory(base.toFile())
                        .setDataDirectory(data.toFile())
                        .setCleanDataDirectory(true)
                        .start();
                Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> {
                    try {
                        postgres.close();
                    } catch (IOException ignored) {
                        // best effort
                    }
                }));
                return new Server("localhost", postgres.getPort(), "postgres", "", "embedded PostgreSQL");
            } catch (IOException e) {
                throw new UncheckedIOException("could not start embedded PostgreSQL", e);
            }
        }
    }
}
