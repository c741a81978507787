package com.aiassistants.gateway.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import com.aiassistants.common.ratelimit.TokenBuckets;
import com.aiassistants.gateway.config.GatewayProperties;

/** The throttle's decisions on in-process buckets, with properties bound the way Spring binds them. */
class SendThrottleTest {

    private static final String P = "ai-assistants.gateway.";

    private static GatewayProperties bind(Map<String, String> extra) {
        Map<String, String> map = new LinkedHashMap<>();
        map.put(P + "tenants.cloud.provider", "cloud");
        map.put(P + "tenants.cloud.phone-number-id", "1001");
        map.put(P + "tenants.sim.provider", "simulator");
        map.putAll(extra);
        return new Binder(new MapConfigurationPropertySource(map)).bind("ai-assistants.gateway", GatewayProperties.class)
                .get();
    }

    @Test
    void defaultsAreMetasThroughputAndPairRateAndOnlyCloudIsPaced() {
        GatewayProperties properties = bind(Map.of(P + "tenants.cloud.throttle.pair.capacity", "3"));
        GatewayProperties.Throttle throttle = properties.throttle();
        assertThat(throttle.number()).isEqualTo(new GatewayProperties.Rate(80, 80, Duration.ofSeconds(1)));
        assertThat(throttle.pair()).isEqualTo(new GatewayProperties.Rate(10, 1, Duration.ofSeconds(6)));
        // a tenant's override inherits the fields it does not set
        assertThat(throttle.pair(properties.tenants().get("cloud")))
                .isEqualTo(new GatewayProperties.Rate(3, 1, Duration.ofSeconds(6)));
        assertThat(throttle.number(properties.tenants().get("cloud"))).isEqualTo(throttle.number());

        SendThrottle sendThrottle = new SendThrottle(properties, TokenBuckets.inProcess());
        assertThat(sendThrottle.paces("cloud")).isTrue();
        assertThat(sendThrottle.paces("sim")).isFalse();
        for (int i = 0; i < 50; i++) {
            assertThat(sendThrottle.tryAcquire("sim", "34600000001").granted()).isTrue();
        }
    }

    @Test
    void thePairBucketLetsABurstThroughThenSaysHowLongToWaitPerUser() {
        SendThrottle throttle = new SendThrottle(bind(Map.of(P + "throttle.pair.capacity", "2")), TokenBuckets.inProcess());
        assertThat(throttle.tryAcquire("cloud", "34600000001").granted()).isTrue();
        assertThat(throttle.tryAcquire("cloud", "34600000001").granted()).isTrue();
        ThrottleVerdict third = throttle.tryAcquire("cloud", "34600000001");
        assertThat(third.granted()).isFalse();
        assertThat(third.refusedBy()).isEqualTo(ThrottleReason.PAIR);
        assertThat(third.retryIn()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(6));
        // another user has its own pair bucket
        assertThat(throttle.tryAcquire("cloud", "34600000002").granted()).isTrue();
    }

    @Test
    void aNumberRefusalGivesThePairTokenBack() {
        TokenBuckets buckets = TokenBuckets.inProcess();
        // same pair limit (same pair keys), different number limits
        SendThrottle tight = new SendThrottle(bind(Map.of(P + "throttle.number.capacity", "1",
                P + "throttle.number.refill-period", "1h", P + "throttle.pair.capacity", "1")), buckets);
        SendThrottle loose = new SendThrottle(bind(Map.of(P + "throttle.pair.capacity", "1")), buckets);
        assertThat(tight.tryAcquire("cloud", "34600000001").granted()).isTrue();
        ThrottleVerdict refused = tight.tryAcquire("cloud", "34600000002");
        assertThat(refused.refusedBy()).isEqualTo(ThrottleReason.NUMBER);
        assertThat(loose.tryAcquire("cloud", "34600000002").granted()).as("pair token was given back").isTrue();
        assertThat(loose.tryAcquire("cloud", "34600000002").refusedBy()).isEqualTo(ThrottleReason.PAIR);
    }

    @Test
    void metaThroughputErrorsDrainTheMatchingBucket() {
        SendThrottle throttle = new SendThrottle(bind(Map.of(P + "throttle.pair.refill-period", "1h",
                P + "throttle.number.refill-period", "1h")), TokenBuckets.inProcess());
        assertThat(throttle.tryAcquire("cloud", "34600000001").granted()).isTrue();
        assertThat(throttle.penalise("cloud", "34600000001", "131056")).contains(ThrottleReason.PAIR);
        assertThat(throttle.tryAcquire("cloud", "34600000001").refusedBy()).isEqualTo(ThrottleReason.PAIR);
        assertThat(throttle.tryAcquire("cloud", "34600000002").granted()).isTrue();

        assertThat(throttle.penalise("cloud", "34600000002", "130429")).contains(ThrottleReason.NUMBER);
        assertThat(throttle.tryAcquire("cloud", "34600000003").refusedBy()).isEqualTo(ThrottleReason.NUMBER);

        assertThat(throttle.penalise("cloud", "34600000004", "131000")).isEmpty();
        assertThat(throttle.penalise("sim", "34600000004", "130429")).isEmpty();
    }
}
