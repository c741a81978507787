package com.aiassistants.backend.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The reply check: what a reply states must come from this turn's tool results. */
class ReplyGuardTest {

    static final ZoneId ZONE = ZoneId.of("America/Argentina/Buenos_Aires");

    /** A slot search that returned 10:00–10:45 and 16:30–17:15 on 2026-03-16 (instants in UTC). */
    static Evidence slots() {
        Evidence evidence = new Evidence(ZONE);
        evidence.trustDate(LocalDate.of(2026, 3, 13));
        evidence.record(AgentTool.FIND_AVAILABLE_SLOTS, true, Map.of("time_zone", ZONE.getId(), "slots", List.of(
                Map.of("start", "2026-03-16T13:00:00Z", "end", "2026-03-16T13:45:00Z",
                        "local_start", "2026-03-16T10:00:00", "local_end", "2026-03-16T10:45:00"),
                Map.of("start", "2026-03-16T19:30:00Z", "local_start", "2026-03-16T16:30:00"))));
        return evidence;
    }

    static Evidence booking(String status, AgentTool tool) {
        Evidence evidence = new Evidence(ZONE);
        evidence.record(tool, true, Map.of("id", "6f1c2a9e-3b7d-4c21-9a55-0e4b8f7d2c10", "short_code", "KX7MQ4",
                "status", status, "start", "2026-03-16T13:00:00Z", "local_start", "2026-03-16T10:00:00"));
        return evidence;
    }

    static String violation(String text, Evidence evidence) {
        return ReplyGuard.check(text, evidence).map(ReplyGuard.Violation::reason).orElse("ok");
    }

    @Test
    void timesAndDatesReturnedByToolsPassInTheUsualSpellings() {
        Evidence e = slots();
        assertThat(violation("Tengo el lunes 16/03 a las 10:00 o a las 16:30.", e)).isEqualTo("ok");
        assertThat(violation("El 16 de marzo hay turno a las 10 hs y a las 4:30 de la tarde.", e)).isEqualTo("ok");
        assertThat(violation("On March 16th I have 10 am and 4:30 pm (until 10:45).", e)).isEqualTo("ok");
        assertThat(violation("Para el 2026-03-16 tengo 10h00 y 16.30 no, mejor 16:30.", e)).isEqualTo("ok");
        assertThat(violation("Hoy, 13/03, no quedan turnos; el lunes 16 sí, a las 10 y a las 4 y media.", e))
                .isEqualTo("ok");
        assertThat(violation("La limpieza dura 45 minutos y cuesta ARS 35.000.", e)).isEqualTo("ok");
    }

    @Test
    void anInventedTimeOrDateIsRefused() {
        Evidence e = slots();
        assertThat(violation("Tengo el 16/03 a las 11:15.", e)).isEqualTo("guardrail_time");
        assertThat(violation("I can offer 7 pm on March 16.", e)).isEqualTo("guardrail_time");
        assertThat(violation("Hay lugar a las 18 hs.", e)).isEqualTo("guardrail_time");
        assertThat(violation("Tengo el 17 de marzo a las 10:00.", e)).isEqualTo("guardrail_date");
        assertThat(violation("Tengo el martes 17 a las 10:00.", e)).isEqualTo("guardrail_date");
        assertThat(violation("Tengo el 2026-04-16 a las 10:00.", e)).isEqualTo("guardrail_date");
    }

    @Test
    void bookingCodesMustComeFromTools() {
        Evidence e = booking("CONFIRMED", AgentTool.CONFIRM_BOOKING);
        assertThat(violation("Listo, tu turno KX7MQ4 quedó confirmado para las 10:00.", e)).isEqualTo("ok");
        assertThat(violation("Tu reserva 6f1c2a9e-3b7d-4c21-9a55-0e4b8f7d2c10 está confirmada.", e)).isEqualTo("ok");
        assertThat(violation("Tu código es QW3RT7.", e)).isEqualTo("guardrail_booking_id");
        assertThat(violation("Id 00000000-3b7d-4c21-9a55-0e4b8f7d2c10.", e)).isEqualTo("guardrail_booking_id");
    }

