package com.aiassistants.gateway.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.aiassistants.common.channel.GatewayContract;
import com.aiassistants.common.channel.HmacSignatures;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * backend-api's gateway inbound endpoint as BRIEF §3 defines it, over real HTTP: checks X-API-Key and
 * the HMAC signature, dedupes on message_id (a repeat returns the first reply) and answers by rule:
 * "buttons" → interactive buttons, "list" → a list, "silence" → no reply, else "echo: <text>".
 */
public final class FakeBackend implements AutoCloseable {

    public static final String API_KEY = "test-api-key";
    public static final String SECRET = "test-hmac-secret";

    private final HttpServer server;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, String> repliesByMessageId = new ConcurrentHashMap<>();
    /** Every request body received, in order (including repeats). */
    public final List<JsonNode> calls = new CopyOnWriteArrayList<>();
    /** Every notice ({@link GatewayContract#NOTICE_PATH}) received with a valid signature, in order. */
    public final List<JsonNode> notices = new CopyOnWriteArrayList<>();
    /** The project language the profile endpoint reports. */
    public volatile String locale = "en";
    /** Statuses the next calls answer, one each, before doing anything ({@link #failNext}). */
    private final java.util.Map<String, Integer> failuresByText = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Queue<Integer> scriptedFailures = new java.util.concurrent.ConcurrentLinkedQueue<>();

    public FakeBackend() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/v1/channels/whatsapp/gateway/inbound", this::handle);
        server.createContext(GatewayContract.PROFILE_PATH, this::handle);
        server.createContext(GatewayContract.NOTICE_PATH, this::handle);
        server.start();
    }

    /** The next {@code times} calls answer {@code status} (e.g. 503, 401, 422) without a turn. */
    public void failNext(int times, int status) {
        for (int i = 0; i < times; i++) {
            scriptedFailures.add(status);
        }
    }

    /** The next call whose text is {@code text} answers {@code status} (other tests' calls are not affected). */
    public void failNextWithText(String text, int status) {
        failuresByText.put(text, status);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Distinct message ids that produced a turn. */
    public int turns() {
        return repliesByMessageId.size();
    }

    public long callsFor(String messageId) {
        return calls.stream().filter(c -> messageId.equals(c.path("message_id").asString())).count();
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (exchange.getRequestURI().getPath().equals(GatewayContract.PROFILE_PATH)) {
            respond(exchange, API_KEY.equals(exchange.getRequestHeaders().getFirst("X-API-Key")) ? 200 : 401,
                    "{\"project_id\":\"clinic\",\"locale\":\"" + locale + "\",\"time_zone\":\"Europe/Madrid\"}");
            return;
        }
        Integer byText = failuresByText.isEmpty() ? null
                : failuresByText.remove(json.readTree(body).path("text").asString(""));
        Integer failure = byText != null ? byText : scriptedFailures.poll();
        if (failure != null) {
            respond(exchange, failure, "{\"detail\":\"scripted failure\"}");
            return;
        }
        String timestamp = exchange.getRequestHeaders().getFirst("X-Webhook-Timestamp");
        String signature = exchange.getRequestHeaders().getFirst("X-Webhook-Signature");
        if (!API_KEY.equals(exchange.getRequestHeaders().getFirst("X-API-Key")) || timestamp == null
                || !HmacSignatures.sign(SECRET, timestamp, body).equals(signature)
                || Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(timestamp)) > 300) {
            respond(exchange, 401, "{\"detail\":\"bad signature\"}");
            return;
        }
        JsonNode request = json.readTree(body);
        if (exchange.getRequestURI().getPath().equals(GatewayContract.NOTICE_PATH)) {
            notices.add(request);
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
            return;
        }
        calls.add(request);
        String reply = repliesByMessageId.computeIfAbsent(request.path("message_id").asString(), id -> reply(request));
        respond(exchange, 200, reply);
    }

    private String reply(JsonNode request) {
        String text = request.path("text").asString("");
        String from = request.path("from_number").asString();
        ObjectNode out = json.createObjectNode();
        out.put("conversation_id", "whatsapp:" + from);
        out.put("message_id", request.path("message_id").asString());
        if (text.contains("silence")) {
            out.put("response_text", "");
        } else if (text.contains("buttons")) {
            out.put("response_text", "¿Confirmas la cita?");
            out.put("interactive_type", "buttons");
            var buttons = out.putArray("buttons");
            buttons.addObject().put("id", "confirm_yes").put("title", "Sí");
            buttons.addObject().put("id", "confirm_no").put("title", "No");
        } else if (text.contains("list")) {
            out.put("response_text", "Elige un horario");
            out.put("interactive_type", "list");
            out.put("list_title", "Horarios");
            var items = out.putArray("list_items");
            items.addObject().put("id", "slot_1").put("title", "10:00").put("description", "Dra. Pérez");
            items.addObject().put("id", "slot_2").put("title", "11:30");
        } else {
            out.put("response_text", "echo: " + text);
        }
        return json.writeValueAsString(out);
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
