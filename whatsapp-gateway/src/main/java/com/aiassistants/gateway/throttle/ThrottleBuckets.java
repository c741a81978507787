package com.aiassistants.gateway.throttle;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.local.LocalBucketBuilder;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;

/**
 * Where the token buckets live: in Redis (Bucket4j compare-and-swap over Lettuce) when a Redis URL is
 * configured and answers at start-up, so an instance taking over the lease inherits them; otherwise
 * in-process. A Redis error during an operation falls back to the in-process bucket for that call
 * (pacing continues, one warning per minute). Redis keys expire once their bucket would be full again.
 */
public final class ThrottleBuckets implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ThrottleBuckets.class);
    private static final int MAX_LOCAL_BUCKETS = 100_000;
    private static final Duration KEEP_AFTER_FULL = Duration.ofSeconds(10);

    private final RedisClient client;
    private final ProxyManager<String> redis;
    private final Map<String, Bucket> local = new ConcurrentHashMap<>();
    private final AtomicLong lastRedisWarning = new AtomicLong();

    private ThrottleBuckets(RedisClient client, StatefulRedisConnection<String, byte[]> connection) {
        this.client = client;
        this.redis = connection == null ? null
                : Bucket4jLettuce.casBasedBuilder(connection)
                        .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_AFTER_FULL))
                        .build();
    }

    public static ThrottleBuckets inProcess() {
        return new ThrottleBuckets(null, null);
    }

    /** Buckets in Redis at {@code url}; in-process (with one warning) when blank or unreachable. */
    public static ThrottleBuckets connect(String url) {
        if (url == null || url.isBlank()) {
            log.warn("no Redis configured (spring.data.redis.url / REDIS_URL): send throttle buckets are in-process "
                    + "and start full again after a take-over");
            return inProcess();
        }
        RedisClient client = null;
        try {
            RedisURI uri = RedisURI.create(url);
            uri.setTimeout(Duration.ofSeconds(2));
            client = RedisClient.create(uri);
            client.setOptions(ClientOptions.builder()
                    .socketOptions(SocketOptions.builder().connectTimeout(Duration.ofSeconds(1)).build())
                    .timeoutOptions(TimeoutOptions.enabled(Duration.ofSeconds(2)))
                    .build());
            StatefulRedisConnection<String, byte[]> connection =
                    client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
            log.info("send throttle buckets in Redis");
            return new ThrottleBuckets(client, connection);
        } catch (RuntimeException e) {
            log.warn("Redis unreachable at {} ({}): send throttle buckets are in-process", redact(url), e.getMessage());
            if (client != null) {
                client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
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
        if (redis != null) {
            try {
                return operation.apply(redis.builder().build(key, () -> configuration));
            } catch (RuntimeException e) {
                long now = System.nanoTime();
                long last = lastRedisWarning.get();
                if ((last == 0 || now - last > Duration.ofMinutes(1).toNanos()) && lastRedisWarning.compareAndSet(last, now)) {
                    log.warn("Redis throttle bucket unavailable ({}): pacing with in-process buckets meanwhile", e.toString());
                }
            }
        }
        return operation.apply(localBucket(key, configuration));
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

    @Override
    public void close() {
        if (client != null) {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
        }
    }

    private static String redact(String url) {
        return url.replaceAll("//[^@/]*@", "//***@");
    }
}
