package com.aiassistants.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import com.aiassistants.common.testsupport.ServiceProcess;
import com.aiassistants.common.testsupport.TestPostgres;
import com.aiassistants.gateway.GatewayApplication;
import com.aiassistants.gateway.cloud.WebhookSignature;
import com.aiassistants.gateway.support.FakeGraphApi;
import com.aiassistants.gateway.support.MetaSendLimits;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The product's main path with every real service: a WhatsApp user (the simulator) books an
 * appointment through whatsapp-gateway → backend-api (deterministic assistant) → mcp-professionals
 * and mcp-calendar (→ mcp-booking-log), and the confirmation arrives in the simulator chat. The
 * neighbour services run as real processes from their exec jars; the gateway runs in this JVM. The same stack
 * takes Meta's published Cloud API webhook payloads ({@code src/test/resources/meta-webhooks}, each with its
 * source) on a Cloud tenant whose Graph API is a local fake, and checks every reply and every send's limits.
 */
class BookingThroughTheWholeStackTest {

    private static final String TOKEN = "e2e-mcp-token-0123456789";
    private static final String PHONE = "5491155550001";
    private static final List<ServiceProcess> services = new ArrayList<>();
    private static final String APP_SECRET = "e2e-meta-app-secret";
    private static final FakeGraphApi GRAPH = new FakeGraphApi();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static ConfigurableApplicationContext gateway;
    private static RestClient simulator;
    private static RestClient cloudGateway;
    private static ServiceProcess backendService;
    private static ServiceProcess calendarService;

    @BeforeAll
    static void startTheStack() {
        TestPostgres.Database db = TestPostgres.createDatabase("e2e");
        Map<String, String> env = new HashMap<>(Map.of("AI_ASSISTANTS_MCP_TOKEN", TOKEN));
        // a log line per MCP call on both sides, each with the trace id (the tracing test reads them)
        env.put("LOGGING_LEVEL_COM_AIASSISTANTS_COMMON_MCP_CLIENT", "DEBUG");
        env.put("LOGGING_LEVEL_COM_AIASSISTANTS_COMMON_MCP_SERVER", "DEBUG");
        env.put("AI_ASSISTANTS_PROFESSIONALS_DEMO_TENANT", "demo");
        ServiceProcess professionals = start("mcp-professionals", db, env);
        ServiceProcess bookingLog = start("mcp-booking-log", db, env);
        env.put("AI_ASSISTANTS_MCP_PROFESSIONALS_URL", professionals.baseUrl().toString());
        env.put("AI_ASSISTANTS_MCP_BOOKING_LOG_URL", bookingLog.baseUrl().toString());
        ServiceProcess calendar = start("mcp-calendar", db, env);
        calendarService = calendar;
        env.put("AI_ASSISTANTS_MCP_CALENDAR_URL", calendar.baseUrl().toString());
        env.put("AI_ASSISTANTS_BACKEND_DEMO_ENABLED", "true");
        env.put("AI_ASSISTANTS_GATEWAY_ADMIN_TOKEN", "e2e-gateway-admin-token");
        env.put("AI_ASSISTANTS_JWT_SECRET", "e2e-jwt-secret-for-the-whole-stack-0123456789");
        ServiceProcess backend = start("backend-api", db, env);
        backendService = backend;

        gateway = new SpringApplicationBuilder(GatewayApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + db.jdbcUrl(),
                "--spring.datasource.username=" + db.username(),
                "--spring.datasource.password=" + db.password(),
                "--ai-assistants.gateway.admin-token=e2e-gateway-admin-token",
                "--ai-assistants.gateway.tenants.default.provider=simulator",
                "--ai-assistants.gateway.tenants.default.backend.base-url=" + backend.baseUrl(),
                "--ai-assistants.gateway.tenants.default.backend.api-key=demo-local-key-change-me",
                "--ai-assistants.gateway.tenants.default.backend.hmac-secret=demo-local-webhook-secret",
                "--ai-assistants.gateway.workers.poll-interval=200ms",
                // the Cloud API tenant: Meta's reference example number, the fake Graph API
                "--ai-assistants.gateway.tenants.clinic.provider=cloud",
                "--ai-assistants.gateway.tenants.clinic.phone-number-id=106540352242922",
                "--ai-assistants.gateway.tenants.clinic.access-token=EAAG-e2e-token",
                "--ai-assistants.gateway.tenants.clinic.window-template.name=reengage",
                "--ai-assistants.gateway.tenants.clinic.backend.base-url=" + backend.baseUrl(),
                "--ai-assistants.gateway.tenants.clinic.backend.api-key=demo-local-key-change-me",
                "--ai-assistants.gateway.tenants.clinic.backend.hmac-secret=demo-local-webhook-secret",
                "--ai-assistants.gateway.tenants.clinic.throttle.pair.capacity=1000",
                "--ai-assistants.gateway.cloud.app-secret=" + APP_SECRET,
                "--ai-assistants.gateway.cloud.graph-base-url=" + GRAPH.baseUrl());
        int port = ((WebServerApplicationContext) gateway).getWebServer().getPort();
        simulator = RestClient.create("http://localhost:" + port);
        cloudGateway = RestClient.create("http://localhost:" + port);
    }

