package com.aiassistants.backend.assistant.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.aiassistants.backend.assistant.Assistant;
import com.aiassistants.backend.assistant.AssistantReply;
import com.aiassistants.backend.assistant.AssistantTurn;
import com.aiassistants.backend.assistant.TenantProfile;
import com.aiassistants.backend.assistant.golden.FakeSchedulingServer;
import com.aiassistants.backend.assistant.golden.InProcessDriver;

/** Properties of the dialogue that a script cannot show: retries and the persisted state. */
class DialogueRetryTest {

    static final Instant NOW = Instant.parse("2026-01-12T12:00:00Z");
    final Assistant assistant = new InProcessDriver(FakeSchedulingServer.shared()).assistant();
    final TenantProfile tenant = new TenantProfile("retry-" + System.nanoTime(), "Clínica Demo",
            ZoneId.of("America/Argentina/Buenos_Aires"), "es", TenantProfile.FlowSettings.defaults());

    {
        FakeSchedulingServer.shared().setClock(tenant.tenantId(), NOW);
    }

    AssistantReply send(String text, String state) {
        return assistant.reply(new AssistantTurn(tenant, "whatsapp:+5491155550199", "+5491155550199", null, "whatsapp",
                text, null, state, Map.of("name", "Ana"), List.of(), NOW));
    }

    @Test
    void aRetriedTurnReusesTheHoldInsteadOfCreatingASecondOne() {
        AssistantReply offered = send("limpieza mañana", null);
        AssistantReply first = send("2", offered.state());
        AssistantReply retried = send("2", offered.state());
        assertThat(first.bookingIds()).hasSize(1);
        assertThat(retried.bookingIds()).isEqualTo(first.bookingIds());
        assertThat(retried.text()).isEqualTo(first.text());
    }

    @Test
    void aNewAttemptAfterSayingNoGetsANewHold() {
        AssistantReply offered = send("limpieza mañana", null);
        AssistantReply held = send("2", offered.state());
        AssistantReply declined = send("no", held.state());
        AssistantReply again = send("2", declined.state());
        assertThat(again.bookingIds()).hasSize(1).doesNotContainAnyElementsOf(held.bookingIds());
        assertThat(again.text()).contains("¿Confirmás");
    }

    @Test
    void theStateIsSnakeCaseJsonThatSurvivesUnknownFields() {
        AssistantReply offered = send("limpieza mañana", null);
        assertThat(offered.state()).contains("\"step\":\"OFFER_SLOTS\"").contains("\"service_id\":\"svc-limpieza\"")
                .contains("\"local_start\"");
        String grown = offered.state().replaceFirst("\\{", "{\"added_later\":1,");
        DialogueState parsed = DialogueState.parse(grown);
        assertThat(parsed.step()).isEqualTo(Step.OFFER_SLOTS);
        assertThat(parsed.offers()).hasSize(5);
        assertThat(DialogueState.parse("not json")).isNull();
    }
}
