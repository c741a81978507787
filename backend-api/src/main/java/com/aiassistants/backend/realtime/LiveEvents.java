package com.aiassistants.backend.realtime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import com.aiassistants.backend.redis.RedisConnections;

import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
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
    private static final java.time.Duration SKIP_REDIS_AFTER_FAILURE = java.time.Duration.ofSeconds(5);
    /** {@link System#nanoTime()} before which events skip Redis. */
    private volatile long localUntil = System.nanoTime();

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
        if (subscription == null || System.nanoTime() - localUntil < 0) {
            sessions.deliver(projectId, conversationId, frame);
            return;
        }
        String message = json.writeValueAsString(new Envelope(projectId, conversationId, frame));
        try {
            redis.commands().orElseThrow().async().publish(CHANNEL, message).exceptionally(e -> {
                redisFailed(e);
                sessions.deliver(projectId, conversationId, frame);
                return 0L;
            });
        } catch (RuntimeException e) {
            redisFailed(e);
            sessions.deliver(projectId, conversationId, frame);
        }
    }

    /** After a failed publish, events skip Redis for a few seconds (local sockets only) instead of each waiting on it. */
    private void redisFailed(Throwable e) {
        boolean first = System.nanoTime() - localUntil >= 0;
        localUntil = System.nanoTime() + SKIP_REDIS_AFTER_FAILURE.toNanos();
        if (first) {
            log.warn("live event not published to Redis ({}): delivering to this instance's sockets only for {} s",
                    e.getMessage(), SKIP_REDIS_AFTER_FAILURE.toSeconds());
        }
    }

    private void receive(String message) {
        try {
            Address to = Address.of(json, message);
            if (to == null || !sessions.watches(to.projectId(), to.conversationId())) {
                return;
            }
            Envelope envelope = json.readValue(message, Envelope.class);
            sessions.deliver(envelope.projectId(), envelope.conversationId(), envelope.frame());
        } catch (RuntimeException e) {
            log.warn("ignored a malformed live event: {}", e.getMessage());
        }
    }

    /** Where an event goes: its project and conversation ({@code null} for a project-wide event). */
    record Address(String projectId, String conversationId) {

        /**
         * The project and conversation of an event, read without binding its frame: every instance receives every
         * event, and most have no socket watching it. {@code null} when the message names no project.
         */
        static Address of(JsonMapper json, String message) {
            String project = null;
            String conversation = null;
            try (JsonParser parser = json.createParser(message)) {
                if (parser.nextToken() != JsonToken.START_OBJECT) {
                    return null;
                }
                for (String name = parser.nextName(); name != null; name = parser.nextName()) {
                    JsonToken value = parser.nextToken();
                    if (name.equals("project_id") && value == JsonToken.VALUE_STRING) {
                        project = parser.getString();
                    } else if (name.equals("conversation_id") && value == JsonToken.VALUE_STRING) {
                        conversation = parser.getString();
                    } else {
                        parser.skipChildren();
                    }
                    if (project != null && conversation != null) {
                        break;
                    }
                }
            }
            return project == null ? null : new Address(project, conversation);
        }
    }

    @Override
    public void destroy() {
        if (subscription != null) {
            subscription.close();
        }
    }
}
