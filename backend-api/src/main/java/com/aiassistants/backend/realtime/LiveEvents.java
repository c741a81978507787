package com.aiassistants.backend.realtime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import com.aiassistants.backend.redis.RedisConnections;

import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes live events to every backend instance: through Redis pub/sub (each instance,
 * including the sender, receives the event and hands it to its own sockets), or straight to the
 * local sockets when there is no Redis.
 */
@Component
public class LiveEvents implements DisposableBean {

    static final String CHANNEL = "ai-assistants:live";
    private static final Logger log = LoggerFactory.getLogger(LiveEvents.class);

    private final LiveSessions sessions;
    private final JsonMapper json;
    private final RedisConnections redis;
    private final StatefulRedisPubSubConnection<String, String> subscription;

    record Envelope(String projectId, String conversationId, Frame frame) {
    }

    public LiveEvents(LiveSessions sessions, JsonMapper json, RedisConnections redis) {
        this.sessions = sessions;
        this.json = json;
        this.redis = redis;
        if (redis.available()) {
            subscription = redis.newPubSub();
            subscription.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String channel, String message) {
                    receive(message);
                }
            });
            subscription.sync().subscribe(CHANNEL);
        } else {
            subscription = null;
        }
    }

    public void publish(String projectId, String conversationId, Frame frame) {
        if (subscription == null) {
            sessions.deliver(projectId, conversationId, frame);
            return;
        }
        String message = json.writeValueAsString(new Envelope(projectId, conversationId, frame));
        redis.commands().orElseThrow().async().publish(CHANNEL, message).exceptionally(e -> {
            log.warn("live event not published to Redis, delivering locally only: {}", e.getMessage());
            sessions.deliver(projectId, conversationId, frame);
            return 0L;
        });
    }

    private void receive(String message) {
        try {
            Envelope envelope = json.readValue(message, Envelope.class);
            sessions.deliver(envelope.projectId(), envelope.conversationId(), envelope.frame());
        } catch (RuntimeException e) {
            log.warn("ignored a malformed live event: {}", e.getMessage());
        }
    }

    @Override
    public void destroy() {
        if (subscription != null) {
            subscription.close();
        }
    }
}
