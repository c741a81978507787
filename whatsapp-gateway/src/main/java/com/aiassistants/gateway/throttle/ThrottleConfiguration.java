package com.aiassistants.gateway.throttle;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The throttle's bucket store: Redis when {@code spring.data.redis.url} (or {@code REDIS_URL}) is set. */
@Configuration(proxyBeanMethods = false)
public class ThrottleConfiguration {

    @Bean(destroyMethod = "close")
    ThrottleBuckets throttleBuckets(@Value("${spring.data.redis.url:}") String redisUrl) {
        return ThrottleBuckets.connect(redisUrl);
    }
}
