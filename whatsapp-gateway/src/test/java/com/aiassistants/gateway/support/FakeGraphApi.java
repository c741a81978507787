package com.aiassistants.gateway.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Graph API's {@code POST /{phone_number_id}/messages} over real HTTP with Meta's JSON shapes:
 * success {@code {messaging_product, contacts, messages:[{id: wamid}]}}, errors
 * {@code {error:{message, type, code, fbtrace_id}}}. Scripted answers are consumed first. Like the Graph API, it refuses
 * a message that breaks Meta's send limits ({@link MetaSendLimits}) with a 400 (code 131009, "Parameter value is not
 * valid") and keeps it in {@link #refused}, so every send of every test is checked, not only those a test looks at.
 */
public final class FakeGraphApi implements AutoCloseable {

    public record Received(String path, String authorization, JsonNode body) {
    }

    public record Scripted(int status, String body) {
    }

    private final HttpServer server;
    private final JsonMapper json = JsonMapper.builder().build();
    public final List<Received> received = new CopyOnWriteArrayList<>();
    public final Queue<Scripted> script = new ConcurrentLinkedQueue<>();
    /** Sends refused for breaking Meta's limits, with the reason (tests assert it stays empty). */
    public final List<String> refused = new CopyOnWriteArrayList<>();

    public FakeGraphApi() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v21.0";
    }

    public static Scripted error(int status, int code, String message) {
        return new Scripted(status, "{\"error\":{\"message\":\"" + message + "\",\"type\":\"OAuthException\",\"code\":" + code
                + ",\"error_data\":{\"messaging_product\":\"whatsapp\",\"details\":\"" + message
                + "\"},\"fbtrace_id\":\"AbCdEf\"}}");
    }

    public List<Received> to(String number) {
        return received.stream().filter(r -> number.equals(r.body().path("to").asString())).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        JsonNode request = json.readTree(body);
        received.add(new Received(exchange.getRequestURI().getPath(), exchange.getRequestHeaders().getFirst("Authorization"),
                request));
        Scripted next = script.poll();
        if (next == null) {
            try {
                MetaSendLimits.check(request);
            } catch (AssertionError e) {
                refused.add(e.getMessage() + " in " + request);
                next = error(400, 131009, "(#131009) Parameter value is not valid");
            }
        }
        if (next == null) {
            String wamid = "wamid.HBgL" + UUID.randomUUID().toString().replace("-", "");
            next = new Scripted(200, "{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\""
                    + request.path("to").asString() + "\",\"wa_id\":\"" + request.path("to").asString()
                    + "\"}],\"messages\":[{\"id\":\"" + wamid + "\"}]}");
        }
        byte[] bytes = next.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(next.status(), bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
