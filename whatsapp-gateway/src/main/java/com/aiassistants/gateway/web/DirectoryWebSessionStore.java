package com.aiassistants.gateway.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Session files kept directly in a durable directory (an EFS mount in AWS). */
public class DirectoryWebSessionStore implements WebSessionStore {

    private final Path base;

    public DirectoryWebSessionStore(Path base) {
        this.base = base;
    }

    @Override
    public Path prepare(String tenantId) {
        Path dir = base.resolve(WebSessionStore.safeName(tenantId));
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    @Override
    public void persist(String tenantId) {
        // the directory is the store
    }

    @Override
    public void delete(String tenantId) {
        WebSessionStore.deleteRecursively(base.resolve(WebSessionStore.safeName(tenantId)));
    }
}
