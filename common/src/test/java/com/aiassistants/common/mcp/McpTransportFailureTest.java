package com.aiassistants.common.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.aiassistants.common.mcp.client.McpTarget;
import com.aiassistants.common.mcp.client.McpToolClient;
import com.aiassistants.common.mcp.client.McpUnavailableException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * A service that is down, hangs, or answers with something that is not MCP: every call ends, within its timeout and
 * its retries, as {@link McpUnavailableException}, counted as {@code unavailable}.
 */
class McpTransportFailureTest {

    HttpServer server;
    final AtomicInteger requests = new AtomicInteger();

    McpToolClient client(String url, SimpleMeterRegistry registry, int retries) {
        return new McpToolClient("broken", new McpTarget(URI.create(url), "broken-token-0123456789",
                Duration.ofMillis(500), retries), "test", registry, null);
    }

    String serve(ExchangeHandler handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/mcp", exchange -> {
            requests.incrementAndGet();
            try (exchange) {
                handler.handle(exchange);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    interface ExchangeHandler {
        void handle(HttpExchange exchange) throws IOException, InterruptedException;
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void aServiceThatDoesNotAnswerFailsTheCallAfterItsTimeoutAndRetries() throws IOException {
        String url = serve(exchange -> Thread.sleep(10_000));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        long started = System.nanoTime();
        try (McpToolClient client = client(url, registry, 1)) {
            assertThatThrownBy(() -> client.callForMap("tenant-a", "echo_text", Map.of("text", "hola"), true))
                    .isInstanceOf(McpUnavailableException.class).hasMessageContaining("broken did not answer echo_text");
        }
        // two attempts of 500 ms each and the pause between them, not the 10 s the service would have taken
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(requests).hasValue(2);
        assertThat(registry.get("mcp.client.calls").tag("outcome", "unavailable").timer().count()).isEqualTo(1);
    }

    @Test
    void anErrorPageIsUnavailableWithItsStatus() throws IOException {
        String url = serve(exchange -> answer(exchange, 502, "text/html", "<html>Bad Gateway</html>"));
        try (McpToolClient client = client(url, new SimpleMeterRegistry(), 0)) {
            assertThatThrownBy(() -> client.callForMap("tenant-a", "echo_text", Map.of("text", "hola"), true))
                    .isInstanceOf(McpUnavailableException.class).hasMessageContaining("HTTP 502");
        }
    }

    @Test
    void anAnswerThatIsNotJsonRpcIsUnavailable() throws IOException {
        String url = serve(exchange -> answer(exchange, 200, "application/json", "{\"hello\": "));
        try (McpToolClient client = client(url, new SimpleMeterRegistry(), 0)) {
            assertThatThrownBy(() -> client.callForMap("tenant-a", "echo_text", Map.of("text", "hola"), true))
                    .isInstanceOf(McpUnavailableException.class);
        }
    }

    @Test
    void anAnswerCutShortIsUnavailable() throws IOException {
        String url = serve(exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 1_000);
            exchange.getResponseBody().write("{\"jsonrpc\":\"2.0\"".getBytes(StandardCharsets.UTF_8));
            exchange.getResponseBody().flush();
            exchange.getHttpContext().getServer().stop(0);
        });
        try (McpToolClient client = client(url, new SimpleMeterRegistry(), 0)) {
            assertThatThrownBy(() -> client.callForMap("tenant-a", "echo_text", Map.of("text", "hola"), true))
                    .isInstanceOf(McpUnavailableException.class);
        }
    }

    @Test
    void aServiceThatIsDownIsUnavailableAfterTheRetries() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (McpToolClient client = client("http://127.0.0.1:" + port, registry, 2)) {
            assertThatThrownBy(() -> client.callForMap("tenant-a", "echo_text", Map.of("text", "hola"), true))
                    .isInstanceOf(McpUnavailableException.class);
            assertThat(client.openSessions()).isZero();
        }
        assertThat(registry.get("mcp.client.calls").tag("outcome", "unavailable").timer().count()).isEqualTo(1);
    }

    private static void answer(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
