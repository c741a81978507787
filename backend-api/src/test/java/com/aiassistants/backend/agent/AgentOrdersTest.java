package com.aiassistants.backend.agent;

import static com.aiassistants.backend.agent.FakeOpenAi.call;
import static com.aiassistants.backend.agent.FakeOpenAi.lastToolResult;
import static com.aiassistants.backend.agent.FakeOpenAi.text;
import static com.aiassistants.backend.agent.FakeOpenAi.toolCalls;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import com.aiassistants.backend.BackendTestBase;
import com.aiassistants.backend.assistant.Assistant;
import com.aiassistants.backend.assistant.AssistantReply;
import com.aiassistants.backend.assistant.AssistantTurn;
import com.aiassistants.backend.assistant.TenantProfile;
import com.aiassistants.backend.assistant.orders.OrderDesk;
import com.aiassistants.backend.mcp.McpClients;
import com.aiassistants.backend.orders.OrderHookTest;
import com.aiassistants.backend.tenant.Projects;
import com.aiassistants.common.mcp.client.McpTarget;
import com.aiassistants.common.mcp.client.McpToolClient;
import com.aiassistants.common.testsupport.ServiceProcess;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import tools.jackson.databind.JsonNode;

/**
 * The agent's order tools in the whole application: the project's orders hook on the wire (WireMock accepting only
 * requests signed as {@link OrderHookTest} checks them), this context's {@link OrderDesk} (the deterministic engine's
 * hook client and claims store), real mcp-llm pointed at the scripted {@link FakeOpenAi} (every test project is on
 * the fake: {@link AgentTestServices}), real mcp-professionals and mcp-calendar. The agent is built by
 * {@link AgentConfiguration}; its deterministic engine answers "FALLBACK" so a fallback is visible.
 */
class AgentOrdersTest extends BackendTestBase {

    static final WireMockServer HOOK = new WireMockServer(wireMockConfig().dynamicPort());
    static final FakeOpenAi MODEL = AgentTestServices.MODEL;
    static final String FORGED = "+5490000000000";
    static final List<String> ORDER_TOOLS = List.of("get_order", "list_orders", "track_shipment", "create_claim");

    static McpClients clients;
    static AgentAssistant agent;

    @Autowired
    OrderDesk orders;

    @Autowired
    Projects projects;

    String customer;

    @BeforeAll
    static void startServices() {
        HOOK.start();
        AgentTestServices.start();
        clients = new McpClients(client("mcp-llm", AgentTestServices.llm), client("mcp-professionals",
                AgentTestServices.professionals), client("mcp-calendar", AgentTestServices.calendar),
                client("mcp-booking-log", AgentTestServices.calendar));
    }

    @AfterAll
    static void stopServices() {
        if (agent != null) {
            agent.close();
            agent = null;
        }
        clients.close();
        HOOK.stop();
    }

    static McpToolClient client(String name, ServiceProcess service) {
        return new McpToolClient(name, new McpTarget(service.baseUrl(), AgentTestServices.TOKEN, Duration.ofSeconds(10),
                0), "agent-orders-test", null);
    }

    @BeforeEach
    void setUp() {
        if (agent == null) {
            StaticListableBeanFactory beans = new StaticListableBeanFactory();
            beans.addBean("deterministicAssistant", (Assistant) turn -> AssistantReply.text("FALLBACK", turn.state()));
            beans.addBean("meterRegistry", new SimpleMeterRegistry());
            beans.addBean("orderDesk", orders);
            agent = new AgentConfiguration().agentAssistant(new AgentProperties(null, null, null, Duration.ofSeconds(15),
                    null, null, null, null, null, null), clients, beans.getBeanProvider(Assistant.class),
                    beans.getBeanProvider(MeterRegistry.class), Clock.systemUTC(), beans.getBeanProvider(OrderDesk.class));
        }
        MODEL.reset();
        customer = phone();
    }

    @AfterEach
    void scriptRanClean() {
        assertThat(MODEL.scriptErrors()).as("errors inside the scripted model").isEmpty();
    }

    // ---- helpers ----

    /** A project with its orders hook at a path of its own, signed with a secret of its own. */
    record HookedProject(TestProject project, String path, String secret) {
    }

    HookedProject hooked() {
        TestProject project = newProject();
        String path = "/hook/" + project.id();
        String secret = "hook-secret-" + UUID.randomUUID();
        Response saved = send("PUT", "/v1/admin/projects/" + project.id() + "/order-hook", bearer(project.ownerToken()),
                json(Map.of("url", "http://localhost:" + HOOK.port() + path, "secret", secret)));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        HOOK.stubFor(post(urlEqualTo(path)).atPriority(10)
                .willReturn(aResponse().withStatus(401).withBody("{\"ok\":false,\"error\":\"bad signature\"}")));
        return new HookedProject(project, path, secret);
    }

