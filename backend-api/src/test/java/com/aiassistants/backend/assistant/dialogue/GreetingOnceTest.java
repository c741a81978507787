package com.aiassistants.backend.assistant.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.aiassistants.backend.assistant.Assistant;
import com.aiassistants.backend.assistant.AssistantTurn;
import com.aiassistants.backend.assistant.TenantProfile;
import com.aiassistants.backend.assistant.golden.FakeSchedulingServer;
import com.aiassistants.backend.assistant.golden.InProcessDriver;

/** Hellos: one per answer, by name when the customer is known. */
class GreetingOnceTest {

    static final Instant NOW = Instant.parse("2026-01-12T12:00:00Z");
    final Assistant assistant = new InProcessDriver(FakeSchedulingServer.shared()).assistant();
    final TenantProfile tenant = new TenantProfile("greet-" + System.nanoTime(), "Clínica Demo",
            ZoneId.of("America/Argentina/Buenos_Aires"), "es", TenantProfile.FlowSettings.defaults());

    {
        FakeSchedulingServer.shared().setClock(tenant.tenantId(), NOW);
    }

    @ParameterizedTest
    @ValueSource(strings = {"buenas, soy Marta Gil. q dias atiende la dra perez?", "hola soy Marta Gil, cuánto sale la limpieza?",
            "hola, soy Marta Gil"})
    void oneHello(String text) {
        String reply = assistant.reply(new AssistantTurn(tenant, "whatsapp:+5491155550188", "+5491155550188", null,
                "whatsapp", text, null, null, Map.of(), List.of(), NOW)).text();
        assertThat(reply).containsOnlyOnce("Marta Gil");
    }

    @org.junit.jupiter.api.Test
    void aKnownCustomersFirstHelloIsByName() {
        // e.g. a conversation migrated from the old system: no dialogue state yet, the name in customer memory
        String reply = assistant.reply(new AssistantTurn(tenant, "whatsapp:+5491155501234", "+5491155501234", null,
                "whatsapp", "hola", null, null, Map.of("name", "Lucía Fernández"), List.of(), NOW)).text();
        assertThat(reply).startsWith("¡Hola, Lucía Fernández! Soy el asistente virtual de Clínica Demo.");
    }
}
