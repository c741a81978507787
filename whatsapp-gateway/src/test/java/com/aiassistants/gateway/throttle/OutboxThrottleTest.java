package com.aiassistants.gateway.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.aiassistants.common.ratelimit.TokenBuckets;
import com.aiassistants.common.testsupport.TestRedis;
import com.aiassistants.gateway.support.Await;
import com.aiassistants.gateway.support.FakeGraphApi;
import com.aiassistants.gateway.support.GatewayTestBase;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The send throttle in the outbox path against real PostgreSQL (and Redis when available) and the fake
 * Graph API over HTTP. Tenants {@code paced} (pair: 2, then 1 per second) and {@code busy} (number: 2,
 * then 2 per second). Only lower bounds on time are asserted: load can slow sends, never speed them up.
 */
class OutboxThrottleTest extends GatewayTestBase {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Autowired
    private MeterRegistry meters;

    @Autowired
    private TokenBuckets buckets;

    private double count(String name, String... tags) {
        Counter counter = meters.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    private double throttled(String reason) {
        return count("gateway.outbound.throttled", "provider", "cloud", "reason", reason);
    }

    /** Staff messages need the 24-hour window open (these tenants have no window template). */
    private long queue(String tenant, String to, String text) {
        jdbc.update("""
                insert into customer_window (tenant_id, number, last_inbound_at) values (?, ?, now())
                on conflict do nothing""", tenant, to);
        Map<?, ?> body = admin().post().uri("/admin/messages").body(Map.of("tenant_id", tenant, "to", to, "text", text))
                .retrieve().body(Map.class);
        return ((Number) body.get("outbox_id")).longValue();
    }

    private List<Map<String, Object>> rows(List<Long> ids) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (long id : ids) {
            rows.add(jdbc.queryForMap("select * from outbox where id = ?", id));
        }
        return rows;
    }

    private void awaitSent(List<Long> ids) {
        Await.until(ids.size() + " messages sent", PATIENCE,
                () -> rows(ids).stream().allMatch(r -> "sent".equals(r.get("status"))));
    }

    private static Duration span(List<Map<String, Object>> rows) {
        List<Long> sent = rows.stream().map(r -> ((Timestamp) r.get("sent_at")).getTime()).sorted().toList();
        return Duration.ofMillis(sent.getLast() - sent.getFirst());
    }

    private List<String> textsTo(String number) {
        return GRAPH.to(number).stream().map(r -> r.body().path("text").path("body").asString()).toList();
    }

    @Test
    void repliesToOneUserPassInABurstThenArePacedInOrderWithoutCountingAttempts() {
        awaitActive();
        String to = "34622000001";
        double before = throttled("pair");
        List<Long> ids = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            ids.add(queue("paced", to, "m" + i));
        }
        awaitSent(ids);
        List<Map<String, Object>> rows = rows(ids);
        assertThat(textsTo(to)).containsExactly("m1", "m2", "m3", "m4", "m5");
        assertThat(rows).extracting(r -> r.get("attempts")).containsOnly(1);
        assertThat(rows).extracting(r -> r.get("error_code")).containsOnly((Object) null);
        assertThat(throttled("pair")).isGreaterThan(before);
        // 2 at once, then 1 per second: the fifth cannot go before 3 s after the first
        assertThat(span(rows)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        // sent in id order, each after the previous one
        List<Long> sentAt = rows.stream().map(r -> ((Timestamp) r.get("sent_at")).getTime()).toList();
        assertThat(sentAt).isSorted();
    }

