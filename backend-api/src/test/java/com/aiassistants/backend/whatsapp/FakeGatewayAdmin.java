package com.aiassistants.backend.whatsapp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real HTTP server speaking whatsapp-gateway's admin API for tenants (see the gateway's {@code AdminController}
 * and {@code FailedInboundController}): the connection, login operations, allowed numbers, failed inbound messages
 * and recent messages, per tenant, behind the admin bearer token. Only tenants put in {@link #tenants} exist.
 */
final class FakeGatewayAdmin implements AutoCloseable {

    static final String TOKEN = "gateway-admin-token-for-tests";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final java.util.regex.Pattern PATH = java.util.regex.Pattern.compile("/admin/tenants/([^/]+)(/.*)");

    /** One tenant's state on the fake gateway. */
    static final class Tenant {
        volatile String provider = "simulator";
        volatile String state = "needs_qr";
        volatile String qr = "2@first-qr";
        volatile String pairingCode;
        /** The number's own, as the gateway reports it once linked. */
        volatile String phoneNumber;
        volatile boolean down;
        final List<String> allowed = new CopyOnWriteArrayList<>();
        final List<Map<String, Object>> failed = new CopyOnWriteArrayList<>();
        final List<Map<String, Object>> messages = new CopyOnWriteArrayList<>();
    }

    final Map<String, Tenant> tenants = new ConcurrentHashMap<>();
    final List<String> calls = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    FakeGatewayAdmin() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    Tenant tenant(String id) {
        return tenants.computeIfAbsent(id, k -> new Tenant());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] raw = exchange.getRequestBody().readAllBytes();
            String method = exchange.getRequestMethod();
            Matcher m = PATH.matcher(exchange.getRequestURI().getPath());
            calls.add(method + " " + exchange.getRequestURI());
            if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                answer(exchange, 401, problem("unauthorized", "admin token"));
                return;
            }
            if (!m.matches() || !tenants.containsKey(m.group(1))) {
                answer(exchange, 404, problem("not-found", "tenant not found"));
                return;
            }
            Tenant t = tenants.get(m.group(1));
            if (t.down) {
                answer(exchange, 503, problem("unavailable", "down"));
                return;
            }
            JsonNode body = raw.length == 0 ? null : JSON.readTree(raw);
            String route = method + " " + m.group(2);
            switch (route) {
                case "GET /connection" -> answer(exchange, 200, connection(m.group(1), t));
                case "POST /pairing-code" -> {
                    if (!"simulator".equals(t.provider) && !"web".equals(t.provider)) {
                        answer(exchange, 400, problem("not-supported", t.provider + " does not log in with a pairing code"));
                        return;
                    }
                    t.state = "needs_pairing_code";
                    t.qr = null;
                    t.pairingCode = "ABCD2345";
                    answer(exchange, 202, connection(m.group(1), t));
                }
                case "POST /reconnect" -> {
                    if (!"connected".equals(t.state)) {
                        t.state = "needs_qr";
                        t.qr = "2@after-reconnect";
                    }
                    answer(exchange, 202, connection(m.group(1), t));
                }
                case "POST /logout" -> {
                    t.state = "logged_out";
                    t.qr = null;
                    answer(exchange, 200, connection(m.group(1), t));
                }
                case "GET /allowed-numbers" -> answer(exchange, 200, Map.of("numbers", t.allowed));
                case "PUT /allowed-numbers" -> {
                    t.allowed.clear();
                    body.get("numbers").forEach(n -> t.allowed.add(n.asString().replaceAll("[^0-9]", "")));
                    answer(exchange, 200, Map.of("numbers", t.allowed));
                }
                case "POST /inbox/failed/retry" -> {
                    List<Long> ids = new ArrayList<>();
                    body.get("ids").forEach(n -> ids.add(n.asLong()));
                    List<Long> requeued = new ArrayList<>();
                    t.failed.removeIf(f -> {
                        boolean hit = ids.isEmpty() || ids.contains(((Number) f.get("id")).longValue());
                        if (hit) {
                            requeued.add(((Number) f.get("id")).longValue());
                        }
                        return hit;
                    });
                    answer(exchange, 202, Map.of("requeued", requeued));
                }
                default -> {
                    if (route.equals("GET /inbox/failed")) {
                        answer(exchange, 200, t.failed);
                    } else if (route.equals("GET /messages")) {
                        answer(exchange, 200, t.messages);
                    } else {
                        answer(exchange, 404, problem("not-found", route));
                    }
                }
            }
        }
    }

    private static Map<String, Object> connection(String id, Tenant t) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("tenant_id", id);
        c.put("provider", t.provider);
        c.put("state", t.state);
        c.put("detail", "fake");
        c.put("qr_code", "needs_qr".equals(t.state) ? t.qr : null);
        c.put("pairing_code", "needs_pairing_code".equals(t.state) ? t.pairingCode : null);
        c.put("since", "2026-01-15T10:00:00Z");
        c.put("phone_number", t.phoneNumber);
        return c;
    }

    private static Map<String, Object> problem(String slug, String detail) {
        return Map.of("type", "https://ai-assistants.dev/problems/" + slug, "title", slug, "status", 400, "detail", detail);
    }

    private static void answer(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", status < 300 ? "application/json" : "application/problem+json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
