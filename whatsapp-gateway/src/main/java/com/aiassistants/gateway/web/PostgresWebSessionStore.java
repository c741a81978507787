package com.aiassistants.gateway.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Session files mirrored into PostgreSQL ({@code web_session_file}): restored into a scratch directory
 * before Cobalt starts, written back (changed files only, one transaction) after login, periodically and
 * on shutdown. A crash loses at most one snapshot interval of key updates.
 */
public class PostgresWebSessionStore implements WebSessionStore {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Path scratch;
    private final Map<String, Map<String, String>> persistedHashes = new ConcurrentHashMap<>();

    public PostgresWebSessionStore(JdbcClient jdbc, TransactionTemplate transactions, Path scratch) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.scratch = scratch;
    }

    private Path dir(String tenantId) {
        return scratch.resolve(WebSessionStore.safeName(tenantId));
    }

    @Override
    public Path prepare(String tenantId) {
        Path dir = dir(tenantId);
        WebSessionStore.deleteRecursively(dir);
        Map<String, String> hashes = new ConcurrentHashMap<>();
        try {
            Files.createDirectories(dir);
            for (SessionFile row : jdbc.sql("select relative_path, content from web_session_file where tenant_id = ?")
                    .param(tenantId).query((rs, n) -> new SessionFile(rs.getString(1), rs.getBytes(2))).list()) {
                String relative = row.relativePath();
                byte[] content = row.content();
                Path file = dir.resolve(relative).normalize();
                if (!file.startsWith(dir)) {
                    continue;
                }
                Files.createDirectories(file.getParent());
                Files.write(file, content);
                hashes.put(relative, hash(content));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        persistedHashes.put(tenantId, hashes);
        return dir;
    }

    @Override
    public void persist(String tenantId) {
        Path dir = dir(tenantId);
        if (!Files.isDirectory(dir)) {
            return;
        }
        Map<String, String> known = persistedHashes.computeIfAbsent(tenantId, t -> new ConcurrentHashMap<>());
        Map<String, byte[]> current;
        try (Stream<Path> files = Files.walk(dir)) {
            current = files.filter(Files::isRegularFile).collect(Collectors.toMap(
                    p -> dir.relativize(p).toString().replace('\\', '/'), PostgresWebSessionStore::read));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> currentHashes = current.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> hash(e.getValue())));
        List<String> changed = current.keySet().stream().filter(k -> !currentHashes.get(k).equals(known.get(k))).toList();
        Set<String> removed = known.keySet().stream().filter(k -> !current.containsKey(k)).collect(Collectors.toSet());
        if (changed.isEmpty() && removed.isEmpty()) {
            return;
        }
        transactions.executeWithoutResult(tx -> {
            for (String relative : changed) {
                jdbc.sql("""
                        insert into web_session_file (tenant_id, relative_path, content, updated_at) values (?, ?, ?, now())
                        on conflict (tenant_id, relative_path) do update set content = excluded.content, updated_at = now()""")
                        .params(tenantId, relative, current.get(relative)).update();
            }
            for (String relative : removed) {
                jdbc.sql("delete from web_session_file where tenant_id = ? and relative_path = ?").params(tenantId, relative)
                        .update();
            }
        });
        changed.forEach(k -> known.put(k, currentHashes.get(k)));
        removed.forEach(known::remove);
    }

    @Override
    public void delete(String tenantId) {
        jdbc.sql("delete from web_session_file where tenant_id = ?").param(tenantId).update();
        persistedHashes.remove(tenantId);
        WebSessionStore.deleteRecursively(dir(tenantId));
    }

    private record SessionFile(String relativePath, byte[] content) {
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String hash(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