    static void answer(HookedProject hook, String action, String body) {
        HOOK.stubFor(OrderHookTest.signed(post(urlEqualTo(hook.path()))
                .withRequestBody(matchingJsonPath("$.action", equalTo(action))), hook.secret()).atPriority(1)
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(body)));
    }

    static List<LoggedRequest> requests(HookedProject hook) {
        return HOOK.findAll(postRequestedFor(urlEqualTo(hook.path())));
    }

    /** A patient's message to the project, which is on the {@code llm} engine. */
    AssistantReply say(TestProject project, String text) {
        TenantProfile stored = projects.require(project.id()).profile();
        TenantProfile llm = new TenantProfile(stored.tenantId(), stored.name(), stored.zone(), stored.locale(),
                new TenantProfile.FlowSettings(null, List.of(), Map.of(), "list", null, "llm"));
        return agent.reply(new AssistantTurn(llm, "whatsapp:" + customer, customer, "Ana", "whatsapp", text, null,
                "{\"step\":\"idle\"}", Map.of(), List.of(), Instant.now()));
    }

    static List<String> offeredTools(JsonNode request) {
        List<String> names = new ArrayList<>();
        request.path("tools").forEach(t -> names.add(t.path("function").path("name").asString()));
        return names;
    }

    JsonNode claims(TestProject project, String customerId) {
        Response listed = send("GET", "/v1/admin/customers/" + customerId + "/claims", bearer(project.ownerToken()), null);
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        return listed.json().get("claims");
    }

    // ---- tests ----

    @Test
    void theModelAsksTheHookForAnOrderOfTheTurnsCustomerAndTheReplyCarriesItsAnswer() {
        HookedProject hook = hooked();
        answer(hook, "get_order", """
                {"ok": true, "order": {"id": "1234", "status": "En camino", "placed_at": "2026-12-01",
                 "total": 45000, "currency": "ARS", "items": [{"name": "Zapatillas Runner", "quantity": 1}],
                 "shipment": {"status": "en tránsito", "carrier": "Andreani", "tracking_number": "AND-998877",
                              "estimated_delivery": "2026-12-09"}}}""");
        MODEL.script(toolCalls(request -> List.of(call("get_order", Map.of("order_id", "#1234", "customer_id", FORGED)))),
                text(request -> {
                    JsonNode order = lastToolResult(request).path("order");
                    return "Tu pedido " + order.path("id").asString() + " está " + order.path("status").asString()
                            + ": lo lleva " + order.path("shipment").path("carrier").asString() + " (seguimiento "
                            + order.path("shipment").path("tracking_number").asString() + ") y llega el 09/12.";
                }));

        AssistantReply reply = say(hook.project(), "¿En qué anda mi pedido 1234?");

        assertThat(reply.text()).isEqualTo("Tu pedido 1234 está En camino: lo lleva Andreani (seguimiento AND-998877) "
                + "y llega el 09/12.");
        // the model was offered the order tools, without a customer argument, and told about them
        JsonNode first = MODEL.requests().getFirst();
        assertThat(offeredTools(first)).containsAll(ORDER_TOOLS).containsAll(AgentProperties.DEFAULT_ALLOWLIST)
                .hasSize(ORDER_TOOLS.size() + AgentProperties.DEFAULT_ALLOWLIST.size());
        for (JsonNode tool : first.path("tools")) {
            assertThat(tool.path("function").path("parameters").path("properties").has("customer_id")).isFalse();
        }
        assertThat(first.path("messages").get(0).path("content").asString()).contains("Pedidos:", "get_order");
        // one signed call with the authenticated customer, never the one the model sent
        List<LoggedRequest> sent = requests(hook);
        assertThat(sent).hasSize(1);
        assertThat(OrderHookTest.signatureValid(hook.secret(), sent.getFirst().getHeader("X-Hook-Timestamp"),
                sent.getFirst().getBody(), sent.getFirst().getHeader("X-Hook-Signature"))).isTrue();
        JsonNode body = JSON.readTree(sent.getFirst().getBodyAsString());
        assertThat(body.path("action").asString()).isEqualTo("get_order");
        assertThat(body.at("/payload/order_id").asString()).isEqualTo("1234");
        assertThat(body.at("/payload/customer/id").asString()).isEqualTo(customer);
        assertThat(body.at("/payload/customer/name").asString()).isEqualTo("Ana");
        assertThat(sent.getFirst().getBodyAsString()).doesNotContain(FORGED);
    }

    @Test
    void aClaimTheModelFilesIsStoredAndListedOnTheCustomersPage() {
        HookedProject hook = hooked();
        answer(hook, "create_claim", """
                {"ok": true, "claim": {"id": "CL-77", "status": "abierto", "order_id": "1234"}}""");
        String description = "Las zapatillas llegaron rotas";
        MODEL.script(toolCalls(request -> List.of(call("create_claim", Map.of("order_id", "1234",
                        "description", description, "customer_id", FORGED)))),
                text(request -> {
                    JsonNode claim = lastToolResult(request).path("claim");
                    return "Listo, registré tu reclamo " + claim.path("id").asString() + " por el pedido 1234 (estado: "
                            + claim.path("status").asString() + ").";
                }));

        AssistantReply reply = say(hook.project(), "Sí, registrá el reclamo: " + description);

        assertThat(reply.text()).isEqualTo("Listo, registré tu reclamo CL-77 por el pedido 1234 (estado: abierto).");
        JsonNode sent = JSON.readTree(requests(hook).getFirst().getBodyAsString());
        assertThat(sent.at("/payload/customer/id").asString()).isEqualTo(customer);
        assertThat(sent.at("/payload/description").asString()).isEqualTo(description);
        JsonNode claims = claims(hook.project(), customer);
        assertThat(claims).hasSize(1);
        assertThat(claims.get(0).get("hook_claim_id").asString()).isEqualTo("CL-77");
        assertThat(claims.get(0).get("status").asString()).isEqualTo("abierto");
        assertThat(claims.get(0).get("order_id").asString()).isEqualTo("1234");
        assertThat(claims.get(0).get("description").asString()).isEqualTo(description);
        assertThat(jdbc.sql("select conversation_id from claim where project_id = ?").param(hook.project().id())
                .query(String.class).single()).isEqualTo("whatsapp:" + customer);
        assertThat(claims(hook.project(), FORGED)).isEmpty();
    }

    @Test
    void withoutAHookTheOrderToolsAreNotOfferedNorRun() {
        TestProject project = newProject();
        MODEL.script(toolCalls(request -> List.of(call("get_order", Map.of("order_id", "1234")))),
                text(request -> "Perdón, por acá no puedo consultar pedidos. ¿Querés que te pase con una persona?"));

        AssistantReply reply = say(project, "¿Dónde está mi pedido 1234?");

        assertThat(reply.text()).isEqualTo("Perdón, por acá no puedo consultar pedidos. ¿Querés que te pase con una persona?");
        JsonNode first = MODEL.requests().getFirst();
        assertThat(offeredTools(first)).containsExactlyInAnyOrderElementsOf(AgentProperties.DEFAULT_ALLOWLIST);
        assertThat(first.path("messages").get(0).path("content").asString()).doesNotContain("Pedidos:");
        assertThat(lastToolResult(MODEL.requests().get(1)).path("error").asString()).isEqualTo("tool_not_allowed");
    }

    @Test
    void aFailingHookIsAToolErrorTheModelApologisesForAndNoClaimIsStored() {
        HookedProject hook = hooked();
        HOOK.stubFor(post(urlEqualTo(hook.path())).atPriority(1).willReturn(aResponse().withStatus(503)));
        MODEL.script(toolCalls(request -> List.of(call("create_claim", Map.of("order_id", "1234",
                        "description", "Me llegó otro talle")))),
                text(request -> {
                    JsonNode error = lastToolResult(request);
                    assertThat(error.path("error").asString()).isEqualTo("order_system_unavailable");
                    return "Perdón, ahora no pude registrar el reclamo del pedido " + error.path("order_id").asString()
                            + ". Probá de nuevo en un rato o escribí persona para hablar con alguien.";
                }));

        AssistantReply reply = say(hook.project(), "Quiero reclamar por el pedido 1234, me llegó otro talle");

        assertThat(reply.text()).isEqualTo("Perdón, ahora no pude registrar el reclamo del pedido 1234. Probá de nuevo "
                + "en un rato o escribí persona para hablar con alguien.");
        assertThat(requests(hook)).hasSize(3); // the first attempt and orders.retries = 2, as for the deterministic engine
        assertThat(claims(hook.project(), customer)).isEmpty();
        assertThat(jdbc.sql("select count(*) from claim where project_id = ?").param(hook.project().id())
                .query(Long.class).single()).isZero();
    }
}
