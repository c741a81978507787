package com.aiassistants.common.redis;

import java.time.Duration;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;

/**
 * Lettuce clients as every service builds them: 1 s to connect, 2 s per command, so a Redis that stops
 * answering costs a request at most that long. Needs {@code lettuce-core} on the classpath.
 */
public final class RedisClients {

    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);
    public static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(2);

    private RedisClients() {
    }

    /** A client for {@code url} ({@code redis://host:port}); nothing is connected yet. */
    public static RedisClient create(String url) {
        RedisURI uri = RedisURI.create(url);
        uri.setTimeout(COMMAND_TIMEOUT);
        RedisClient client = RedisClient.create(uri);
        client.setOptions(ClientOptions.builder()
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
    }

    /** {@code url} without its credentials, for logs. */
    public static String redact(String url) {
        return url.replaceAll("//[^@/]*@", "//***@");
    }
}