    @Test
    void aConfirmationIsOnlySaidAfterConfirmBookingSucceeded() {
        Evidence held = booking("HELD", AgentTool.HOLD_SLOT);
        assertThat(violation("Tu turno de las 10:00 está confirmado.", held)).isEqualTo("guardrail_confirmation");
        assertThat(violation("Your 10 am appointment is confirmed.", held)).isEqualTo("guardrail_confirmation");
        assertThat(violation("Te reservé las 10:00 (todavía no está confirmado). ¿Lo confirmo?", held)).isEqualTo("ok");

        Evidence confirmed = booking("CONFIRMED", AgentTool.CONFIRM_BOOKING);
        assertThat(violation("Tu turno de las 10:00 está confirmado.", confirmed)).isEqualTo("ok");

        Evidence listed = booking("CONFIRMED", AgentTool.LIST_CUSTOMER_BOOKINGS);
        assertThat(violation("Tenés un turno confirmado el 16/03 a las 10:00.", listed)).isEqualTo("ok");

        Evidence failedConfirm = booking("HELD", AgentTool.HOLD_SLOT);
        failedConfirm.record(AgentTool.CONFIRM_BOOKING, false, Map.of("error", "hold_expired", "message", "expired"));
        assertThat(violation("¡Confirmado! Te espero a las 10:00.", failedConfirm)).isEqualTo("guardrail_confirmation");
    }

    @Test
    void aCancellationIsOnlySaidWhenAToolCancelled() {
        Evidence listed = booking("CONFIRMED", AgentTool.LIST_CUSTOMER_BOOKINGS);
        assertThat(violation("Listo, cancelé tu turno de las 10:00.", listed)).isEqualTo("guardrail_cancellation");
        Evidence cancelled = booking("CANCELLED", AgentTool.CANCEL_BOOKING);
        assertThat(violation("Tu turno KX7MQ4 de las 10:00 fue cancelado.", cancelled)).isEqualTo("ok");
    }

    @Test
    void mentionsAreReadOnce() {
        Mentions m = Mentions.of("El 16/03/2026 a las 16:30 hs, 4 pm, a las 9 de la noche, code KX7MQ4.");
        assertThat(m.dates()).containsExactly(new Mentions.Date(2026, 3, 16, false));
        assertThat(m.times()).extracting(Mentions.Time::toString).containsExactlyInAnyOrder("16:00", "16:30", "21:00");
        assertThat(m.codes()).containsExactly("KX7MQ4");
    }

    @Test
    void markupAndAnythingLikeAToolCallOrATemplateIsRefused() {
        Evidence e = slots();
        for (String leaked : List.of(
                // a vLLM server with the wrong --tool-call-parser (Hermes/Qwen format)
                "<tool_call>\n{\"name\": \"find_available_slots\", \"arguments\": {\"service_id\": \"svc-limpieza\"}}\n</tool_call>",
                // bare JSON tool-call blobs, with and without prose around them
                "{\"name\": \"hold_slot\", \"arguments\": {\"start\": \"2026-03-16T13:00:00Z\"}}",
                "Voy a reservar: {\"tool_calls\": [{\"type\": \"function\"}]}",
                "{'name': 'list_services', 'parameters': {}}",
                // Llama 3.x and Mistral raw formats, special tokens
                "<|python_tag|>find_available_slots.call(service_id=\"svc-limpieza\")",
                "<function=list_services>{}</function>",
                "[TOOL_CALLS][{\"name\": \"list_services\", \"arguments\": {}}]",
                "Claro<|eot_id|>",
                // function-call syntax, reasoning blocks, code fences, HTML
                "Déjame ver: find_available_slots(service_id='svc-limpieza')",
                "<think>El usuario quiere un turno.</think> ¿Para qué día?",
                "```json\n{}\n```",
                "Hola <b>Ana</b>",
                // unfilled templates
                "Hola {{customer_name}}, ¿en qué te ayudo?",
                "Hola {nombre}, tu turno está pendiente.",
                "Hola ${name}!",
                "Hola [NOMBRE], ¿qué servicio querés?",
                "Tu turno es el [fecha] con [profesional].",
                "Hola %s, ¿cómo estás?")) {
            assertThat(violation(leaked, e)).as(leaked).isEqualTo("guardrail_markup");
        }
    }

    @Test
    void plainWhatsAppTextWithItsOwnFormattingPasses() {
        Evidence e = slots();
        assertThat(violation("*Limpieza dental* con la _Dra. Pérez_: el lunes 16/03 a las 10:00. ¿Te sirve? :)", e))
                .isEqualTo("ok");
        assertThat(violation("Precio: $35.000 (incluye control). Respondé 1, 2 o 3 <3", e)).isEqualTo("ok");
        assertThat(violation("¡Hola! Soy el asistente de la clínica; ¿querés sacar, ver o cancelar un turno?", e))
                .isEqualTo("ok");
    }
}
