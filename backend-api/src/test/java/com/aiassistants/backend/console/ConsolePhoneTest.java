package com.aiassistants.backend.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.aiassistants.backend.BackendTestBase;
import com.aiassistants.backend.WsClient;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;

/** The phone page through backend-api: status, send, transcript and the live relay, for the caller's project only. */
@Import(FakeGatewaySimulator.class)
class ConsolePhoneTest extends BackendTestBase {

    static final int PORT = freePort();

    @DynamicPropertySource
    static void fakeGatewayOnOurOwnServer(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        // a context of its own: keep its share of the shared test PostgreSQL small
        registry.add("spring.datasource.hikari.maximum-pool-size", () -> 4);
        registry.add("ai-assistants.backend.simulator.gateway-url", () -> "http://localhost:" + PORT + "/fake-gateway");
        registry.add("ai-assistants.backend.simulator.status-ttl", () -> "0s");
        registry.add("ai-assistants.backend.simulator.gateway-tenants.mapped-project", () -> "mapped-tenant");
    }

    @org.springframework.beans.factory.annotation.Autowired
    MeterRegistry meters;

    TestProject simulated() {
        TestProject project = newProject();
        FakeGatewaySimulator.PROVIDERS.put(project.id(), "simulator");
        return project;
    }

    @Test
    void statusSaysWhetherTheGatewayRunsTheSimulatorForTheProject() {
        TestProject project = simulated();
        Response status = get("/v1/admin/simulator", project);
        assertThat(status.json().get("enabled").asBoolean()).as(status.body()).isTrue();

        FakeGatewaySimulator.PROVIDERS.put(project.id(), "cloud");
        JsonNode cloud = get("/v1/admin/simulator", project).json();
        assertThat(cloud.get("enabled").asBoolean()).isFalse();
        assertThat(cloud.get("provider").asString()).isEqualTo("cloud");
        assertThat(cloud.get("reason").asString()).isEqualTo("not-simulator");
        Response refused = send("POST", "/v1/admin/simulator/users/5491100000001/messages", bearer(project.ownerToken()),
                json(Map.of("text", "hola")));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("simulator-disabled");

        TestProject unknown = newProject();
        assertThat(get("/v1/admin/simulator", unknown).json().get("reason").asString()).isEqualTo("unknown-gateway-tenant");
        assertThat(send("GET", "/v1/admin/simulator", key(project.apiKey()), null).status()).isEqualTo(403);
    }

    @Test
    void aPatientMessageGoesThroughTheGatewayAndTheTranscriptComesBack() {
        TestProject project = simulated();
        Response sent = send("POST", "/v1/admin/simulator/users/+54%209%2011%205555-0101/messages", bearer(project.ownerToken()),
                json(Map.of("text", "menu")));
        assertThat(sent.status()).isEqualTo(202);
        assertThat(sent.text("message_id")).startsWith("console-");
        Response tapped = send("POST", "/v1/admin/simulator/users/5491155550101/messages", bearer(project.ownerToken()),
                json(Map.of("reply_id", "book", "reply_title", "Reservar")));
        assertThat(tapped.status()).isEqualTo(202);

        JsonNode chat = get("/v1/admin/simulator/users/5491155550101/messages", project).json();
        assertThat(chat.findValuesAsString("direction")).containsExactly("in", "out", "in", "out");
        JsonNode menu = chat.get(1);
        assertThat(menu.get("kind").asString()).isEqualTo("buttons");
        assertThat(menu.get("buttons").findValuesAsString("title")).containsExactly("Reservar", "Mis turnos", "Persona");
        assertThat(chat.get(2).get("kind").asString()).isEqualTo("interactive");
        assertThat(chat.get(2).get("reply_id").asString()).isEqualTo("book");
        assertThat(chat.get(3).get("text").asString()).isEqualTo("bot: Reservar");
        assertThat(chat.get(0).get("at").asString()).isNotBlank();

        // another project never sees this chat, even with the same phone
        TestProject other = simulated();
        assertThat(get("/v1/admin/simulator/users/5491155550101/messages", other).json()).isEmpty();
    }

