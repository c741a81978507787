package com.aiassistants.backend.tenant;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.aiassistants.backend.redis.RedisConnections;

import io.lettuce.core.SetArgs;

/**
 * Remembers the ids ({@code jti}) of single-use tokens until they would have expired anyway: in Redis
 * ({@code SET NX EX}, so a token opens one connection across every instance), or in this process when
 * Redis is absent or failing (then per instance).
 */
@Component
public class UsedTokens {

    private static final Logger log = LoggerFactory.getLogger(UsedTokens.class);
    private static final int MAX_LOCAL = 100_000;

    private final RedisConnections redis;
    private final Map<String, Long> local = new ConcurrentHashMap<>();

    public UsedTokens(RedisConnections redis) {
        this.redis = redis;
    }

    /** True the first time {@code id} is seen within {@code remember}; false on every later use. */
    public boolean firstUse(String id, Duration remember) {
        var commands = redis.commands();
        if (commands.isPresent()) {
            try {
                return "OK".equals(commands.get().sync().set("used-token:" + id, "1",
                        SetArgs.Builder.nx().ex(Math.max(1, remember.toSeconds()))));
            } catch (RuntimeException e) {
                log.warn("Redis unavailable for single-use tokens ({}): checking in this process only", e.getMessage());
            }
        }
        long now = System.nanoTime();
        if (local.size() > MAX_LOCAL) {
            local.values().removeIf(until -> until - now < 0);
        }
        Long previous = local.putIfAbsent(id, now + remember.toNanos());
        if (previous != null && previous - now < 0) {
            return local.replace(id, previous, now + remember.toNanos());
        }
        return previous == null;
    }
}
