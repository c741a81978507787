package com.aiassistants.backend.redis;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import com.aiassistants.common.redis.RedisClients;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;

/**
 * Redis is optional: when {@code spring.data.redis.url} (or {@code REDIS_URL}) answers at start-up,
 * rate limits and live events go through it (shared by every instance); otherwise ONE warning is
 * logged and both run in-process (fine for a single instance).
 */
@Component
public class RedisConnections implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RedisConnections.class);

    private final RedisClient client;
    private final StatefulRedisConnection<String, byte[]> bucketConnection;
    private final StatefulRedisConnection<String, String> commandConnection;

    public RedisConnections(Environment environment) {
        String url = environment.getProperty("spring.data.redis.url");
        RedisClient connected = null;
        StatefulRedisConnection<String, byte[]> buckets = null;
        StatefulRedisConnection<String, String> commands = null;
        if (url == null || url.isBlank()) {
            log.warn("NO REDIS configured (spring.data.redis.url / REDIS_URL): rate limits and live events are in-process; "
                    + "run a single instance only");
        } else {
            try {
                connected = RedisClients.create(url);
                buckets = RedisClients.connectForBuckets(connected);
                commands = connected.connect();
                log.info("Redis connected: shared rate limits and cross-instance live events");
            } catch (RuntimeException e) {
                log.warn("REDIS UNREACHABLE at {} ({}): rate limits and live events fall back to in-process; "
                        + "run a single instance only", RedisClients.redact(url), e.getMessage());
                if (connected != null) {
                    RedisClients.shutdown(connected);
                }
                connected = null;
                buckets = null;
                commands = null;
            }
        }
        this.client = connected;
        this.bucketConnection = buckets;
        this.commandConnection = commands;
    }

    public boolean available() {
        return client != null;
    }

    public Optional<StatefulRedisConnection<String, byte[]>> buckets() {
        return Optional.ofNullable(bucketConnection);
    }

    public Optional<StatefulRedisConnection<String, String>> commands() {
        return Optional.ofNullable(commandConnection);
    }

    public StatefulRedisPubSubConnection<String, String> newPubSub() {
        return client.connectPubSub();
    }

    @Override
    public void destroy() {
        if (client != null) {
            RedisClients.shutdown(client);
        }
    }
}
