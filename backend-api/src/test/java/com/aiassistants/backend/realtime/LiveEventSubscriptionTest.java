package com.aiassistants.backend.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

import com.aiassistants.backend.redis.RedisConnections;
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
        Map<String, Long> counts = redis.commands().orElseThrow().sync().pubsubNumsub(channel);
        return counts.getOrDefault(channel, 0L);
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
}
