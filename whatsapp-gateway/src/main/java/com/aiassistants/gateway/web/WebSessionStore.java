package com.aiassistants.gateway.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Where a tenant's WhatsApp Web session (Cobalt's protobuf store: identity and Signal keys, app state)
 * lives between restarts, so a restart reconnects without a new QR.
 */
public interface WebSessionStore {

    /** The directory Cobalt should use for this tenant, filled with the last persisted session (if any). */
    Path prepare(String tenantId);

    /** Saves what Cobalt wrote (no-op when the directory itself is durable). */
    void persist(String tenantId);

    /** Forgets the session (after a logout: the next start needs a new QR). */
    void delete(String tenantId);

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String safeName(String tenantId) {
        return tenantId.replaceAll("[^A-Za-z0-9_-]", "_");
    }
}
