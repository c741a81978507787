package com.aiassistants.common.ratelimit;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.aiassistants.common.redis.RedisClients;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.proxy.optimization.DelayParameters;
import io.github.bucket4j.distributed.proxy.optimization.Optimization;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.local.LocalBucketBuilder;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;

/**
 * Bucket4j token buckets by key: in Redis (compare-and-swap over Lettuce), shared by every instance,
 * or in a bounded map of this process. A configuration only shapes a bucket that does not exist yet,
 * so callers put the limit in the key. Redis keys expire {@code keepAfterFull} after their bucket
 * would be full again. What a failing Redis call does is the caller's choice: {@link OnRedisError}.
 * <p>
 * A Redis bucket is a compare-and-swap: read the state, write it back only if unchanged. Many requests
 * on one key at once (a busy API key, a WhatsApp number's send limit) would make most of them fail the
 * swap and start again, a Redis round trip each time; so the proxy of each key is kept (bounded, expiring
 * when unused) with Bucket4j's batching optimization: requests that arrive while one is in flight on the
 * same key are sent together as the next single swap. The limits stay exact. A caller may accept a bounded
 * slack instead ({@link #applyWithSlack}): the key's proxy then answers from its own copy of the bucket and
 * settles with Redis once it has taken {@code slack} tokens or {@code interval} has passed (Bucket4j's
 * delaying optimization), so each instance can let at most {@code slack} more through per interval.
 * Needs {@code bucket4j_jdk17-core}, {@code bucket4j_jdk17-lettuce} and {@code lettuce-core}.
 */
public final class TokenBuckets implements AutoCloseable {

    /** What {@link #apply} does when the Redis call fails (timeout, connection lost, …). */
    public enum OnRedisError {
        /** the exception reaches the caller */
        FAIL,
        /**
         * that call, and every call for the next {@value TokenBuckets#LOCAL_AFTER_ERROR_SECONDS} s (so a Redis
         * outage does not cost each caller a command timeout), use the key's in-process bucket (one warning a minute)
         */
        USE_LOCAL
    }

    private static final Logger log = LoggerFactory.getLogger(TokenBuckets.class);
    private static final int MAX_LOCAL_BUCKETS = 100_000;
    private static final long WARNING_INTERVAL_NANOS = Duration.ofMinutes(1).toNanos();
    static final int LOCAL_AFTER_ERROR_SECONDS = 5;

    private final ProxyManager<String> redis;
    private final OnRedisError onRedisError;
    private final RedisClient ownedClient;
    private final Map<String, Bucket> local = new ConcurrentHashMap<>();
    /**
     * The Redis proxy of each key in use, with its optimization: a batching proxy holds no tokens; a delaying one
     * ({@link #applyWithSlack}) holds up to its slack of tokens not yet settled, which its eviction forgets.
     */
    private final Cache<String, Bucket> proxies = Caffeine.newBuilder()
            .maximumSize(MAX_LOCAL_BUCKETS)
            .expireAfterAccess(Duration.ofMinutes(10))
            .build();
    private final AtomicLong lastRedisWarning = new AtomicLong();
    /** {@link System#nanoTime()} before which {@link OnRedisError#USE_LOCAL} skips Redis; 0 = Redis is used. */
    private volatile long localUntil;

