package com.aiassistants.backend.agent;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A scripted OpenAI-compatible Chat Completions server ({@code POST /v1/chat/completions}) speaking the
 * real wire format: each request takes the next step of the script, which sees the request (to read
 * tool results) and answers tool calls, text, an HTTP error, or answers late.
 */
final class FakeOpenAi implements AutoCloseable {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** One scripted answer. */
    record Step(int status, String body, Duration delay) {
    }

    private final HttpServer server;
    private final ConcurrentLinkedDeque<Function<JsonNode, Step>> script = new ConcurrentLinkedDeque<>();
    private final List<JsonNode> requests = Collections.synchronizedList(new ArrayList<>());
    private final List<Throwable> scriptErrors = Collections.synchronizedList(new ArrayList<>());

    FakeOpenAi() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/v1/chat/completions", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    void reset() {
        script.clear();
        requests.clear();
        scriptErrors.clear();
    }

    /** Failures inside scripted steps (e.g. an expected tool result missing), surfaced to the test. */
    List<Throwable> scriptErrors() {
        return List.copyOf(scriptErrors);
    }

    @SafeVarargs
    final void script(Function<JsonNode, Step>... steps) {
        script.addAll(List.of(steps));
    }

    List<JsonNode> requests() {
        return List.copyOf(requests);
    }

    int pending() {
        return script.size();
    }

    // ---- steps ----

    static Function<JsonNode, Step> toolCalls(Function<JsonNode, List<Map<String, Object>>> calls) {
        return request -> {
            ObjectNode message = JSON.createObjectNode().put("role", "assistant");
            message.putNull("content");
            ArrayNode array = message.putArray("tool_calls");
            int i = 0;
            for (Map<String, Object> call : calls.apply(request)) {
                ObjectNode node = array.addObject().put("id", "call_" + request.path("messages").size() + "_" + i++)
                        .put("type", "function");
                node.putObject("function").put("name", call.get("name").toString())
                        .put("arguments", JSON.writeValueAsString(call.get("arguments")));
            }
            return new Step(200, completion(message, "tool_calls"), Duration.ZERO);
        };
    }

    static Map<String, Object> call(String name, Map<String, Object> arguments) {
        return Map.of("name", name, "arguments", arguments);
    }

    static Function<JsonNode, Step> text(Function<JsonNode, String> text) {
        return request -> {
            ObjectNode message = JSON.createObjectNode().put("role", "assistant").put("content", text.apply(request));
            return new Step(200, completion(message, "stop"), Duration.ZERO);
        };
    }

    static Function<JsonNode, Step> status(int status) {
        return request -> new Step(status, "{\"error\":{\"message\":\"scripted failure\",\"type\":\"server_error\"}}",
                Duration.ZERO);
    }

    /**
     * Answers with a provider fixture from {@code provider-fixtures/<name>.json} (its {@code status} and
     * {@code body}, exactly as the provider published or was recorded sending them).
     */
    static Function<JsonNode, Step> fixture(String name) {
        JsonNode fixture;
        try (var in = FakeOpenAi.class.getResourceAsStream("/provider-fixtures/" + name + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            fixture = JSON.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Step step = new Step(fixture.path("status").asInt(), JSON.writeValueAsString(fixture.path("body")), Duration.ZERO);
        return request -> step;
    }

    static Function<JsonNode, Step> late(Duration delay, Function<JsonNode, Step> step) {
        return request -> {
            Step inner = step.apply(request);
            return new Step(inner.status(), inner.body(), delay);
        };
    }

    /** The JSON content of the last tool message in a request (what our agent sent back to the model). */
    static JsonNode lastToolResult(JsonNode request) {
        JsonNode messages = request.path("messages");
        for (int i = messages.size() - 1; i >= 0; i--) {
            if ("tool".equals(messages.get(i).path("role").asString())) {
                return JSON.readTree(messages.get(i).path("content").asString());
            }
        }
        throw new AssertionError("no tool message in " + request);
    }

    private static String completion(ObjectNode message, String finish) {
        ObjectNode root = JSON.createObjectNode().put("id", "chatcmpl-fake").put("object", "chat.completion")
                .put("created", 1_700_000_000L).put("model", "fake-model");
        root.putArray("choices").addObject().put("index", 0).put("finish_reason", finish).set("message", message);
        root.putObject("usage").put("prompt_tokens", 100).put("completion_tokens", 20).put("total_tokens", 120);
        return JSON.writeValueAsString(root);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
            requests.add(request);
            Function<JsonNode, Step> next = script.pollFirst();
            Step step = next == null ? new Step(500, "{\"error\":{\"message\":\"script exhausted\"}}", Duration.ZERO)
                    : next.apply(request);
            if (!step.delay().isZero()) {
                try {
                    Thread.sleep(step.delay());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] body = step.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(step.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (RuntimeException | AssertionError e) {
            scriptErrors.add(e);
            exchange.sendResponseHeaders(500, -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