    private static ServiceProcess start(String module, TestPostgres.Database db, Map<String, String> env) {
        ServiceProcess service = ServiceProcess.start(module, db, env, List.of());
        services.add(service);
        return service;
    }

    /** Every send of the test stayed within Meta's limits (the fake Graph API refuses the others, as Meta would). */
    @org.junit.jupiter.api.AfterEach
    void everySendWithinMetasLimits() {
        List<String> refused = List.copyOf(GRAPH.refused);
        GRAPH.refused.clear();
        assertThat(refused).as("sends the Graph API would refuse").isEmpty();
    }

    @AfterAll
    static void stopTheStack() {
        if (gateway != null) {
            gateway.close();
        }
        services.reversed().forEach(ServiceProcess::close);
        GRAPH.close();
    }

    @Test
    void aWhatsAppUserBooksAnAppointmentAndGetsTheConfirmationInTheChat() {
        String menu = say(Map.of("text", "hola"));
        assertThat(menu).contains("Sacar turno");

        say(Map.of("reply_id", "menu:book", "reply_title", "Sacar turno"));
        say(Map.of("text", "me llamo Ana Gómez"));
        say(Map.of("text", "limpieza dental"));
        String slots = say(Map.of("text", "el martes"));
        assertThat(slots).contains("Dra. María Pérez").contains("1.");

        String proposal = say(Map.of("text", "1"));
        assertThat(proposal).containsIgnoringCase("confirm");

        String confirmation = say(Map.of("text", "sí"));
        assertThat(confirmation).contains("confirmado").contains("Código");

        String mine = say(Map.of("text", "mis turnos"));
        assertThat(mine).contains("Limpieza dental");
    }

