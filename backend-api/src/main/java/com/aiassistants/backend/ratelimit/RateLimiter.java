package com.aiassistants.backend.ratelimit;

import java.time.Duration;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import com.aiassistants.backend.BackendProperties;
import com.aiassistants.backend.redis.RedisConnections;
import com.aiassistants.backend.tenant.Caller;
import com.aiassistants.backend.tenant.Project;
import com.aiassistants.common.ratelimit.TokenBuckets;
import com.aiassistants.common.ratelimit.TokenBuckets.OnRedisError;
import com.aiassistants.common.web.ApiProblem;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Token buckets per API key and per end user (phone or customer id), sized per minute from the
 * project's settings. Buckets live in Redis (Bucket4j CAS over Lettuce) so every instance shares
 * them (an API key's with a slack of 1 % of its limit, see {@link #API_KEY_SLACK_DIVISOR}; an end
 * user's exact); in-process when Redis is absent at start-up. A changed limit starts a fresh bucket
 * (the limit is part of the key). Exhausted → 429 with {@code Retry-After}. A Redis call that fails
 * later falls back to an in-process bucket ({@link OnRedisError#USE_LOCAL}): during a Redis outage
 * limits hold per instance instead of every request failing.
 */
@Component
public class RateLimiter {

    /** Redis keys live this long after their bucket would be full again. */
    private static final Duration KEEP_AFTER_FULL = Duration.ofMinutes(2);

    private final BackendProperties.Limits defaults;
    private final TokenBuckets buckets;
    private final Counter rejectedKey;
    private final Counter rejectedUser;
    private final Counter rejectedLogin;

    public RateLimiter(BackendProperties properties, RedisConnections redis, MeterRegistry meters) {
        this.defaults = properties.limits();
        this.buckets = redis.buckets()
                .map(connection -> TokenBuckets.inRedis(connection, KEEP_AFTER_FULL, OnRedisError.USE_LOCAL))
                .orElseGet(TokenBuckets::inProcess);
        this.rejectedKey = Counter.builder("backend.rate_limit.rejected").tag("scope", "api_key").register(meters);
        this.rejectedUser = Counter.builder("backend.rate_limit.rejected").tag("scope", "end_user").register(meters);
        this.rejectedLogin = Counter.builder("backend.rate_limit.rejected").tag("scope", "login").register(meters);
    }

    /** One request of an API-key caller (console users are not limited here). */
    public void checkApiKey(Caller caller, Project project) {
        if (caller.kind() != Caller.Kind.API_KEY) {
            return;
        }
        int limit = project.perApiKeyPerMinute(defaults);
        consume("rl:key:" + caller.apiKeyId() + ":" + limit, limit, limit / API_KEY_SLACK_DIVISOR, rejectedKey, "API key");
    }

    /**
     * Every request of a project's integration spends from one API-key bucket, the busiest key there is: each instance
     * settles it with Redis after 1 % of the limit or {@link #API_KEY_SYNC_INTERVAL}, so it may let up to 1 % more
     * through per interval (a 1,200/min key: 12 requests); limits under 100 a minute stay exact.
     */
    static final int API_KEY_SLACK_DIVISOR = 100;
    static final Duration API_KEY_SYNC_INTERVAL = Duration.ofMillis(250);

    /** One message of an end user of the project. */
    public void checkEndUser(Project project, String endUser) {
        int limit = project.perPhonePerMinute(defaults);
        consume("rl:user:" + project.id() + ":" + endUser + ":" + limit, limit, 0, rejectedUser, "end user");
    }

    /** Failed console logins allowed per account, and per client address, in {@link #LOGIN_WINDOW}. */
    static final int LOGIN_FAILURES_PER_ACCOUNT = 10;
    static final int LOGIN_FAILURES_PER_ADDRESS = 50;
    static final Duration LOGIN_WINDOW = Duration.ofMinutes(15);

    /** Refuses a login attempt (429) while the account or the address has used up its failed attempts. */
    public void checkLogin(String email, String address) {
        for (String key : loginKeys(email, address)) {
            var estimate = buckets.apply(key, loginConfiguration(key), bucket -> bucket.estimateAbilityToConsume(1));
            if (!estimate.canBeConsumed()) {
                rejectedLogin.increment();
                long seconds = Math.max(1, (estimate.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
                throw new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, "too-many-login-attempts",
                        "too many failed sign-ins for this account or address; retry after " + seconds + " s")
                        .header("Retry-After", Long.toString(seconds))
                        .with("retry_after_seconds", seconds);
            }
        }
    }

    /** Counts one failed login against the account and the address. */
    public void loginFailed(String email, String address) {
        for (String key : loginKeys(email, address)) {
            buckets.apply(key, loginConfiguration(key), bucket -> bucket.tryConsume(1));
        }
    }

    private static java.util.List<String> loginKeys(String email, String address) {
        return java.util.List.of("rl:login:account:" + email.trim().toLowerCase(java.util.Locale.ROOT),
                "rl:login:address:" + address);
    }

    private static BucketConfiguration loginConfiguration(String key) {
        int capacity = key.startsWith("rl:login:account:") ? LOGIN_FAILURES_PER_ACCOUNT : LOGIN_FAILURES_PER_ADDRESS;
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, LOGIN_WINDOW).build())
                .build();
    }

    private void consume(String key, int perMinute, long slack, Counter rejected, String scope) {
        BucketConfiguration configuration = BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .build();
        ConsumptionProbe probe = buckets.applyWithSlack(key, configuration, slack, API_KEY_SYNC_INTERVAL,
                bucket -> bucket.tryConsumeAndReturnRemaining(1));
        if (!probe.isConsumed()) {
            rejected.increment();
            long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
            throw new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
                    "too many requests for this " + scope + "; retry after " + seconds + " s")
                    .header("Retry-After", Long.toString(seconds))
                    .with("retry_after_seconds", seconds);
        }
    }
}
