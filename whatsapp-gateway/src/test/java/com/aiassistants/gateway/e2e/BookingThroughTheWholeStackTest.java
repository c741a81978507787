package com.aiassistants.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

/**
 * The product's main path with every real service: a WhatsApp user (the simulator) books an
 * appointment through whatsapp-gateway → backend-api (deterministic assistant) → mcp-professionals
 * and mcp-calendar (→ mcp-booking-log), and the confirmation arrives in the simulator chat. The
 * neighbour services run as real processes from their exec jars; the gateway runs in this JVM.
 */
class BookingThroughTheWholeStackTest {

    private static final String TOKEN = "e2e-mcp-token-0123456789";
    private static final String PHONE = "5491155550001";
    private static final List<ServiceProcess> services = new ArrayList<>();
    private static ConfigurableApplicationContext gateway;
    private static RestClient simulator;

    @BeforeAll
    static void startTheStack() {
        TestPostgres.Database db = TestPostgres.createDatabase("e2e");
        Map<String, String> env = new HashMap<>(Map.of("AI_ASSISTANTS_MCP_TOKEN", TOKEN));
        env.put("AI_ASSISTANTS_PROFESSIONALS_DEMO_TENANT", "demo");
        ServiceProcess professionals = start("mcp-professionals", db, env);
        ServiceProcess bookingLog = start("mcp-booking-log", db, env);
        env.put("AI_ASSISTANTS_MCP_PROFESSIONALS_URL", professionals.baseUrl().toString());
        env.put("AI_ASSISTANTS_MCP_BOOKING_LOG_URL", bookingLog.baseUrl().toString());
        ServiceProcess calendar = start("mcp-calendar", db, env);
        env.put("AI_ASSISTANTS_MCP_CALENDAR_URL", calendar.baseUrl().toString());
        env.put("AI_ASSISTANTS_BACKEND_DEMO_ENABLED", "true");
        env.put("AI_ASSISTANTS_GATEWAY_ADMIN_TOKEN", "e2e-gateway-admin-token");
        ServiceProcess backend = start("backend-api", db, env);

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
                "--ai-assistants.gateway.workers.poll-interval=200ms");
        int port = ((WebServerApplicationContext) gateway).getWebServer().getPort();
        simulator = RestClient.create("http://localhost:" + port);
    }

    private static ServiceProcess start(String module, TestPostgres.Database db, Map<String, String> env) {
        ServiceProcess service = ServiceProcess.start(module, db, env, List.of());
        services.add(service);
        return service;
    }

    @AfterAll
    static void stopTheStack() {
        if (gateway != null) {
            gateway.close();
        }
        services.reversed().forEach(ServiceProcess::close);
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

    /** Sends one user message through the simulator and waits for the bot's next reply. */
    private static String say(Map<String, Object> message) {
        int before = outgoing().size();
        simulator.post().uri("/simulator/users/{phone}/messages", PHONE).contentType(MediaType.APPLICATION_JSON)
                .body(message).retrieve().toBodilessEntity();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> outgoing().size() > before);
        List<Map<String, Object>> out = outgoing();
        @SuppressWarnings("unchecked")
        Map<String, Object> body = (Map<String, Object>) out.getLast().get("body");
        return String.valueOf(body.get("text"));
    }

    private static List<Map<String, Object>> outgoing() {
        List<Map<String, Object>> all = simulator.get().uri("/simulator/users/{phone}/messages", PHONE).retrieve()
                .body(new ParameterizedTypeReference<>() {
                });
        return all == null ? List.of() : all.stream().filter(m -> "out".equals(m.get("direction"))).toList();
    }
}
