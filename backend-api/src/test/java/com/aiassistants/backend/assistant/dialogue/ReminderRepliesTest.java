package com.aiassistants.backend.assistant.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.aiassistants.backend.assistant.AssistantReply;
import com.aiassistants.backend.assistant.AssistantTurn;
import com.aiassistants.backend.assistant.ReminderAnswer;
import com.aiassistants.backend.assistant.ReminderAnswer.Outcome;
import com.aiassistants.backend.assistant.TenantProfile;
import com.aiassistants.backend.assistant.golden.FakeSchedulingServer;
import com.aiassistants.backend.assistant.golden.GoldenDialogue.FixtureBooking;
import com.aiassistants.backend.assistant.golden.SchedulingFixtures;
import com.aiassistants.backend.assistant.replies.Replies;
import com.aiassistants.backend.assistant.scheduling.McpSchedulingGateway;
import com.aiassistants.backend.assistant.scheduling.SchedulingGateway;
import com.aiassistants.common.mcp.client.McpTarget;
import com.aiassistants.common.mcp.client.McpToolClient;
import com.aiassistants.common.scheduling.CalendarTools;
import com.aiassistants.common.scheduling.CalendarTools.Booking;
import com.aiassistants.common.scheduling.CalendarTools.BookingStatus;

/**
 * The engine reading answers to a reminder: the state the reminder sender writes ({@link DialogueState#remind}),
 * then one message — a tap on a reminder button or words — through {@link DialogueEngine}. The scheduling side is
 * the in-test MCP server (demo clinic, Monday 2026-01-12 09:00 in Buenos Aires).
 */
class ReminderRepliesTest {

    static final Instant NOW = Instant.parse("2026-01-12T12:00:00Z");
    static final ZoneId ZONE = ZoneId.of("America/Argentina/Buenos_Aires");
    static final String CUSTOMER = "+5491155550188";

    final String tenantId = "reminders-" + System.nanoTime();
    final McpToolClient calendar;
    final SchedulingGateway gateway;
    final DialogueEngine engine;
    final TenantProfile tenant = new TenantProfile(tenantId, "Clínica Demo", ZONE, "es", TenantProfile.FlowSettings.defaults());

    ReminderRepliesTest() {
        FakeSchedulingServer server = FakeSchedulingServer.shared();
        server.setClock(tenantId, NOW);
        McpTarget target = new McpTarget(URI.create(server.url()), FakeSchedulingServer.TOKEN, Duration.ofSeconds(5), 1);
        calendar = new McpToolClient("mcp-calendar", target, "reminders", null);
        gateway = new McpSchedulingGateway(new McpToolClient("mcp-professionals", target, "reminders", null), calendar,
                Duration.ofMinutes(5));
        engine = new DialogueEngine(gateway, Replies.bundles());
    }

    Booking booked(String service, String professional, String start) {
        return new SchedulingFixtures(calendar, tenantId, CUSTOMER, ZONE)
                .book(new FixtureBooking("self", service, professional, LocalDateTime.parse(start)));
    }

    AssistantReply send(String state, String text, String replyId) {
        return engine.reply(new AssistantTurn(tenant, "whatsapp:" + CUSTOMER, CUSTOMER, "Ana", "whatsapp", text, replyId,
                state, Map.of(), List.of(), NOW));
    }

    String reminded(Booking booking) {
        return DialogueState.remind(null, BookingRef.of(booking));
    }

    Booking get(String id) {
        return calendar.call(tenantId, CalendarTools.GET_BOOKING, new CalendarTools.BookingIdInput(id), Booking.class);
    }

    @Test
    void tappingConfirmRecordsTheAnswerAndForgetsTheReminder() {
        Booking b = booked("svc-limpieza", "pro-perez", "2026-01-15T10:00");
        AssistantReply reply = send(reminded(b), "Asistiré", "reminder:confirm:" + b.id());
        assertThat(reply.text()).contains("¡Gracias por confirmar!", "jueves 15", "10:00");
        assertThat(reply.reminderAnswers()).containsExactly(new ReminderAnswer(b.id(), Outcome.CONFIRMED));
        assertThat(DialogueState.parse(reply.state()).reminded()).isNull();
        assertThat(get(b.id()).status()).isEqualTo(BookingStatus.CONFIRMED);
    }

    @Test
    void tappingCancelCancelsAtOnceAndFreesTheSlot() {
        Booking b = booked("svc-limpieza", "pro-perez", "2026-01-15T10:00");
        AssistantReply reply = send(reminded(b), "Cancelar turno", "reminder:cancel:" + b.id());
        assertThat(reply.text()).contains("cancelé tu turno");
        assertThat(reply.reminderAnswers()).containsExactly(new ReminderAnswer(b.id(), Outcome.CANCELLED));
        assertThat(reply.bookingIds()).containsExactly(b.id());
        assertThat(get(b.id()).status()).isEqualTo(BookingStatus.CANCELLED);
    }

