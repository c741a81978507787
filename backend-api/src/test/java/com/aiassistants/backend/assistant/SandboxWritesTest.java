package com.aiassistants.backend.assistant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.aiassistants.backend.assistant.golden.FakeSchedulingServer;
import com.aiassistants.backend.assistant.scheduling.McpSchedulingGateway;
import com.aiassistants.common.mcp.client.McpTarget;
import com.aiassistants.common.mcp.client.McpToolClient;

/**
 * The "try it" sandbox never changes the calendar: the real deterministic engine, against the in-test MCP server (demo
 * clinic, Monday 2026-01-12 09:00 in Buenos Aires), reads services and offers slots in a sandbox turn, but the hold
 * that picking a slot makes is refused before it is sent; the same turn outside the sandbox holds the slot.
 */
class SandboxWritesTest {

    static final Instant NOW = Instant.parse("2026-01-12T12:00:00Z");
    static final String CUSTOMER = "sandbox:5c1f8a52-8d7e-4d3a-9a65-0b7f1f1f1f1f";

    final String tenantId = "sandbox-" + System.nanoTime();
    final TenantProfile tenant = new TenantProfile(tenantId, "Clínica Demo",
            ZoneId.of("America/Argentina/Buenos_Aires"), "es", TenantProfile.FlowSettings.defaults());
    final McpSchedulingGateway gateway;
    final DeterministicAssistant assistant;

    SandboxWritesTest() {
        FakeSchedulingServer server = FakeSchedulingServer.shared();
        server.setClock(tenantId, NOW);
        McpTarget target = new McpTarget(URI.create(server.url()), FakeSchedulingServer.TOKEN, Duration.ofSeconds(5), 1);
        gateway = new McpSchedulingGateway(new McpToolClient("mcp-professionals", target, "sandbox", null),
                new McpToolClient("mcp-calendar", target, "sandbox", null), Duration.ofMinutes(5));
        assistant = new DeterministicAssistant(gateway);
    }

    AssistantReply say(String state, String text) {
        return assistant.reply(new AssistantTurn(tenant, CUSTOMER, CUSTOMER, null, "sandbox", text, null, state, Map.of(),
                List.of(), NOW));
    }

    @Test
    void aSandboxTurnReadsTheCalendarButNeverHoldsASlot() throws Exception {
        AssistantReply offered = Sandbox.run(true, () -> say(null, "Hola, soy Ana, quiero un turno de limpieza el jueves"));
        assertThat(offered.text()).contains("Limpieza dental", "jue 15/01 09:00");

        assertThatThrownBy(() -> Sandbox.run(true, () -> say(offered.state(), "1")))
                .isInstanceOfSatisfying(Sandbox.Refused.class, refused -> {
                    assertThat(refused.operation()).isEqualTo("hold_slot");
                    assertThat(Sandbox.explain(refused, "es")).startsWith("🧪 Prueba").contains("apartaría ese horario");
                    assertThat(Sandbox.explain(refused, "en")).startsWith("🧪 Test").contains("would hold that time");
                });
        assertThat(gateway.upcomingBookings(tenantId, CUSTOMER)).isEmpty();

        // outside the sandbox the same turn holds the slot and asks to confirm
        AssistantReply held = say(offered.state(), "1");
        assertThat(held.text()).containsIgnoringCase("confirm");
        assertThat(Sandbox.active()).isFalse();
    }
}
