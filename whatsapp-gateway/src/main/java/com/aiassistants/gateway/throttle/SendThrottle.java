package com.aiassistants.gateway.throttle;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import com.aiassistants.common.ratelimit.TokenBuckets;
import com.aiassistants.gateway.config.GatewayProperties;
import com.aiassistants.gateway.config.GatewayProperties.Rate;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;

/**
 * Paces the sends of the providers named in {@code throttle.providers} (Cloud API by default) with two
 * token buckets per message: the business number's throughput and the number→user pair. Never blocks:
 * a refusal says how long until a token is back, and the caller reschedules the message. A token taken
 * from the pair bucket is given back when the number bucket then refuses.
 */
@Component
public class SendThrottle {

    /** The buckets of one tenant (= one business number); keys carry the limit, so a new limit starts fresh. */
    private record Limits(String numberKey, BucketConfiguration number, Duration numberSpread, String pairKeyPrefix,
            String pairKeySuffix, BucketConfiguration pair) {

        String pairKey(String toNumber) {
            return pairKeyPrefix + digest(toNumber) + pairKeySuffix;
        }
    }

    private final TokenBuckets buckets;
    private final Map<String, Limits> byTenant;

    public SendThrottle(GatewayProperties properties, TokenBuckets buckets) {
        this.buckets = buckets;
        GatewayProperties.Throttle throttle = properties.throttle();
        this.byTenant = properties.tenants().entrySet().stream()
                .filter(e -> throttle.providers().contains(e.getValue().provider()))
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> limits(throttle, e.getKey(), e.getValue())));
    }

    private static Limits limits(GatewayProperties.Throttle throttle, String tenantId, GatewayProperties.Tenant tenant) {
        String number = tenant.phoneNumberId() == null || tenant.phoneNumberId().isBlank()
                ? "tenant-" + tenantId : tenant.phoneNumberId();
        Rate numberRate = throttle.number(tenant);
        Rate pairRate = throttle.pair(tenant);
        return new Limits(throttle.redisKeyPrefix() + "number:" + number + ":" + fingerprint(numberRate),
                configuration(numberRate), numberRate.refillPeriod().dividedBy(numberRate.refillTokens()).multipliedBy(
                        Math.min(numberRate.refillTokens(), numberRate.capacity())),
                throttle.redisKeyPrefix() + "pair:" + number + ":", ":" + fingerprint(pairRate), configuration(pairRate));
    }

    /** Whether this tenant's sends are paced at all. */
    public boolean paces(String tenantId) {
        return byTenant.containsKey(tenantId);
    }

    /** Takes one token from the pair bucket and one from the number bucket, or says how long to wait. */
    public ThrottleVerdict tryAcquire(String tenantId, String toNumber) {
        Limits limits = byTenant.get(tenantId);
        if (limits == null) {
            return ThrottleVerdict.GRANTED;
        }
        String pairKey = limits.pairKey(toNumber);
        ConsumptionProbe pair = buckets.apply(pairKey, limits.pair(), b -> b.tryConsumeAndReturnRemaining(1));
        if (!pair.isConsumed()) {
            return ThrottleVerdict.refused(ThrottleReason.PAIR, wait(pair, Duration.ZERO));
        }
        ConsumptionProbe number = buckets.apply(limits.numberKey(), limits.number(), b -> b.tryConsumeAndReturnRemaining(1));
        if (!number.isConsumed()) {
            buckets.apply(pairKey, limits.pair(), b -> {
                b.addTokens(1);
                return null;
            });
            // many users' messages are refused together: spread their retries over the refill of a full burst
            return ThrottleVerdict.refused(ThrottleReason.NUMBER, wait(number, limits.numberSpread()));
        }
        return ThrottleVerdict.GRANTED;
    }

    /**
     * Meta refused for throughput (130429) or the pair rate (131056) although our bucket let the send
     * through: empty that bucket so the next sends wait for its refill. Returns the bucket drained.
     */
    public Optional<ThrottleReason> penalise(String tenantId, String toNumber, String errorCode) {
        Limits limits = byTenant.get(tenantId);
        Optional<ThrottleReason> reason = ThrottleReason.forErrorCode(errorCode);
        if (limits == null || reason.isEmpty()) {
            return Optional.empty();
        }
        switch (reason.get()) {
            case NUMBER -> buckets.apply(limits.numberKey(), limits.number(), b -> b.tryConsumeAsMuchAsPossible());
            case PAIR -> buckets.apply(limits.pairKey(toNumber), limits.pair(), b -> b.tryConsumeAsMuchAsPossible());
        }
        return reason;
    }

    private static Duration wait(ConsumptionProbe probe, Duration spread) {
        long millis = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999) / 1_000_000);
        if (spread.toMillis() > 0) {
            millis += ThreadLocalRandom.current().nextLong(spread.toMillis() + 1);
        }
        return Duration.ofMillis(millis);
    }

    private static BucketConfiguration configuration(Rate rate) {
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(rate.capacity())
                        .refillGreedy(rate.refillTokens(), rate.refillPeriod()).build())
                .build();
    }

    private static String fingerprint(Rate rate) {
        return rate.capacity() + "-" + rate.refillTokens() + "-" + rate.refillPeriod().toMillis() + "ms";
    }

    /** User numbers are not kept in Redis in clear. */
    private static String digest(String toNumber) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(toNumber.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
