package com.aiassistants.common.redis;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;

/**
 * Lettuce clients as every service builds them: 1 s to connect, 2 s per command, so a Redis that stops
 * answering costs a request at most that long; while the connection is down commands fail at once, and it is
 * re-established within about a second of Redis answering again. Needs {@code lettuce-core} on the classpath.
 */
public final class RedisClients {

    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);
    public static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(2);
    public static final Duration RECONNECT_DELAY_MAX = Duration.ofSeconds(1);

    private RedisClients() {
    }

    /** A client for {@code url} ({@code redis://host:port}); nothing is connected yet. */
    public static RedisClient create(String url) {
        RedisURI uri = RedisURI.create(url);
        uri.setTimeout(COMMAND_TIMEOUT);
        // reconnect within a second of Redis coming back (the default backs off to 30 s)
        ClientResources resources = DefaultClientResources.builder()
                .reconnectDelay(Delay.exponential(Duration.ofMillis(100), RECONNECT_DELAY_MAX, 2, TimeUnit.MILLISECONDS))
                .build();
        RedisClient client = RedisClient.create(resources, uri);
        client.setOptions(ClientOptions.builder()
                // while disconnected, fail at once instead of queueing until the command timeout
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(CONNECT_TIMEOUT).build())
                .timeoutOptions(TimeoutOptions.enabled(COMMAND_TIMEOUT))
                .build());
        return client;
    }

    /** The connection Bucket4j's Lettuce proxies need: text keys, binary values. */
    public static StatefulRedisConnection<String, byte[]> connectForBuckets(RedisClient client) {
        return client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
    }

    /** Closes the client and its connections without a quiet period. */
    public static void shutdown(RedisClient client) {
        client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
        client.getResources().shutdown(0, 1, TimeUnit.SECONDS);
    }

    /** {@code url} without its credentials, for logs. */
    public static String redact(String url) {
        return url.replaceAll("//[^@/]*@", "//***@");
    }
}
