package com.aiassistants.backend;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.aiassistants.common.channel.HmacSignatures;
import com.aiassistants.common.testsupport.PostgresTestProperties;
import com.aiassistants.common.testsupport.TestRedis;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One Spring context for most backend tests (cached): real PostgreSQL, Redis when the machine has
 * one, the {@link TestAssistant}, and a fake gateway admin endpoint. Helpers create an isolated
 * project per test through the real admin API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ai-assistants.backend.demo.enabled=true",
        // reminders are planned and sent by ReminderFlowTest's own context, driven by its clock
        "ai-assistants.backend.reminders.enabled=false",
        "ai-assistants.backend.limits.per-phone-per-minute=100000",
        "ai-assistants.backend.limits.per-api-key-per-minute=100000",
        "ai-assistants.backend.jobs.callback-backoff=50ms",
        "ai-assistants.backend.jobs.poll-interval=100ms",
        "ai-assistants.backend.jobs.callback-allow-local=true",
        // OrderHookTest's hook server runs on localhost; a short timeout keeps its timeout test quick
        "ai-assistants.backend.orders.allow-local=true",
        "ai-assistants.backend.orders.timeout=1s",
        "ai-assistants.backend.orders.backoff=20ms",
        "ai-assistants.backend.cors.allowed-origins=https://console.example.com",
        "ai-assistants.backend.gateway.admin-token=gateway-admin-token-for-tests",
        // the TestAssistant is the only primary Assistant here (the LLM agent is tested in ..agent)
        "ai-assistants.backend.agent.enabled=false"})
@Import(TestAssistant.Config.class)
public abstract class BackendTestBase {

    protected static final FakeHttpEndpoint GATEWAY = new FakeHttpEndpoint();
    protected static final JsonMapper JSON = JsonMapper.builder().build();
    protected static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        PostgresTestProperties.register(registry, "backend");
        registry.add("spring.data.redis.url", () -> TestRedis.url().orElse(""));
        registry.add("ai-assistants.backend.gateway.url", GATEWAY::url);
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected TestAssistant assistant;

    @Autowired
    protected JdbcClient jdbc;

    public record Response(int status, java.net.http.HttpHeaders headers, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String text(String field) {
            JsonNode node = json().get(field);
            return node == null || node.isNull() ? null : node.asString();
        }
    }

    /** A fresh project with its key, webhook secret and an owner's console token. */
    public record TestProject(String id, String apiKey, String webhookSecret, String ownerToken) {
    }

    protected String base() {
        return "http://localhost:" + port;
    }

    protected Response send(String method, String path, Map<String, String> headers, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected static Map<String, String> key(String apiKey) {
        return Map.of("X-API-Key", apiKey);
    }

    protected static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }

    protected static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    protected String login(String email, String password) {
        Response response = send("POST", "/v1/admin/login", Map.of(), json(Map.of("email", email, "password", password)));
        if (response.status() != 200) {
            throw new IllegalStateException("login failed: " + response);
        }
        return response.text("access_token");
    }

    protected String superadminToken() {
        return login("admin@demo.local", "demo1234");
    }

    protected TestProject newProject() {
        String id = "p-" + UUID.randomUUID().toString().substring(0, 8);
        Response created = send("POST", "/v1/admin/projects", bearer(superadminToken()), json(Map.of("id", id,
                "name", "Test " + id, "time_zone", "America/Argentina/Buenos_Aires", "locale", "es")));
        if (created.status() != 201) {
            throw new IllegalStateException("project not created: " + created);
        }
        String email = "owner@" + id + ".test";
        // an owner of just this project (what the management CLI's --create-admin does)
        ownerFactory.ensure(email, "owner-pass-123", com.aiassistants.backend.tenant.AdminUsers.Role.OWNER, id, false);
        String token = login(email, "owner-pass-123");
        return new TestProject(id, created.json().get("api_key").get("key").asString(),
                created.text("webhook_secret"), token);
    }

    @Autowired
    protected com.aiassistants.backend.tenant.AdminUsers ownerFactory;

    protected Response web(TestProject project, String conversationId, String text) {
        return send("POST", "/v1/conversations/" + conversationId + "/messages", key(project.apiKey()),
                json(Map.of("text", text)));
    }

    protected static String whatsappBody(String messageId, String from, String text) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message_id", messageId);
        body.put("from_number", from);
        body.put("text", text);
        body.put("timestamp_iso", Instant.now().toString());
        return json(body);
    }

    protected Response whatsapp(TestProject project, String path, String body) {
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        Map<String, String> headers = new LinkedHashMap<>(key(project.apiKey()));
        headers.put("X-Webhook-Timestamp", timestamp);
        headers.put("X-Webhook-Signature", HmacSignatures.sign(project.webhookSecret(), timestamp,
                body.getBytes(StandardCharsets.UTF_8)));
        return send("POST", path, headers, body);
    }

    protected Response whatsapp(TestProject project, String body) {
        return whatsapp(project, "/v1/channels/whatsapp/gateway/inbound", body);
    }

    protected static String uniqueId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    protected static String phone() {
        return "+54911" + (10_000_000 + (int) (Math.random() * 89_999_999));
    }
}