    @Test
    void oneMessageIsOneTraceThroughTheGatewayTheBackendAndTheCalendar() {
        String phone = "5491155550077";
        say(phone, Map.of("text", "hola"));
        say(phone, Map.of("reply_id", "menu:book", "reply_title", "Sacar turno"));
        say(phone, Map.of("text", "me llamo Ana Traza"));
        say(phone, Map.of("text", "limpieza dental"));
        assertThat(say(phone, Map.of("text", "el martes"))).contains("1.");

        // the gateway stored the message with the trace of the simulator request that brought it
        String hello = traceIdOf(phone, "hola");
        String tuesday = traceIdOf(phone, "el martes");
        assertThat(tuesday).matches("[0-9a-f]{32}").isNotEqualTo(hello);
        // backend-api's MCP calls for that message and mcp-calendar's answers to them carry the same trace id
        String field = "\"traceId\":\"" + tuesday + "\"";
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(linesWith(backendService, field)).anyMatch(line -> line.contains("mcp-calendar "));
            assertThat(linesWith(calendarService, field)).anyMatch(line -> line.contains("McpToolAdapter"));
        });
    }

    private static String traceIdOf(String phone, String text) {
        String traceParent = cloudJdbc().queryForObject(
                "select trace_parent from inbox where from_number = ? and text = ?", String.class, phone, text);
        assertThat(traceParent).as("traceparent of '%s'", text).isNotNull();
        return traceParent.split("-")[1];
    }

    private static List<String> linesWith(ServiceProcess service, String needle) throws java.io.IOException {
        try (var lines = java.nio.file.Files.lines(service.log())) {
            return lines.filter(line -> line.contains(needle)).toList();
        }
    }

    /** Sends one user message through the simulator and waits for the bot's next reply. */
    private static String say(Map<String, Object> message) {
        return say(PHONE, message);
    }

    private static String say(String phone, Map<String, Object> message) {
        int before = outgoing(phone).size();
        simulator.post().uri("/simulator/users/{phone}/messages", phone).contentType(MediaType.APPLICATION_JSON)
                .body(message).retrieve().toBodilessEntity();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> outgoing(phone).size() > before);
        List<Map<String, Object>> out = outgoing(phone);
        @SuppressWarnings("unchecked")
        Map<String, Object> body = (Map<String, Object>) out.getLast().get("body");
        return String.valueOf(body.get("text"));
    }

    private static List<Map<String, Object>> outgoing() {
        return outgoing(PHONE);
    }

    private static List<Map<String, Object>> outgoing(String phone) {
        List<Map<String, Object>> all = simulator.get().uri("/simulator/users/{phone}/messages", phone).retrieve()
                .body(new ParameterizedTypeReference<>() {
                });
        return all == null ? List.of() : all.stream().filter(m -> "out".equals(m.get("direction"))).toList();
    }
    // ---- the Cloud API tenant: Meta's published webhook payloads through gateway → backend-api → fake Graph API ----

    private static final String USER = "16505551234";
    private static final String MEDIA_ES = "Por ahora solo puedo leer mensajes de texto. ¿Me escribís lo que necesitás?";
    private static final String UNREADABLE_ES = "No pude leer ese mensaje. ¿Me lo escribís con palabras?";
    private static final String FAILED_ES = "Perdón, no pude procesar tu mensaje. Probá escribirlo de nuevo en un rato.";
    private static final String STALE_ES = "Perdón por la demora: tu mensaje nos llegó recién ahora. ¿Me lo escribís de nuevo?";

    @Test
    void metaPublishedPayloadsGetTheRepliesAPatientShould() {
        // Meta's own text example, as published: its timestamp is months old, so it is answered as late
        assertThat(cloud("text", false)).containsExactly(STALE_ES);
        JsonNode template = GRAPH.to(USER).getLast().body().path("template");
        assertThat(template.path("name").asString()).isEqualTo("reengage");
        assertThat(template.path("language").path("code").asString()).as("the project's language").isEqualTo("es");

        // the same message as if sent now: the assistant answers it (a base64 id ending in '=' is an id like any other)
        List<String> text = cloud("text", true, "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgB=");
        assertThat(text).hasSize(1).noneMatch(POLITE::contains);
        for (String fixture : List.of("button", "interactive-button-reply", "interactive-list-reply")) {
            assertThat(cloud(fixture, true)).as(fixture).hasSize(1).noneMatch(POLITE::contains);
        }
        for (String fixture : List.of("image", "audio", "document", "location", "contacts", "sticker")) {
            assertThat(cloud(fixture, true)).as(fixture).containsExactly(MEDIA_ES);
        }
        assertThat(cloud("unsupported", true)).containsExactly(UNREADABLE_ES);
        for (String fixture : List.of("reaction", "status-sent", "status-delivered", "status-read", "status-failed",
                "business-scoped-user-only", "system-user-changed-number")) {
            assertThat(cloud(fixture, true)).as(fixture).isEmpty();
        }
        List<Map<String, Object>> notices = cloudGateway.get().uri("/admin/tenants/clinic/inbox/notices")
                .header("Authorization", "Bearer e2e-gateway-admin-token").retrieve().body(new ParameterizedTypeReference<>() {
                });
        assertThat(notices).extracting(n -> n.get("text")).containsExactly("12195555358");
        // staff see the changed number on the patient's page in the console (backend-api's customer audit)
        RestClient api = RestClient.create(backendService.baseUrl().toString());
        String token = api.post().uri("/v1/admin/login").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("email", "admin@demo.local", "password", "demo1234")).retrieve().body(JsonNode.class)
                .path("access_token").asString();
        JsonNode audit = api.get().uri("/v1/admin/customers/{id}", "+" + USER).header("Authorization", "Bearer " + token)
                .header("X-Project-Id", "demo").retrieve().body(JsonNode.class).path("audit");
        assertThat(audit.findValuesAsString("action")).contains("number_changed");
        assertThat(audit.findValuesAsString("to_number")).containsExactly("+12195555358");

        int before = GRAPH.to("16505556789").size();
        cloud("several-entries", true);
        await().atMost(Duration.ofSeconds(20)).until(() -> GRAPH.to("16505556789").size() > before);

        assertThat(GRAPH.received).isNotEmpty().allSatisfy(r -> MetaSendLimits.check(r.body()));
    }

    @Test
    void oversizedUnsignedAndGarbageBodiesAreRefusedCleanly() {
        byte[] big = new byte[3 * 1024 * 1024 + 1];
        java.util.Arrays.fill(big, (byte) ' ');
        var tooBig = cloudGateway.post().uri("/webhooks/whatsapp/cloud").contentType(MediaType.APPLICATION_JSON)
                .header("X-Hub-Signature-256", "sha256=00").body(big).exchange((req, res) -> res.getStatusCode().value());
        assertThat(tooBig).isEqualTo(413);
        assertThat(postCloud("{not json", true)).isEqualTo(400);
        assertThat(postCloud(fixture("text").toString(), false)).isEqualTo(401);
    }

    @Test
    void aWholeBookingDoneByTappingWhatWhatsAppShows() {
        String user = "5491155550002";
        JsonNode reply = tapOrSay(user, null, false, "hola");
        List<String> tapped = new ArrayList<>();
        for (int step = 0; step < 12; step++) {
            String body = reply.path("interactive").path("body").path("text").asString(reply.path("text").path("body").asString());
            if (body.contains("confirmado")) {
                break;
            }
            JsonNode options = reply.path("interactive").path("action");
            JsonNode pick;
            boolean row = false;
            if (options.has("buttons")) {
                pick = options.path("buttons").get(0).path("reply");
                for (JsonNode b : options.path("buttons")) {
                    String id = b.path("reply").path("id").asString();
                    if (id.equals("menu:book") || id.equals("confirm:yes") || id.equals("name:profile")) {
                        pick = b.path("reply");
                    }
                }
            } else if (options.has("sections")) {
                pick = options.path("sections").get(0).path("rows").get(0);
                row = true;
            } else {
                throw new AssertionError("the assistant asked for something that cannot be tapped: " + body);
            }
            tapped.add(pick.path("id").asString());
            reply = tapOrSay(user, pick, row, null);
        }
        String last = reply.path("text").path("body").asString(reply.path("interactive").path("body").path("text").asString());
        assertThat(last).contains("confirmado").contains("Sheena Nelson");
        // service, day, slot and the name WhatsApp shows were all tapped; the only typed word was "hola"
        assertThat(tapped).anyMatch(id -> id.startsWith("svc:")).anyMatch(id -> id.startsWith("day:"))
                .contains("name:profile");
        assertThat(GRAPH.to(user)).allSatisfy(r -> MetaSendLimits.check(r.body()));
    }

    private static final Set<String> POLITE = Set.of(MEDIA_ES, UNREADABLE_ES, FAILED_ES, STALE_ES);

    /** Taps an interactive option (button reply or list row) or sends a text, as Meta would post it; returns the reply. */
    private static JsonNode tapOrSay(String user, JsonNode option, boolean row, String text) {
        ObjectNode root = (ObjectNode) fixture(option == null ? "text" : row ? "interactive-list-reply" : "interactive-button-reply");
        ObjectNode message = (ObjectNode) root.path("entry").get(0).path("changes").get(0).path("value").path("messages").get(0);
        ((ObjectNode) root.path("entry").get(0).path("changes").get(0).path("value").path("contacts").get(0)).put("wa_id", user);
        message.put("from", user).put("id", "wamid.HBgL" + java.util.UUID.randomUUID() + "=")
                .put("timestamp", Long.toString(Instant.now().getEpochSecond()));
        if (option == null) {
            ((ObjectNode) message.path("text")).put("body", text);
        } else {
            ObjectNode interactive = (ObjectNode) message.path("interactive");
            String type = interactive.path("type").asString();
            ObjectNode reply = interactive.putObject(type);
            reply.put("id", option.path("id").asString()).put("title", option.path("title").asString());
        }
        int before = GRAPH.to(user).size();
        assertThat(postCloud(root.toString(), true)).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> GRAPH.to(user).size() > before);
        return GRAPH.to(user).getLast().body();
    }

    /** Posts a fixture (timestamps set to now when {@code now}, ids replaced when given) and returns the texts sent back. */
    private static List<String> cloud(String name, boolean now, String... ids) {
        ObjectNode root = (ObjectNode) fixture(name);
        int i = 0;
        for (JsonNode entry : root.path("entry")) {
            for (JsonNode change : entry.path("changes")) {
                for (JsonNode message : change.path("value").path("messages")) {
                    if (now) {
                        ((ObjectNode) message).put("timestamp", Long.toString(Instant.now().getEpochSecond()));
                    }
                    if (i < ids.length) {
                        ((ObjectNode) message).put("id", ids[i++]);
                    }
                }
            }
        }
        int before = GRAPH.to(USER).size();
        assertThat(postCloud(root.toString(), true)).as(name).isEqualTo(200);
        // one user's messages are answered in order: wait until this one is closed, then read what was sent
        JsonNode first = root.path("entry").get(0).path("changes").get(0).path("value").path("messages").path(0);
        if (!first.isMissingNode() && first.has("from")) {
            String id = first.path("id").asString();
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> cloudJdbc().queryForList(
                    "select status from inbox where provider_message_id = ? and status <> 'pending'", String.class, id).size() == 1
                    || "reaction".equals(first.path("type").asString()));
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> cloudJdbc().queryForObject(
                    "select count(*) from outbox where to_number = ? and status in ('pending', 'sending')", Integer.class, USER) == 0);
        }
        return GRAPH.to(USER).subList(before, GRAPH.to(USER).size()).stream().map(r -> switch (r.body().path("type").asString()) {
            case "text" -> r.body().path("text").path("body").asString();
            // outside the 24-hour window the reply travels as the window template's parameter
            case "template" -> r.body().path("template").path("components").path(0).path("parameters").path(0).path("text")
                    .asString();
            default -> r.body().path("interactive").path("body").path("text").asString();
        }).toList();
    }

    private static int postCloud(String body, boolean signed) {
        var request = cloudGateway.post().uri("/webhooks/whatsapp/cloud").contentType(MediaType.APPLICATION_JSON);
        if (signed) {
            request = request.header("X-Hub-Signature-256", WebhookSignature.sign(APP_SECRET, body.getBytes(StandardCharsets.UTF_8)));
        }
        return request.body(body).exchange((req, res) -> res.getStatusCode().value());
    }

    private static JsonNode fixture(String name) {
        try (var in = BookingThroughTheWholeStackTest.class.getResourceAsStream("/meta-webhooks/" + name + ".json")) {
            return JSON.readTree(in).path("payload");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static org.springframework.jdbc.core.JdbcTemplate cloudJdbc() {
        return gateway.getBean(org.springframework.jdbc.core.JdbcTemplate.class);
    }
}
