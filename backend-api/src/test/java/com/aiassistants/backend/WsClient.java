package com.aiassistants.backend;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A JDK WebSocket client that queues received frames and records the close code. The constructor returns once the
 * server has opened the session (it answered a ping, whose pong is not queued), so no event published afterwards is
 * missed; a socket the server refuses returns at its error frame or close.
 */
public final class WsClient implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    public final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final WebSocket socket;

    public WsClient(String url) {
        StringBuilder partial = new StringBuilder();
        socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
                .buildAsync(URI.create(url), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        partial.append(data);
                        if (last) {
                            frames.add(JSON.readTree(partial.toString()));
                            partial.setLength(0);
                        }
                        webSocket.request(1);
                        return null;
                    }

                    @Override
                    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                        closed.complete(statusCode);
                        return null;
                    }
                }).join();
        awaitOpened();
    }

    private void awaitOpened() {
        try {
            socket.sendText("{\"type\":\"ping\"}", true).join();
        } catch (RuntimeException e) {
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline && !closed.isDone()) {
            for (JsonNode frame : frames) {
                String type = frame.path("type").asString();
                if ("pong".equals(type)) {
                    frames.remove(frame);
                    return;
                }
                if ("error".equals(type)) {
                    return;
                }
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    public void send(Object frame) {
        socket.sendText(JSON.writeValueAsString(frame), true).join();
    }

    /** The next frame matching {@code filter} (others are skipped), waiting up to 10 s. */
    public JsonNode next(Predicate<JsonNode> filter) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            JsonNode frame = frames.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (frame == null) {
                throw new AssertionError("no matching frame within 10 s");
            }
            if (filter.test(frame)) {
                return frame;
            }
        }
    }

    public JsonNode next(String type) throws InterruptedException {
        return next(f -> type.equals(f.get("type").asString()));
    }

    @Override
    public void close() {
        socket.abort();
    }
}