    @Test
    void badInputIsA400AndGatewayFailuresAreRetriedThen502() {
        TestProject project = simulated();
        assertThat(send("POST", "/v1/admin/simulator/users/12ab/messages", bearer(project.ownerToken()),
                json(Map.of("text", "hola"))).status()).isEqualTo(400);
        assertThat(send("POST", "/v1/admin/simulator/users/5491100000002/messages", bearer(project.ownerToken()),
                json(Map.of("text", " "))).status()).isEqualTo(400);

        int before = FakeGatewaySimulator.POSTS.get();
        FakeGatewaySimulator.FAILURES_TO_ANSWER.set(2);
        assertThat(send("POST", "/v1/admin/simulator/users/5491100000003/messages", bearer(project.ownerToken()),
                json(Map.of("text", "tras dos fallas"))).status()).isEqualTo(202);
        assertThat(FakeGatewaySimulator.POSTS.get() - before).isEqualTo(3);

        FakeGatewaySimulator.FAILURES_TO_ANSWER.set(3);
        Response failed = send("POST", "/v1/admin/simulator/users/5491100000003/messages", bearer(project.ownerToken()),
                json(Map.of("text", "se cae")));
        assertThat(failed.status()).isEqualTo(502);
        assertThat(failed.body()).contains("gateway-unavailable");
        assertThat(meters.find("backend.simulator.calls").tag("operation", "send").tag("outcome", "error").timer())
                .isNotNull();
    }

    @Test
    void theRelayStreamsOnlyThisProjectsPhone() throws Exception {
        TestProject project = simulated();
        TestProject other = simulated();
        String token = send("POST", "/v1/ws/tokens", bearer(project.ownerToken()), "{}").text("token");
        try (WsClient phone = new WsClient("ws://localhost:" + port + "/v1/ws/simulator?phone=5491177770000&token=" + token)) {
            Thread.sleep(300); // the relay's upstream socket opens after the handshake
            send("POST", "/v1/admin/simulator/users/5491177770000/messages", bearer(other.ownerToken()),
                    json(Map.of("text", "otro proyecto")));
            send("POST", "/v1/admin/simulator/users/5491166660000/messages", bearer(project.ownerToken()),
                    json(Map.of("text", "otro teléfono")));
            send("POST", "/v1/admin/simulator/users/5491177770000/messages", bearer(project.ownerToken()),
                    json(Map.of("text", "menu")));
            JsonNode in = phone.next("message");
            assertThat(in.get("direction").asString()).isEqualTo("in");
            assertThat(in.get("text").asString()).isEqualTo("menu");
            JsonNode out = phone.next("message");
            assertThat(out.get("direction").asString()).isEqualTo("out");
            assertThat(out.get("buttons").get(0).get("id").asString()).isEqualTo("book");
            assertThat(phone.frames).isEmpty();

            // the gateway's stream ends: the console's socket closes too (it reconnects)
            FakeGatewaySimulator.closeStreams();
            assertThat(phone.closed.get(10, TimeUnit.SECONDS)).isEqualTo(1011);
        }
        try (WsClient bad = new WsClient("ws://localhost:" + port + "/v1/ws/simulator?phone=5491177770000&token=nope")) {
            assertThat(bad.next("error").get("error").asString()).startsWith("unauthorized");
            assertThat(bad.closed.get(10, TimeUnit.SECONDS)).isEqualTo(1008);
        }
        String apiKeyToken = send("POST", "/v1/ws/tokens", key(project.apiKey()), json(Map.of("conversation_id", "c"))).text("token");
        try (WsClient byKey = new WsClient("ws://localhost:" + port + "/v1/ws/simulator?phone=5491177770000&token=" + apiKeyToken)) {
            assertThat(byKey.closed.get(10, TimeUnit.SECONDS)).isEqualTo(1008);
        }
    }

    Response get(String path, TestProject project) {
        return send("GET", path, bearer(project.ownerToken()), null);
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
