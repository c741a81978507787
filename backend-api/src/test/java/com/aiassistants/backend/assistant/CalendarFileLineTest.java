package com.aiassistants.backend.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.aiassistants.backend.assistant.dialogue.DialogueEngine;
import com.aiassistants.backend.assistant.golden.FakeSchedulingServer;
import com.aiassistants.backend.assistant.orders.OrderDesk;
import com.aiassistants.backend.assistant.replies.Replies;
import com.aiassistants.backend.assistant.scheduling.McpSchedulingGateway;
import com.aiassistants.common.mcp.client.McpTarget;
import com.aiassistants.common.mcp.client.McpToolClient;

/**
 * The confirmation of a booking and the answer after moving it end with the booking's calendar-file link, in the
 * conversation's language (and the file's language named when it is not the project's); the real engine against the
 * in-test MCP server (demo clinic, Monday 2026-01-12 09:00 in Buenos Aires).
 */
class CalendarFileLineTest {

    static final Instant NOW = Instant.parse("2026-01-12T12:00:00Z");

    final String tenantId = "links-" + System.nanoTime();
    final TenantProfile tenant = new TenantProfile(tenantId, "Clínica Demo",
            ZoneId.of("America/Argentina/Buenos_Aires"), "es", TenantProfile.FlowSettings.defaults());
    final List<String> asked = new ArrayList<>();
    final DialogueEngine engine;

    CalendarFileLineTest() {
        FakeSchedulingServer server = FakeSchedulingServer.shared();
        server.setClock(tenantId, NOW);
        McpTarget target = new McpTarget(URI.create(server.url()), FakeSchedulingServer.TOKEN, Duration.ofSeconds(5), 1);
        McpSchedulingGateway gateway = new McpSchedulingGateway(new McpToolClient("mcp-professionals", target, "t", null),
                new McpToolClient("mcp-calendar", target, "t", null), Duration.ofMinutes(5));
        engine = new DialogueEngine(gateway, Replies.bundles(), OrderDesk.NONE, (tenant, booking, language) -> {
            asked.add(tenant + "|" + booking + "|" + language);
            return "https://clinic.example.com/v1/public/bookings/" + booking + ".ics" + (language == null ? "" : "?lang=" + language);
        });
    }

    AssistantReply say(String customer, String state, String text) {
        return engine.reply(new AssistantTurn(tenant, "whatsapp:" + customer, customer, null, "whatsapp", text, null, state,
                Map.of(), List.of(), NOW));
    }

    @Test
    void theConfirmationAndTheMoveCarryTheCalendarLinkInThePatientsLanguage() {
        String customer = "+5491100000001";
        AssistantReply offered = say(customer, null, "Hola, soy Ana, quiero un turno de limpieza el jueves");
        AssistantReply held = say(customer, offered.state(), "1");
        assertThat(held.text()).doesNotContain("calendario");
        AssistantReply confirmed = say(customer, held.state(), "sí");
        assertThat(confirmed.bookingIds()).hasSize(1);
        String booking = confirmed.bookingIds().get(0);
        assertThat(confirmed.text()).contains("confirmado")
                .endsWith("📅 Agregalo a tu calendario: https://clinic.example.com/v1/public/bookings/" + booking + ".ics");
        assertThat(asked).containsExactly(tenantId + "|" + booking + "|null");

        AssistantReply proposed = say(customer, confirmed.state(), "me podés pasar el turno al viernes a las 11?");
        assertThat(proposed.text()).doesNotContain("calendario");
        AssistantReply moved = say(customer, proposed.state(), "sí");
        assertThat(moved.text()).contains("viernes")
                .endsWith("📅 Agregalo a tu calendario: https://clinic.example.com/v1/public/bookings/" + booking + ".ics");
    }

    @Test
    void anEnglishConversationInASpanishClinicGetsTheLineAndTheFileInEnglish() {
        String customer = "+5491100000002";
        AssistantReply offered = say(customer, null, "Hi, I'm John, I'd like to book a dental cleaning on Thursday");
        AssistantReply held = say(customer, offered.state(), "1");
        AssistantReply confirmed = say(customer, held.state(), "yes");
        String booking = confirmed.bookingIds().get(0);
        assertThat(confirmed.text())
                .endsWith("📅 Add it to your calendar: https://clinic.example.com/v1/public/bookings/" + booking + ".ics?lang=en");
    }
}
