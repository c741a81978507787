package com.aiassistants.backend.console;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.handler.TextWebSocketHandler;

import tools.jackson.databind.json.JsonMapper;

/**
 * Stands in for whatsapp-gateway's simulator, speaking its wire format (see the gateway's
 * {@code SimulatorController}, {@code SimulatorTranscript}, {@code AdminController#connection} and the
 * {@code /simulator/ws} frames): served under {@code /fake-gateway} by the test's own web server. A
 * patient's text is answered {@code "bot: <text>"}; {@code "menu"} is answered with three buttons.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({FakeGatewaySimulator.Api.class, FakeGatewaySimulator.Stream.class})
public class FakeGatewaySimulator {

    static final String TOKEN = "gateway-admin-token-for-tests";
    static final Map<String, String> PROVIDERS = new ConcurrentHashMap<>();
    static final List<Map<String, Object>> ENTRIES = new CopyOnWriteArrayList<>();
    static final AtomicInteger FAILURES_TO_ANSWER = new AtomicInteger();
    static final AtomicInteger POSTS = new AtomicInteger();
    private static final AtomicLong IDS = new AtomicLong();
    private static final Set<WebSocketSession> SOCKETS = ConcurrentHashMap.newKeySet();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The gateway checks its own admin token (below); backend-api's bearer authentication stays out of the way. */
    @org.springframework.context.annotation.Bean
    @org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
    org.springframework.security.web.SecurityFilterChain fakeGatewaySecurity(
            org.springframework.security.config.annotation.web.builders.HttpSecurity http) throws Exception {
        return http.securityMatcher("/fake-gateway/**").csrf(c -> c.disable())
                .authorizeHttpRequests(a -> a.anyRequest().permitAll()).build();
    }

    @RestController
    static class Api {

        @GetMapping("/fake-gateway/admin/tenants/{tenant}/connection")
        ResponseEntity<Object> connection(@PathVariable String tenant,
                @RequestHeader(value = "Authorization", required = false) String authorization) {
            if (!("Bearer " + TOKEN).equals(authorization)) {
                return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problem("forbidden", "admin token"));
            }
            String provider = PROVIDERS.get(tenant);
            if (provider == null) {
                return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem("not-found", "tenant " + tenant + " not found"));
            }
            Map<String, Object> status = new LinkedHashMap<>();
            status.put("tenant_id", tenant);
            status.put("provider", provider);
            status.put("state", "connected");
            status.put("since", Instant.now().toString());
            return ResponseEntity.ok(status);
        }

        @PostMapping("/fake-gateway/simulator/users/{phone}/messages")
        ResponseEntity<Object> send(@PathVariable String phone, @RequestParam(required = false) String tenant,
                @RequestBody Map<String, Object> message) {
            POSTS.incrementAndGet();
            if (FAILURES_TO_ANSWER.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).build();
            }
            if (!"simulator".equals(PROVIDERS.get(tenant))) {
                return ResponseEntity.badRequest().body(problem("not-a-simulator-tenant", "tenant " + tenant));
            }
            String messageId = String.valueOf(message.get("message_id"));
            boolean repeated = ENTRIES.stream().anyMatch(e -> messageId.equals(e.get("message_id")));
            if (!repeated) {
                Map<String, Object> body = new LinkedHashMap<>();
                boolean tap = message.get("reply_id") != null;
                body.put("kind", tap ? "interactive" : "text");
                body.put("text", tap ? message.get("reply_title") : message.get("text"));
                if (tap) {
                    body.put("reply_id", message.get("reply_id"));
                }
                record(tenant, phone, "in", messageId, body);
                Map<String, Object> reply = new LinkedHashMap<>();
                if ("menu".equals(message.get("text"))) {
                    reply.put("kind", "buttons");
                    reply.put("text", "Elegí");
                    reply.put("buttons", List.of(Map.of("id", "book", "title", "Reservar"),
                            Map.of("id", "mine", "title", "Mis turnos"), Map.of("id", "human", "title", "Persona")));
                } else {
                    reply.put("kind", "text");
                    reply.put("text", "bot: " + body.get("text"));
                }
                record(tenant, phone, "out", "simout-" + messageId, reply);
            }
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("message_id", messageId, "result",
                    repeated ? "duplicate" : "accepted"));
        }

        @GetMapping("/fake-gateway/simulator/users/{phone}/messages")
        List<Map<String, Object>> transcript(@PathVariable String phone, @RequestParam(required = false) String tenant) {
            List<Map<String, Object>> chat = new ArrayList<>();
            for (Map<String, Object> entry : ENTRIES) {
                if (tenant.equals(entry.get("tenant")) && phone.equals(entry.get("phone"))) {
                    Map<String, Object> copy = new LinkedHashMap<>(entry);
                    copy.remove("tenant");
                    chat.add(copy);
                }
            }
            return chat;
        }

        private static void record(String tenant, String phone, String direction, String messageId,
                Map<String, Object> body) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", IDS.incrementAndGet());
            entry.put("tenant", tenant);
            entry.put("phone", phone);
            entry.put("direction", direction);
            entry.put("message_id", messageId);
            entry.put("body", body);
            entry.put("delivery_attempts", 1);
            entry.put("at", Instant.now().toString());
            ENTRIES.add(entry);
            Map<String, Object> event = new LinkedHashMap<>(Map.of("type", "message", "tenant_id", tenant, "phone", phone,
                    "direction", direction, "message_id", messageId));
            event.putAll(body);
            String frame = JSON.writeValueAsString(event);
            for (WebSocketSession socket : SOCKETS) {
                synchronized (socket) {
                    try {
                        socket.sendMessage(new TextMessage(frame));
                    } catch (IOException | IllegalStateException e) {
                        SOCKETS.remove(socket);
                    }
                }
            }
        }

        private static Map<String, Object> problem(String slug, String detail) {
            return Map.of("type", "https://ai-assistants.dev/problems/" + slug, "title", slug, "detail", detail);
        }
    }

    /** {@code /fake-gateway/simulator/ws}: every simulator event, like the gateway's stream. */
    static class Stream implements WebSocketConfigurer {

        @Override
        public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
            registry.addHandler(new TextWebSocketHandler() {
                @Override
                public void afterConnectionEstablished(WebSocketSession session) {
                    SOCKETS.add(session);
                }

                @Override
                public void afterConnectionClosed(WebSocketSession session, org.springframework.web.socket.CloseStatus status) {
                    SOCKETS.remove(session);
                }
            }, "/fake-gateway/simulator/ws").setAllowedOriginPatterns("*");
        }
    }

    static void closeStreams() throws IOException {
        for (WebSocketSession socket : SOCKETS) {
            socket.close();
        }
    }
}
