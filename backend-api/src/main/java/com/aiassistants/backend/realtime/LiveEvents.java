package com.aiassistants.backend.realtime;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.aiassistants.backend.redis.RedisConnections;

import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes live events to every backend instance that has a socket following them: through Redis pub/sub, one
 * channel per project ({@value #CHANNEL_PREFIX}{@code <project id>}), or straight to the local sockets when there is
 * no Redis. An instance subscribes to a project's channel while one of its sockets follows the project or one of its
 * conversations ({@link #follow}, {@link #unfollow}), so a turn nobody watches wakes no instance (the sender
 * included) and an event reaches only the instances that have a use for it.
 */
@Component
public class LiveEvents implements DisposableBean {

    static final String CHANNEL_PREFIX = "ai-assistants:live:";
    /** How long a socket's opening waits for Redis to confirm the project's subscription. */
    private static final Duration SUBSCRIBE_WAIT = Duration.ofSeconds(2);
    private static final Logger log = LoggerFactory.getLogger(LiveEvents.class);

    private final LiveSessions sessions;
    private final JsonMapper json;
    private final RedisConnections redis;
    private final StatefulRedisPubSubConnection<String, String> subscription;
    private static final Duration SKIP_REDIS_AFTER_FAILURE = Duration.ofSeconds(5);
    /** {@link System#nanoTime()} before which events skip Redis. */
    private volatile long localUntil = System.nanoTime();
    /** Sockets of this instance per followed project; guarded by {@code this}. */
    private final Map<String, Integer> followers = new HashMap<>();
    /** Followed projects whose subscription Redis has not confirmed yet (retried by {@link #subscribeMissing}). */
    private final Set<String> unconfirmed = ConcurrentHashMap.newKeySet();
    /**
     * Subscriptions sent and not settled yet, per project: each completes once Redis answered or
     * {@link #SUBSCRIBE_WAIT} passed; guarded by {@code this}.
     */
    private final Map<String, CompletableFuture<Void>> subscribing = new HashMap<>();

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
        } else {
            subscription = null;
        }
    }

    public void publish(String projectId, String conversationId, Frame frame) {
        if (subscription == null || System.nanoTime() - localUntil < 0) {
            sessions.deliver(projectId, conversationId, frame);
            return;
        }
        // this instance's sockets of a project Redis has not confirmed the subscription of get the event directly
        boolean deliveredHere = unconfirmed.contains(projectId);
        if (deliveredHere) {
            sessions.deliver(projectId, conversationId, frame);
        }
        String message = json.writeValueAsString(new Envelope(projectId, conversationId, frame));
        try {
            redis.commands().orElseThrow().async().publish(CHANNEL_PREFIX + projectId, message).exceptionally(e -> {
                redisFailed(e);
                if (!deliveredHere) {
                    sessions.deliver(projectId, conversationId, frame);
                }
                return 0L;
            });
        } catch (RuntimeException e) {
            redisFailed(e);
            if (!deliveredHere) {
                sessions.deliver(projectId, conversationId, frame);
            }
        }
    }

    /**
     * A socket of this instance now follows the project (or one of its conversations): the first one subscribes the
     * instance to the project's channel. Every follower waits up to {@link #SUBSCRIBE_WAIT} for Redis to confirm it,
     * so no event published after the socket opened is missed, without holding back sockets of other projects
     * meanwhile. A subscription Redis does not confirm is retried every few seconds.
     */
    public void follow(String projectId) {
        CompletableFuture<Void> settled;
        synchronized (this) {
            if (followers.merge(projectId, 1, Integer::sum) == 1 && subscription != null) {
                subscribe(projectId);
            }
            settled = subscribing.get(projectId);
        }
        if (settled != null) {
            awaitQuietly(settled);
        }
    }

    /** A socket that followed the project closed: the last one unsubscribes the instance from the project's channel. */
    public synchronized void unfollow(String projectId) {
        Integer left = followers.computeIfPresent(projectId, (project, count) -> count == 1 ? null : count - 1);
        if (left == null && subscription != null) {
            unconfirmed.remove(projectId);
            subscribing.remove(projectId);
            subscription.async().unsubscribe(CHANNEL_PREFIX + projectId);
        }
    }

    /** Retries the subscriptions Redis did not confirm (it was unreachable when a socket opened). */
    @Scheduled(fixedDelay = 5_000)
    public synchronized void subscribeMissing() {
        if (subscription != null) {
            for (String project : List.copyOf(unconfirmed)) {
                if (followers.containsKey(project) && !subscribing.containsKey(project)) {
                    subscribe(project);
                }
            }
        }
    }

    /** Whether this instance is subscribed to, or waits to subscribe to, the project's channel. */
    synchronized boolean follows(String projectId) {
        return followers.containsKey(projectId);
    }

    /** Whether a subscription to the project's channel failed and waits for {@link #subscribeMissing}. */
    boolean retriesSubscription(String projectId) {
        return unconfirmed.contains(projectId);
    }

    /**
     * Sends the subscription and returns at once (the caller holds {@code this}); Redis's answer, or its silence for
     * {@link #SUBSCRIBE_WAIT}, settles it in {@link #settle}.
     */
    private void subscribe(String projectId) {
        CompletableFuture<Void> settled = new CompletableFuture<>();
        subscribing.put(projectId, settled);
        CompletableFuture<Void> answer;
        try {
            answer = subscription.async().subscribe(CHANNEL_PREFIX + projectId).toCompletableFuture().copy();
        } catch (RuntimeException e) {
            answer = CompletableFuture.failedFuture(e);
        }
        answer.orTimeout(SUBSCRIBE_WAIT.toMillis(), TimeUnit.MILLISECONDS).whenComplete((ignored, error) -> {
            settle(projectId, settled, error);
            settled.complete(null);
        });
    }

    /** Records Redis's answer to a subscription, unless the project was unfollowed or subscribed again since. */
    private synchronized void settle(String projectId, CompletableFuture<Void> attempt, Throwable error) {
        if (subscribing.get(projectId) != attempt) {
            return;
        }
        subscribing.remove(projectId);
        if (error == null) {
            unconfirmed.remove(projectId);
        } else if (unconfirmed.add(projectId)) {
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            log.warn("live events of project {} not subscribed in Redis ({}): retrying every 5 s; its sockets get "
                    + "this instance's events only meanwhile", projectId, cause.toString());
        }
    }

    private static void awaitQuietly(CompletableFuture<Void> settled) {
        try {
            settled.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // settled always completes normally
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