    @Test
    void theNumberLimitPacesSendsToManyUsers() {
        awaitActive();
        double before = throttled("number");
        List<Long> ids = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            ids.add(queue("busy", "3463300000" + i, "hello " + i));
        }
        awaitSent(ids);
        List<Map<String, Object>> rows = rows(ids);
        for (int i = 1; i <= 6; i++) {
            assertThat(textsTo("3463300000" + i)).containsExactly("hello " + i);
        }
        assertThat(rows).extracting(r -> r.get("attempts")).containsOnly(1);
        assertThat(throttled("number")).isGreaterThan(before);
        // 2 at once, then 2 per second: the last cannot go before 2 s after the first
        assertThat(span(rows)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void oneUsersPairBucketDoesNotSlowAnotherUser() {
        awaitActive();
        String chatty = "34622000002";
        String other = "34622000003";
        List<Long> chattyIds = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            chattyIds.add(queue("paced", chatty, "c" + i));
        }
        long otherId = queue("paced", other, "hi");
        awaitSent(chattyIds);
        awaitSent(List.of(otherId));
        Timestamp otherSent = (Timestamp) rows(List.of(otherId)).getFirst().get("sent_at");
        Timestamp lastChatty = (Timestamp) rows(chattyIds).getLast().get("sent_at");
        assertThat(otherSent).as("the other user's reply did not wait for the chatty user's backlog").isBefore(lastChatty);
        assertThat(textsTo(other)).containsExactly("hi");
        assertThat(textsTo(chatty)).containsExactly("c1", "c2", "c3", "c4", "c5");
    }

    @Test
    void aPairRateErrorFromMetaIsRetriedAndDrainsThePairBucket() {
        awaitActive();
        String to = "34622000004";
        double penalties = count("gateway.throttle.penalties", "reason", "pair");
        double before = throttled("pair");
        GRAPH.script.add(FakeGraphApi.error(400, 131056,
                "(#131056) (Business Account, Consumer Account) pair rate limit hit"));
        List<Long> ids = List.of(queue("paced", to, "p1"), queue("paced", to, "p2"));
        awaitSent(ids);
        List<Map<String, Object>> rows = rows(ids);
        assertThat(rows.get(0).get("attempts")).as("one real failure, then success").isEqualTo(2);
        assertThat(rows.get(1).get("attempts")).isEqualTo(1);
        assertThat(textsTo(to)).containsExactly("p1", "p1", "p2");
        assertThat(count("gateway.throttle.penalties", "reason", "pair")).isEqualTo(penalties + 1);
        // the drained bucket (it had one token left) held the retry back
        assertThat(throttled("pair")).isGreaterThan(before);
    }

    @Test
    void withRedisTheBucketsLiveInRedisAndASecondInstanceSeesTheirState() {
        String url = TestRedis.assumeAvailable();
        awaitActive();
        assertThat(buckets.shared()).isTrue();
        String to = "34622000005";
        List<Long> ids = List.of(queue("paced", to, "r1"), queue("paced", to, "r2"), queue("paced", to, "r3"));
        RedisClient client = RedisClient.create(url);
        try (StatefulRedisConnection<String, String> redis = client.connect()) {
            Await.until("bucket keys in Redis", PATIENCE, () -> {
                List<String> keys = redis.sync().keys(THROTTLE_KEY_PREFIX + "*");
                return keys.stream().anyMatch(k -> k.startsWith(THROTTLE_KEY_PREFIX + "pair:" + PACED_PHONE_NUMBER_ID + ":"))
                        && keys.stream().anyMatch(k -> k.startsWith(THROTTLE_KEY_PREFIX + "number:" + PACED_PHONE_NUMBER_ID + ":"));
            });
            List<String> keys = redis.sync().keys(THROTTLE_KEY_PREFIX + "*");
            assertThat(keys).as("user numbers are hashed").noneMatch(k -> k.contains(to));
        } finally {
            client.shutdown();
        }
        awaitSent(ids);

        // a take-over: a second store on the same Redis sees the tokens the first one took
        String key = TestRedis.keyPrefix("gateway-takeover") + "bucket";
        BucketConfiguration twoPerHour = BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(2).refillGreedy(2, Duration.ofHours(1)).build()).build();
        try (TokenBuckets first = ThrottleConfiguration.connect(url); TokenBuckets second = ThrottleConfiguration.connect(url)) {
            boolean firstTook = first.apply(key, twoPerHour, b -> b.tryConsume(2));
            boolean secondTook = second.apply(key, twoPerHour, b -> b.tryConsume(1));
            assertThat(firstTook).isTrue();
            assertThat(secondTook).isFalse();
        }
    }
}
