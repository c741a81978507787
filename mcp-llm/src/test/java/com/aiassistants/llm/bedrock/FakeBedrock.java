package com.aiassistants.llm.bedrock;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local stand-in for Bedrock Runtime speaking the Converse wire protocol (REST-JSON): it records
 * each request (path, headers, body) and answers with scripted responses in order, the last one
 * repeating.
 */
public final class FakeBedrock implements AutoCloseable {

    public record Recorded(String path, Map<String, List<String>> headers, String body) {
    }

    public record Scripted(int status, Map<String, String> headers, String body) {
    }

    private final HttpServer server;
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Scripted> script = new ConcurrentLinkedQueue<>();
    private volatile Scripted last;

    public FakeBedrock() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public void reset(Scripted... responses) {
        requests.clear();
        script.clear();
        script.addAll(List.of(responses));
        last = responses[responses.length - 1];
    }

    public List<Recorded> requests() {
        return requests;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(new Recorded(exchange.getRequestURI().getRawPath(), Map.copyOf(exchange.getRequestHeaders()), body));
        Scripted next = script.poll();
        Scripted answer = next == null ? last : next;
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("x-amzn-RequestId", "req-" + requests.size());
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    public static Scripted ok(String body) {
        return new Scripted(200, Map.of(), body);
    }

    public static Scripted error(int status, String errorType, String message) {
        return new Scripted(status, Map.of("x-amzn-ErrorType", errorType + ":http://internal.amazon.com/coral/com.amazon.bedrock/"),
                "{\"message\":\"" + message + "\"}");
    }

    /** A Converse answer in the real shape: a text block and a toolUse block, stopReason tool_use. */
    public static final String TOOL_USE_ANSWER = """
            {"output":{"message":{"role":"assistant","content":[
                {"text":"Let me look that up."},
                {"toolUse":{"toolUseId":"tooluse_kZJMlvQmRJ6eAyJE5GIl7Q","name":"list_services",
                            "input":{"category":"nails","limit":5,"price_max":12.5}}}]}},
             "stopReason":"tool_use",
             "usage":{"inputTokens":412,"outputTokens":61,"totalTokens":473},
             "metrics":{"latencyMs":830}}
            """;

    public static final String TEXT_ANSWER = """
            {"output":{"message":{"role":"assistant","content":[{"text":"We offer Corte and Color."}]}},
             "stopReason":"end_turn",
             "usage":{"inputTokens":500,"outputTokens":9,"totalTokens":509},
             "metrics":{"latencyMs":400}}
            """;

    @Override
    public void close() {
        server.stop(0);
    }
}