    private TokenBuckets(StatefulRedisConnection<String, byte[]> connection, Duration keepAfterFull,
            OnRedisError onRedisError, RedisClient ownedClient) {
        this.redis = connection == null ? null
                : Bucket4jLettuce.casBasedBuilder(connection)
                        .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(keepAfterFull))
                        .build();
        this.onRedisError = onRedisError;
        this.ownedClient = ownedClient;
    }

    /** Buckets in this process only. */
    public static TokenBuckets inProcess() {
        return new TokenBuckets(null, null, OnRedisError.FAIL, null);
    }

    /** Buckets in Redis over {@code connection}, which stays the caller's to close. */
    public static TokenBuckets inRedis(StatefulRedisConnection<String, byte[]> connection, Duration keepAfterFull,
            OnRedisError onRedisError) {
        return new TokenBuckets(connection, keepAfterFull, onRedisError, null);
    }

    /**
     * Buckets in Redis at {@code url} over a client of their own ({@link #close()} shuts it); in-process,
     * with one warning naming {@code what}, when {@code url} is blank or nothing answers there.
     */
    public static TokenBuckets connect(String url, Duration keepAfterFull, OnRedisError onRedisError, String what) {
        if (url == null || url.isBlank()) {
            log.warn("no Redis configured (spring.data.redis.url / REDIS_URL): {} are in-process, not shared", what);
            return inProcess();
        }
        RedisClient client = null;
        try {
            client = RedisClients.create(url);
            TokenBuckets buckets = new TokenBuckets(RedisClients.connectForBuckets(client), keepAfterFull, onRedisError, client);
            log.info("{} in Redis", what);
            return buckets;
        } catch (RuntimeException e) {
            log.warn("Redis unreachable at {} ({}): {} are in-process, not shared", RedisClients.redact(url), e.getMessage(), what);
            if (client != null) {
                RedisClients.shutdown(client);
            }
            return inProcess();
        }
    }

    /** Whether buckets are shared through Redis. */
    public boolean shared() {
        return redis != null;
    }

    /** Runs {@code operation} on the bucket {@code key}, created with {@code configuration} if absent. */
    public <T> T apply(String key, BucketConfiguration configuration, Function<Bucket, T> operation) {
        return apply(key, configuration, Optimizations::batching, operation);
    }

    /**
     * Like {@link #apply}, for a busy key whose limit may be passed by a little: this instance settles with Redis
     * after at most {@code slack} tokens or {@code interval}, whichever comes first; a slack of 0 is {@link #apply}.
     * A key must always be used the same way (its proxy is kept).
     */
    public <T> T applyWithSlack(String key, BucketConfiguration configuration, long slack, Duration interval,
            Function<Bucket, T> operation) {
        return apply(key, configuration, slack <= 0 ? Optimizations::batching
                : () -> Optimizations.delaying(new DelayParameters(slack, interval)), operation);
    }

    /** {@code optimization} is made only when the key's proxy is (once per key in use, not per call). */
    private <T> T apply(String key, BucketConfiguration configuration, Supplier<Optimization> optimization,
            Function<Bucket, T> operation) {
        if (redis == null || (localUntil != 0 && System.nanoTime() - localUntil < 0)) {
            return operation.apply(localBucket(key, configuration));
        }
        try {
            Bucket proxy = proxies.get(key, k -> redis.builder().withOptimization(optimization.get())
                    .build(k, () -> configuration));
            T result = operation.apply(proxy);
            localUntil = 0;
            return result;
        } catch (RuntimeException e) {
            if (onRedisError == OnRedisError.FAIL) {
                throw e;
            }
            localUntil = System.nanoTime() + Duration.ofSeconds(LOCAL_AFTER_ERROR_SECONDS).toNanos();
            warnAtMostEveryMinute(e);
            return operation.apply(localBucket(key, configuration));
        }
    }

    private Bucket localBucket(String key, BucketConfiguration configuration) {
        if (local.size() > MAX_LOCAL_BUCKETS) {
            local.clear();
        }
        return local.computeIfAbsent(key, k -> {
            LocalBucketBuilder builder = Bucket.builder();
            for (Bandwidth bandwidth : configuration.getBandwidths()) {
                builder.addLimit(bandwidth);
            }
            return builder.build();
        });
    }

    private void warnAtMostEveryMinute(RuntimeException e) {
        long now = System.nanoTime();
        long last = lastRedisWarning.get();
        if ((last == 0 || now - last > WARNING_INTERVAL_NANOS) && lastRedisWarning.compareAndSet(last, now)) {
            log.warn("Redis token bucket unavailable ({}): using in-process buckets meanwhile", e.toString());
        }
    }

    @Override
    public void close() {
        if (ownedClient != null) {
            RedisClients.shutdown(ownedClient);
        }
    }
}
