package com.aiassistants.common.testsupport;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.Optional;
import java.util.UUID;

/**
 * A real Redis for tests: {@code TEST_REDIS_URL} when set, else Testcontainers when Docker
 * answers, else none — tests then skip with {@link #assumeAvailable()} and say why, instead of
 * passing silently. {@link #keyPrefix(String)} gives each test its own key space.
 */
public final class TestRedis {

    private static volatile Optional<String> url;

    private TestRedis() {
    }

    public static synchronized Optional<String> url() {
        if (url == null) {
            url = resolve();
        }
        return url;
    }

    /** JUnit assumption: skips the calling test with a reason when no Redis can be had. */
    public static String assumeAvailable() {
        Optional<String> found = url();
        org.junit.jupiter.api.Assumptions.assumeTrue(found.isPresent(),
                "no Redis for tests: set TEST_REDIS_URL (e.g. redis://127.0.0.1:6379) or run a Docker engine");
        return found.get();
    }

    public static String keyPrefix(String label) {
        return "test:" + label + ":" + UUID.randomUUID().toString().substring(0, 8) + ":";
    }

    private static Optional<String> resolve() {
        String env = System.getenv("TEST_REDIS_URL");
        if (env != null && !env.isBlank()) {
            if (!reachable(env)) {
                throw new IllegalStateException("TEST_REDIS_URL is set to " + env + " but nothing answers there");
            }
            return Optional.of(env);
        }
        if (DockerProbe.available()) {
            return Optional.of(Containers.redis());
        }
        return Optional.empty();
    }

    private static boolean reachable(String redisUrl) {
        URI uri = URI.create(redisUrl);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : 6379), 1000);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static final class Containers {
        @SuppressWarnings("resource")
        static String redis() {
            var container = new org.testcontainers.containers.GenericContainer<>("redis:7-alpine").withExposedPorts(6379);
            container.start();
            return "redis://" + container.getHost() + ":" + container.getMappedPort(6379);
        }
    }
}
