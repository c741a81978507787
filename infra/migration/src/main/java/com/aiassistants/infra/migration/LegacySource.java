package com.aiassistants.infra.migration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The old installation: its SQLite files ({@code ai_assistants.sqlite3}, {@code calendar.db},
 * {@code booking_log.db}, {@code professionals.db}, {@code tokens.db}, {@code booking_flow.db}),
 * given as a data directory or as files. A table is read from whichever file holds it.
 *
 * <p>Nothing here can change or add a file beside the old ones. A file is opened with SQLite's
 * {@code mode=ro&immutable=1} URI: no lock, no {@code -shm}/{@code -wal} created, works in a read-only
 * directory. {@code immutable} would ignore a write-ahead log that was never checkpointed (the old
 * system still running, or killed): when a non-empty {@code -wal} lies beside a file, the file and its
 * log are copied to a private temporary directory and the copy is read instead, so those rows are not
 * lost; the report says so ({@code "opened": "snapshot"}).
 */
final class LegacySource implements AutoCloseable {

    /** One old file: where it is, how it was opened, its tables. */
    record LegacyFile(Path path, String opened, List<String> tables, Connection connection) {
    }

    private final List<LegacyFile> files;
    private final List<Path> snapshots;

    private LegacySource(List<LegacyFile> files, List<Path> snapshots) {
        this.files = files;
        this.snapshots = snapshots;
    }

    /** Opens every SQLite file of {@code inputs} (files, or directories whose SQLite files are all taken). */
    static LegacySource open(List<Path> inputs) throws SQLException {
        List<Path> paths = new ArrayList<>();
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                paths.addAll(sqliteFilesIn(input));
            } else if (Files.isRegularFile(input)) {
                paths.add(input);
            } else {
                throw new SQLException("no SQLite file or directory at " + input);
            }
        }
        if (paths.isEmpty()) {
            throw new SQLException("no SQLite files (*.db, *.sqlite, *.sqlite3) in " + inputs);
        }
        List<LegacyFile> files = new ArrayList<>();
        List<Path> snapshots = new ArrayList<>();
        try {
            for (Path path : paths) {
                files.add(openOne(path.toAbsolutePath().normalize(), snapshots));
            }
        } catch (SQLException | RuntimeException e) {
            new LegacySource(files, snapshots).closeQuietly();
            throw e;
        }
        return new LegacySource(List.copyOf(files), snapshots);
    }

    private static List<Path> sqliteFilesIn(Path dir) throws SQLException {
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            for (Path path : stream) {
                String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
                if (Files.isRegularFile(path) && (name.endsWith(".db") || name.endsWith(".sqlite")
                        || name.endsWith(".sqlite3"))) {
                    found.add(path);
                }
            }
        } catch (IOException e) {
            throw new SQLException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        found.sort(Comparator.comparing(Path::toString));
        return found;
    }

    private static LegacyFile openOne(Path path, List<Path> snapshots) throws SQLException {
        Path wal = path.resolveSibling(path.getFileName() + "-wal");
        String opened = "immutable";
        Path readFrom = path;
        if (sizeOf(wal) > 0) {
            try {
                Path dir = Files.createTempDirectory("legacy-sqlite-");
                snapshots.add(dir);
                readFrom = dir.resolve(path.getFileName());
                Files.copy(path, readFrom, StandardCopyOption.COPY_ATTRIBUTES);
                Files.copy(wal, dir.resolve(path.getFileName() + "-wal"), StandardCopyOption.COPY_ATTRIBUTES);
                readFrom.toFile().setWritable(true);
                opened = "snapshot";
            } catch (IOException e) {
                throw new SQLException("cannot copy " + path + " and its -wal to a temporary directory: " + e.getMessage(), e);
            }
        }
        Connection connection = "snapshot".equals(opened)
                ? DriverManager.getConnection("jdbc:sqlite:" + readFrom)
                : DriverManager.getConnection("jdbc:sqlite:" + uri(readFrom));
        try {
            List<String> tables = new ArrayList<>();
            try (Statement s = connection.createStatement();
                    ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type IN ('table', 'view') "
                            + "AND name NOT LIKE 'sqlite_%' ORDER BY name")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            if ("snapshot".equals(opened)) {
                // the copy is ours, but the run still only reads
                try (Statement s = connection.createStatement()) {
                    s.execute("PRAGMA query_only = 1");
                }
            }
            return new LegacyFile(path, opened, List.copyOf(tables), connection);
        } catch (SQLException e) {
            connection.close();
            throw new SQLException(path + " is not a readable SQLite database: " + e.getMessage(), e);
        }
    }

    /** The SQLite URI of a file opened read-only and immutable (percent-encoded path). */
    static String uri(Path path) {
        StringBuilder encoded = new StringBuilder("file:");
        for (byte b : path.toAbsolutePath().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "/-._~".indexOf(c) >= 0) {
                encoded.append(c);
            } else {
                encoded.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return encoded.append("?mode=ro&immutable=1").toString();
    }

    private static long sizeOf(Path path) {
        try {
            return Files.exists(path) ? Files.size(path) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<LegacyFile> files() {
        return files;
    }

    private Optional<LegacyFile> holder(String table) {
        return files.stream().filter(f -> f.tables().stream().anyMatch(t -> t.equalsIgnoreCase(table))).findFirst();
    }

    boolean hasTable(String table) {
        return holder(table).isPresent();
    }

    /** Every row of {@code table} in insertion order (rowid), read from the first file that has it. */
    List<LegacyRow> rows(String table) throws SQLException {
        if (!table.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("bad table name " + table);
        }
        Optional<LegacyFile> file = holder(table);
        if (file.isEmpty()) {
            return List.of();
        }
        try {
            return query(file.get().connection(), "SELECT * FROM " + table + " ORDER BY rowid");
        } catch (SQLException noRowid) {
            return query(file.get().connection(), "SELECT * FROM " + table);
        }
    }

    /** The number of rows of {@code table} (0 when no file has it). */
    int count(String table) throws SQLException {
        if (!table.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("bad table name " + table);
        }
        Optional<LegacyFile> file = holder(table);
        if (file.isEmpty()) {
            return 0;
        }
        try (Statement s = file.get().connection().createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private static List<LegacyRow> query(Connection connection, String sql) throws SQLException {
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

    /** What the report says about the inputs: each file, how it was opened, its tables. */
    List<Map<String, Object>> describe() {
        return files.stream().map(f -> {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("path", f.path().toString());
            json.put("opened", f.opened());
            json.put("tables", f.tables());
            return json;
        }).toList();
    }

    @Override
    public void close() {
        closeQuietly();
    }

    private void closeQuietly() {
        for (LegacyFile file : files) {
            try {
                file.connection().close();
            } catch (SQLException ignored) {
                // read-only: nothing to lose
            }
        }
        for (Path dir : snapshots) {
            try (var walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temporary directory left behind holds only a copy
            }
        }
    }
}
