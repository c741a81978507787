package com.aiassistants.common.cache;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The services' one kind of time-limited cache: a bounded Caffeine cache whose entries expire a set time after
 * they were loaded. {@link #get} loads once per key (concurrent misses wait for that one load) and runs the load on
 * the caller's thread outside Caffeine's locks, so a slow remote call holds up only the callers of its own key; a
 * load that throws or returns null leaves nothing behind. Cache maintenance runs on the callers' threads too, never
 * on a shared pool a remote call might need.
 */
public final class ExpiringCache<K, V> {

    private final AsyncCache<K, V> cache;

    private ExpiringCache(Caffeine<Object, Object> builder) {
        this.cache = builder.executor(Runnable::run).buildAsync();
    }

    /** Entries live {@code ttl} after they were loaded, at most {@code maxEntries} of them, timed by the system. */
    public static <K, V> ExpiringCache<K, V> of(Duration ttl, long maxEntries) {
        return new ExpiringCache<>(Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(maxEntries));
    }

    /**
     * The same, timed by the service's {@link Clock} (so a clock that starts elsewhere, or a test's clock, decides
     * when entries expire).
     */
    public static <K, V> ExpiringCache<K, V> of(Duration ttl, long maxEntries, Clock clock) {
        return new ExpiringCache<>(Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(maxEntries)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis())));
    }

    /** The cached value, or what {@code loader} gives now (null: nothing is cached); its exceptions reach the caller. */
    public V get(K key, Function<? super K, ? extends V> loader) {
        CompletableFuture<V> mine = new CompletableFuture<>();
        CompletableFuture<V> current = cache.get(key, (k, executor) -> mine);
        if (current == mine) {
            try {
                mine.complete(loader.apply(key));
            } catch (RuntimeException | Error e) {
                mine.completeExceptionally(e);
            }
        }
        try {
            return current.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** The value when loaded and not expired; null otherwise (a load under way is not waited for). */
    public V getIfPresent(K key) {
        CompletableFuture<V> future = cache.getIfPresent(key);
        return future != null && future.isDone() && !future.isCompletedExceptionally() ? future.getNow(null) : null;
    }

    public void put(K key, V value) {
        cache.put(key, CompletableFuture.completedFuture(value));
    }

    /** True when {@code key} had no live entry and now holds {@code value}. */
    public boolean putIfAbsent(K key, V value) {
        return cache.asMap().putIfAbsent(key, CompletableFuture.completedFuture(value)) == null;
    }

    public void invalidate(K key) {
        cache.synchronous().invalidate(key);
    }

    public void invalidateKeysIf(Predicate<? super K> which) {
        cache.asMap().keySet().removeIf(which);
    }

    /** Drops the loaded entries whose value matches. */
    public void invalidateValuesIf(Predicate<? super V> which) {
        cache.asMap().values().removeIf(future -> future.isDone() && !future.isCompletedExceptionally()
                && future.getNow(null) != null && which.test(future.getNow(null)));
    }
}
