package com.aiassistants.common.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.CountDownLatch;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The local stack's database: an embedded PostgreSQL whose data lives in a directory kept
 * between runs (default {@code .local/pgdata}), on a fixed port (default 54329), with the
 * database {@code ai_assistants} created on first start. Runs until killed; stops PostgreSQL
 * cleanly on SIGTERM/SIGINT.
 *
 * <p>Usage: {@code LocalPostgres <dataDir> <port>}
 */
public final class LocalPostgres {

    private LocalPostgres() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args.length > 0 ? args[0] : ".local/pgdata").toAbsolutePath();
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 54329;
        Path base = dataDir.getParent();
        Files.createDirectories(base);
        Path work = base.resolve("pgwork");
        Files.createDirectories(work);
        // as root, zonky runs PostgreSQL as nobody: its directories must be writable by it
        for (Path p : new Path[] {base, work}) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxrwxrwx"));
        }
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setOverrideWorkingDirectory(work.toFile())
                .setDataDirectory(dataDir.toFile())
                .setCleanDataDirectory(false)
                .setPort(port)
                // the embedded library turns this off for speed; the stack keeps PostgreSQL's default, as RDS
                // does, so that a 200 means committed here too and benchmarks measure the real commit path
                .setServerConfig("synchronous_commit", "on")
                .start();
        createDatabase(port, "ai_assistants");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close();
            } catch (IOException e) {
                System.err.println("could not stop PostgreSQL cleanly: " + e.getMessage());
            }
            stopped.countDown();
        }));
        System.out.println("LocalPostgres ready: jdbc:postgresql://127.0.0.1:" + port + "/ai_assistants (data in " + dataDir + ")");
        stopped.await();
    }

    private static void createDatabase(int port, String name) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "")) {
            try (ResultSet rs = c.createStatement().executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
                if (!rs.next()) {
                    c.createStatement().execute("CREATE DATABASE " + name);
                }
            }
        }
    }
}
