package com.aiassistants.common.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import com.aiassistants.common.ratelimit.TokenBuckets.OnRedisError;
import com.aiassistants.common.redis.RedisClients;
import com.aiassistants.common.testsupport.TestRedis;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.api.StatefulRedisConnection;

/** The shared token bucket store: in-process, in a real Redis ({@code TEST_REDIS_URL}), and Redis failing. */
class TokenBucketsTest {

    private static final Duration KEEP_AFTER_FULL = Duration.ofSeconds(10);
    private static final BucketConfiguration TWO_PER_HOUR = BucketConfiguration.builder()
            .addLimit(Bandwidth.builder().capacity(2).refillGreedy(2, Duration.ofHours(1)).build()).build();

    private static boolean take(TokenBuckets buckets, String key) {
        return buckets.apply(key, TWO_PER_HOUR, b -> b.tryConsume(1));
    }

    @Test
    void inProcessBucketsRefuseWhenEmptyAndEachKeyHasItsOwn() {
        try (TokenBuckets buckets = TokenBuckets.inProcess()) {
            assertThat(buckets.shared()).isFalse();
            assertThat(take(buckets, "a")).isTrue();
            assertThat(take(buckets, "a")).isTrue();
            assertThat(take(buckets, "a")).isFalse();
            assertThat(take(buckets, "b")).isTrue();
            long nanosToWait = buckets.apply("a", TWO_PER_HOUR, b -> b.tryConsumeAndReturnRemaining(1).getNanosToWaitForRefill());
            assertThat(Duration.ofNanos(nanosToWait)).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(30));
        }
    }

    @Test
    void noRedisOrNothingAnsweringAtStartMeansInProcessBuckets() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        for (String url : new String[] {"", "redis://127.0.0.1:" + closedPort}) {
            try (TokenBuckets buckets = TokenBuckets.connect(url, KEEP_AFTER_FULL, OnRedisError.FAIL, "test buckets")) {
                assertThat(buckets.shared()).as(url).isFalse();
                assertThat(take(buckets, "k")).isTrue();
                assertThat(take(buckets, "k")).isTrue();
                assertThat(take(buckets, "k")).isFalse();
            }
        }
    }

    /**
     * A key used with slack settles with Redis only every {@code slack} tokens (or interval): another instance sees
     * those tokens late, by at most the slack; with no slack every token is settled at once.
     */
    @Test
    void withSlackAnInstanceSettlesItsTokensWithRedisInBatchesOfTheSlack() {
        String url = TestRedis.assumeAvailable();
        String prefix = TestRedis.keyPrefix("token-buckets");
        BucketConfiguration hundred = BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(100).refillIntervally(100, Duration.ofHours(1)).build()).build();
        try (TokenBuckets busy = TokenBuckets.connect(url, KEEP_AFTER_FULL, OnRedisError.FAIL, "test buckets");
                TokenBuckets other = TokenBuckets.connect(url, KEEP_AFTER_FULL, OnRedisError.FAIL, "test buckets")) {
            Function<Bucket, Long> available = Bucket::getAvailableTokens;
            String slack = prefix + "slack";
            for (int i = 0; i < 6; i++) {
                boolean took = busy.applyWithSlack(slack, hundred, 5, Duration.ofHours(1), b -> b.tryConsume(1));
                assertThat(took).isTrue();
            }
            // the first call settled its token; the next five stayed in this instance
            assertThat(other.apply(slack, hundred, available)).isEqualTo(99L);
            for (int i = 0; i < 3; i++) {
                busy.applyWithSlack(slack, hundred, 5, Duration.ofHours(1), b -> b.tryConsume(1));
            }
            // the seventh would pass the slack: it settled the five with itself; the eighth and ninth are local again
            assertThat(other.apply(slack, hundred, available)).isEqualTo(93L);

            String exact = prefix + "exact";
            for (int i = 0; i < 4; i++) {
                busy.applyWithSlack(exact, hundred, 0, Duration.ofHours(1), b -> b.tryConsume(1));
            }
            assertThat(other.apply(exact, hundred, available)).isEqualTo(96L);
        }
    }

    @Test
    void redisBucketsAreSharedBetweenStoresAndExpire() {
        String url = TestRedis.assumeAvailable();
        String key = TestRedis.keyPrefix("token-buckets") + "shared";
        try (TokenBuckets first = TokenBuckets.connect(url, KEEP_AFTER_FULL, OnRedisError.FAIL, "test buckets");
                TokenBuckets second = TokenBuckets.connect(url, KEEP_AFTER_FULL, OnRedisError.FAIL, "test buckets")) {
            assertThat(first.shared()).isTrue();
            boolean firstTookBoth = first.apply(key, TWO_PER_HOUR, b -> b.tryConsume(2));
            assertThat(firstTookBoth).isTrue();
            assertThat(take(second, key)).as("the second store sees the tokens the first took").isFalse();
        }
        RedisClient client = RedisClients.create(url);
        try {
            long ttlMillis = client.connect().sync().pttl(key);
            // empty bucket: full again in one hour, then kept KEEP_AFTER_FULL
            assertThat(ttlMillis).isPositive().isLessThanOrEqualTo(Duration.ofHours(1).plus(KEEP_AFTER_FULL).toMillis());
        } finally {
            RedisClients.shutdown(client);
        }
    }

    @Test
    void aFailingRedisCallUsesTheLocalBucketWhenToldTo() {
        withRedisThatFails(OnRedisError.USE_LOCAL, "fallback", (buckets, key) -> {
            assertThat(buckets.shared()).isTrue();
            // Redis fails from now on: the key's in-process bucket starts full and paces on its own
            assertThat(take(buckets, key)).isTrue();
            assertThat(take(buckets, key)).isTrue();
            assertThat(take(buckets, key)).isFalse();
        });
    }

    @Test
    void afterARedisFailureTheNextCallsDoNotTryRedisAgainAtOnce() {
        withRedisThatFails(OnRedisError.USE_LOCAL, "cool-down", (buckets, key) -> {
            AtomicInteger runs = new AtomicInteger();
            Function<Bucket, Boolean> counted = bucket -> {
                runs.incrementAndGet();
                return bucket.tryConsume(1);
            };
            buckets.apply(key, TWO_PER_HOUR, counted);
            assertThat(runs).as("the Redis attempt failed, then the local bucket answered").hasValue(2);
            buckets.apply(key, TWO_PER_HOUR, counted);
            assertThat(runs).as("the next call goes straight to the local bucket").hasValue(3);
        });
    }

    @Test
    void aFailingRedisCallReachesTheCallerOtherwise() {
        withRedisThatFails(OnRedisError.FAIL, "fail",
                (buckets, key) -> assertThatThrownBy(() -> take(buckets, key)).isInstanceOf(RedisException.class));
    }

    /**
     * Buckets in the test Redis; one token of {@code key} is taken there, then their connection is closed so
     * every later Redis call fails, and {@code check} runs.
     */
    private static void withRedisThatFails(OnRedisError onRedisError, String keySuffix,
            BiConsumer<TokenBuckets, String> check) {
        String url = TestRedis.assumeAvailable();
        String key = TestRedis.keyPrefix("token-buckets") + keySuffix;
        RedisClient client = RedisClients.create(url);
        try {
            StatefulRedisConnection<String, byte[]> connection = RedisClients.connectForBuckets(client);
            TokenBuckets buckets = TokenBuckets.inRedis(connection, KEEP_AFTER_FULL, onRedisError);
            assertThat(take(buckets, key)).as("one token taken in Redis").isTrue();
            connection.close();
            check.accept(buckets, key);
        } finally {
            RedisClients.shutdown(client);
        }
    }
}