    @Test
    void tappingRescheduleMovesTheSameBooking() {
        Booking b = booked("svc-limpieza", "pro-perez", "2026-01-15T10:00");
        booked("svc-kinesio", "pro-fernandez", "2026-01-16T14:45");
        AssistantReply asked = send(reminded(b), "Cambiar horario", "reminder:reschedule:" + b.id());
        assertThat(asked.text()).contains("¿Para qué día querés pasar tu turno de Limpieza dental");
        AssistantReply offered = send(asked.state(), "el viernes", null);
        assertThat(DialogueState.parse(offered.state()).step()).isEqualTo(Step.OFFER_SLOTS);
        AssistantReply proposed = send(offered.state(), "1", null);
        assertThat(DialogueState.parse(proposed.state()).step()).isEqualTo(Step.CONFIRM_RESCHEDULE);
        AssistantReply moved = send(proposed.state(), "sí", null);
        assertThat(moved.text()).contains("quedó para el viernes 16");
        assertThat(moved.reminderAnswers()).containsExactly(new ReminderAnswer(b.id(), Outcome.RESCHEDULED));
        Booking after = get(b.id());
        assertThat(after.status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(after.localStart().toLocalDate()).hasToString("2026-01-16");
        assertThat(DialogueState.parse(moved.state()).reminded()).isNull();
    }

    @Test
    void tappingRescheduleAfterConfirmingRecordsTheMoveAsTheAnswer() {
        Booking b = booked("svc-limpieza", "pro-perez", "2026-01-15T10:00");
        AssistantReply confirmed = send(reminded(b), "Asistiré", "reminder:confirm:" + b.id());
        assertThat(confirmed.reminderAnswers()).containsExactly(new ReminderAnswer(b.id(), Outcome.CONFIRMED));
        // later the patient taps the same reminder's "Cambiar horario" and moves it
        AssistantReply asked = send(confirmed.state(), "Cambiar horario", "reminder:reschedule:" + b.id());
        assertThat(asked.text()).contains("¿Para qué día querés pasar tu turno de Limpieza dental");
        AssistantReply offered = send(asked.state(), "el viernes", null);
        AssistantReply proposed = send(offered.state(), "1", null);
        AssistantReply moved = send(proposed.state(), "sí", null);
        assertThat(moved.text()).contains("quedó para el viernes 16");
        assertThat(moved.reminderAnswers()).containsExactly(new ReminderAnswer(b.id(), Outcome.RESCHEDULED));
    }

    @Test
    void wordsAreReadInTheRemindersContext() {
        Booking b = booked("svc-limpieza", "pro-perez", "2026-01-15T10:00");
        Booking other = booked("svc-kinesio", "pro-fernandez", "2026-01-16T14:45");

        AssistantReply yes = send(reminded(b), "sí, ahí estaré", null);
        assertThat(yes.reminderAnswers()).containsExactly(new ReminderAnswer(b.id(), Outcome.CONFIRMED));

        // with two bookings, "no voy a poder ir" is about the reminded one: asked to confirm, then cancelled
        AssistantReply cannot = send(reminded(b), "no voy a poder ir", null);
        assertThat(cannot.text()).contains("¿Cancelo tu turno de Limpieza dental del jueves 15");
        AssistantReply cancelled = send(cannot.state(), "sí", null);
        assertThat(cancelled.reminderAnswers()).containsExactly(new ReminderAnswer(b.id(), Outcome.CANCELLED));
        assertThat(get(b.id()).status()).isEqualTo(BookingStatus.CANCELLED);
        assertThat(get(other.id()).status()).isEqualTo(BookingStatus.CONFIRMED);

        // "¿lo podemos pasar al jueves?" moves the reminded booking, not the other one
        AssistantReply move = send(reminded(other), "¿lo podemos pasar al jueves?", null);
        DialogueState state = DialogueState.parse(move.state());
        assertThat(state.target().id()).isEqualTo(other.id());
        assertThat(state.step()).isIn(Step.OFFER_SLOTS, Step.CONFIRM_RESCHEDULE);
        assertThat(state.dateFrom()).hasToString("2026-01-15");
    }

    @Test
    void aBareNoAsksBeforeCancellingAndStopOptsOut() {
        Booking b = booked("svc-limpieza", "pro-perez", "2026-01-15T10:00");
        AssistantReply no = send(reminded(b), "no", null);
        assertThat(no.text()).contains("¿Cancelo tu turno");
        assertThat(no.reminderAnswers()).isEmpty();
        AssistantReply kept = send(no.state(), "no, mantener", null);
        assertThat(get(b.id()).status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(kept.reminderAnswers()).isEmpty();

        AssistantReply stop = send(reminded(b), "STOP", null);
        assertThat(stop.reminderAnswers()).containsExactly(new ReminderAnswer(null, Outcome.OPT_OUT));
        assertThat(stop.text()).contains("no te enviaremos más recordatorios");
        assertThat(send(stop.state(), "recordatorios", null).reminderAnswers())
                .containsExactly(new ReminderAnswer(null, Outcome.OPT_IN));
    }

    @Test
    void aTapOnAReminderOfABookingNoLongerOnIsAnsweredPolitely() {
        Booking b = booked("svc-limpieza", "pro-perez", "2026-01-15T10:00");
        calendar.call(tenantId, CalendarTools.CANCEL_BOOKING, new CalendarTools.CancelBookingInput(b.id(), null, null),
                Booking.class);
        AssistantReply reply = send(reminded(b), "Asistiré", "reminder:confirm:" + b.id());
        assertThat(reply.text()).contains("Ese turno ya no está vigente");
        assertThat(reply.reminderAnswers()).isEmpty();
    }
}
