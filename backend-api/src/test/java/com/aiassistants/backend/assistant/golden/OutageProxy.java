package com.aiassistants.backend.assistant.golden;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A transparent HTTP reverse proxy in front of the real MCP services ({@code /<name>/…} →
 * {@code <target>/…}) that can make the services unreachable for one tenant ({@code X-Tenant-Id}):
 * such requests get 503, as from a load balancer whose targets are down. This is how the HTTP
 * driver simulates a scheduling outage for one dialogue while the others keep the real services.
 * Targets may be registered after the proxy started (its port is needed in their configuration).
 */
final class OutageProxy implements AutoCloseable {

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "content-length", "host", "transfer-encoding",
            "keep-alive", "upgrade", "expect", "te", "trailer", "proxy-connection");

    private final HttpServer server;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, URI> targets = new ConcurrentHashMap<>();
    private final Set<String> downTenants = ConcurrentHashMap.newKeySet();

    OutageProxy() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::forward);
        server.start();
    }

    /** Base URL under which {@code name} is reachable once {@link #route} names its target. */
    String url(String name) {
        return "http://localhost:" + server.getAddress().getPort() + "/" + name;
    }

    void route(String name, URI target) {
        targets.put(name, target);
    }

    void setDown(String tenantId, boolean down) {
        if (down) {
            downTenants.add(tenantId);
        } else {
            downTenants.remove(tenantId);
        }
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            String tenant = exchange.getRequestHeaders().getFirst("X-Tenant-Id");
            String path = exchange.getRequestURI().getRawPath();
            int slash = path.indexOf('/', 1);
            String name = slash < 0 ? path.substring(1) : path.substring(1, slash);
            URI target = targets.get(name);
            if (target == null || (tenant != null && downTenants.contains(tenant))) {
                exchange.sendResponseHeaders(target == null ? 502 : 503, -1);
                return;
            }
            String rest = slash < 0 ? "/" : path.substring(slash);
            String query = exchange.getRequestURI().getRawQuery();
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + rest + (query == null ? "" : "?" + query)))
                    .timeout(Duration.ofSeconds(30))
                    .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((header, values) -> {
                if (!HOP_BY_HOP.contains(header.toLowerCase(Locale.ROOT))) {
                    values.forEach(value -> request.header(header, value));
                }
            });
            HttpResponse<byte[]> response;
            try {
                response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                exchange.sendResponseHeaders(502, -1);
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exchange.sendResponseHeaders(502, -1);
                return;
            }
            response.headers().map().forEach((header, values) -> {
                if (!HOP_BY_HOP.contains(header.toLowerCase(Locale.ROOT)) && !header.startsWith(":")) {
                    exchange.getResponseHeaders().put(header, values);
                }
            });
            byte[] answer = response.body();
            exchange.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        client.close();
    }
}
