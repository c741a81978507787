package com.aiassistants.gateway.throttle;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.aiassistants.common.ratelimit.TokenBuckets;
import com.aiassistants.common.ratelimit.TokenBuckets.OnRedisError;

/**
 * The throttle's bucket store: Redis when {@code spring.data.redis.url} (or {@code REDIS_URL}) is set and
 * answers at start-up, so an instance taking over the lease inherits the buckets; in-process otherwise.
 * A failing Redis call paces with the in-process bucket for that call: sends must go on being paced.
 */
@Configuration(proxyBeanMethods = false)
public class ThrottleConfiguration {

    /** Redis keys live this long after their bucket would be full again. */
    private static final Duration KEEP_AFTER_FULL = Duration.ofSeconds(10);

    @Bean(destroyMethod = "close")
    TokenBuckets throttleBuckets(@Value("${spring.data.redis.url:}") String redisUrl) {
        return connect(redisUrl);
    }

    static TokenBuckets connect(String redisUrl) {
        return TokenBuckets.connect(redisUrl, KEEP_AFTER_FULL, OnRedisError.USE_LOCAL, "send throttle buckets");
    }
}
