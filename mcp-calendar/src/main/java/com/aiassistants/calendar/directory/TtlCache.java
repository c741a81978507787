package com.aiassistants.calendar.directory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A small time-bounded cache with single-flight loading: concurrent misses for one key make one
 * remote call. Failures are not cached. With a zero TTL it only de-duplicates concurrent loads.
 */
final class TtlCache<K, V> {

    private record Entry<V>(CompletableFuture<V> value, Instant loadedAt) {
    }

    private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final Duration ttl;
    private final Clock clock;
    private final int maxEntries;

    TtlCache(Duration ttl, Clock clock, int maxEntries) {
        this.ttl = ttl;
        this.clock = clock;
        this.maxEntries = maxEntries;
    }

    V get(K key, Supplier<V> loader) {
        Instant now = clock.instant();
        CompletableFuture<V> mine = new CompletableFuture<>();
        Entry<V> current = entries.compute(key, (k, existing) -> existing != null && fresh(existing, now)
                ? existing : new Entry<>(mine, now));
        if (current.value() == mine) {
            if (entries.size() > maxEntries) {
                entries.entrySet().removeIf(e -> e.getValue().value().isDone() && !fresh(e.getValue(), now));
            }
            try {
                mine.complete(loader.get());
            } catch (RuntimeException e) {
                entries.remove(key, current);
                mine.completeExceptionally(e);
            }
        }
        try {
            return current.value().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }

    private boolean fresh(Entry<V> entry, Instant now) {
        if (!entry.value().isDone()) {
            return true;
        }
        return entry.value().isCompletedExceptionally() ? false : entry.loadedAt().plus(ttl).isAfter(now);
    }
}
