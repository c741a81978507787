package com.aiassistants.backend.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;

import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

import com.aiassistants.backend.redis.RedisConnections;
import com.aiassistants.common.testsupport.TcpProxy;
import com.aiassistants.common.testsupport.TestRedis;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * Against the real Redis: an instance is subscribed to a project's live channel exactly while one of its sockets
 * follows the project, so an event of a project nobody here watches reaches no instance.
 */
class LiveEventSubscriptionTest {

    private final JsonMapper json = JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .findAndAddModules().build();
    private RedisConnections redis;
    private LiveSessions sessions;
    private LiveEvents events;
    private final String project = "live-" + UUID.randomUUID();
    private final String channel = LiveEvents.CHANNEL_PREFIX + project;

    @BeforeEach
    void connect() {
        redis = new RedisConnections(new MockEnvironment().withProperty("spring.data.redis.url", TestRedis.assumeAvailable()));
        sessions = new LiveSessions(json);
        events = new LiveEvents(sessions, json, redis);
    }

    @AfterEach
    void close() {
        events.destroy();
        redis.destroy();
    }

    private long subscribers() {
        return subscribers(project);
    }

    private long subscribers(String followed) {
        String name = LiveEvents.CHANNEL_PREFIX + followed;
        Map<String, Long> counts = redis.commands().orElseThrow().sync().pubsubNumsub(name);
        return counts.getOrDefault(name, 0L);
    }

    @Test
    void theFirstFollowerSubscribesAndTheLastOneUnsubscribes() throws Exception {
        assertThat(subscribers()).isZero();
        events.follow(project);
        assertThat(subscribers()).as("subscribed before follow returns").isEqualTo(1);
        events.follow(project);
        events.unfollow(project);
        assertThat(subscribers()).as("one socket still follows").isEqualTo(1);
        events.unfollow(project);
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (subscribers() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(subscribers()).isZero();
        assertThat(events.follows(project)).isFalse();
    }

    @Test
    void anEventOfAFollowedProjectReachesItsSocketThroughRedisAndOthersReachNoInstance() throws Exception {
        WebSocketSession socket = mock(WebSocketSession.class);
        org.mockito.Mockito.when(socket.isOpen()).thenReturn(true);
        events.follow(project);
        sessions.add(project, "web-1", socket);
        events.publish(project, "web-1", Frame.message("web-1", "user", "hola", Instant.parse("2026-12-07T10:00:00Z")));
        verify(socket, timeout(5_000)).sendMessage(org.mockito.ArgumentMatchers.any(TextMessage.class));

        String unwatched = LiveEvents.CHANNEL_PREFIX + "live-" + UUID.randomUUID();
        assertThat(redis.commands().orElseThrow().sync().publish(unwatched, "{}"))
                .as("no instance is woken for a project nobody follows").isZero();
    }

    @Test
    void whileRedisDoesNotAnswerASocketWaitingForItsSubscriptionHoldsNoOtherSocketBack() throws Exception {
        URI direct = URI.create(TestRedis.assumeAvailable());
        String unfollowedMeanwhile = "live-" + UUID.randomUUID();
        String openedLater = "live-" + UUID.randomUUID();
        try (TcpProxy proxy = new TcpProxy(direct.getHost(), direct.getPort())) {
            RedisConnections viaProxy = new RedisConnections(new MockEnvironment()
                    .withProperty("spring.data.redis.url", "redis://" + direct.getHost() + ":" + proxy.port()));
            LiveEvents stalled = new LiveEvents(new LiveSessions(json), json, viaProxy);
            try {
                proxy.freeze();
                AtomicBoolean returned = new AtomicBoolean();
                Thread opening = Thread.ofPlatform().start(() -> {
                    stalled.follow(project);
                    returned.set(true);
                });
                while (!stalled.follows(project)) {
                    Thread.sleep(5);
                }
                // other sockets open and close while the first one waits for Redis
                Thread second = Thread.ofPlatform().start(() -> stalled.follow(unfollowedMeanwhile));
                while (!stalled.follows(unfollowedMeanwhile)) {
                    Thread.sleep(5);
                }
                stalled.unfollow(unfollowedMeanwhile);
                stalled.unfollow("live-" + UUID.randomUUID());
                assertThat(returned).as("the first socket still waits for Redis").isFalse();
                assertThat(opening.isAlive()).isTrue();

                opening.join();
                second.join();
                assertThat(stalled.retriesSubscription(project)).as("Redis did not answer in time: retried").isTrue();
                assertThat(stalled.follows(unfollowedMeanwhile)).isFalse();
                assertThat(stalled.retriesSubscription(unfollowedMeanwhile))
                        .as("a project nobody follows any more is not retried").isFalse();

                proxy.thaw();
                // answered after every command held before it, on the same connection
                stalled.follow(openedLater);
                assertThat(stalled.retriesSubscription(openedLater)).isFalse();
                assertThat(subscribers(openedLater)).isEqualTo(1);
                assertThat(subscribers(unfollowedMeanwhile)).as("unsubscribed after its late subscription").isZero();
                stalled.subscribeMissing();
                long deadline = System.nanoTime() + 10_000_000_000L;
                while (stalled.retriesSubscription(project) && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                assertThat(stalled.retriesSubscription(project)).isFalse();
                assertThat(subscribers()).isEqualTo(1);
            } finally {
                stalled.destroy();
                viaProxy.destroy();
            }
        }
    }
}
