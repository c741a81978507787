package com.aiassistants.backend.assistant.dialogue;

import java.util.List;

import com.aiassistants.backend.assistant.ReminderAnswer;
import com.aiassistants.backend.assistant.ReminderAnswer.Outcome;
import com.aiassistants.backend.assistant.nlu.Confirmation;
import com.aiassistants.backend.assistant.nlu.Intent;
import com.aiassistants.backend.assistant.nlu.IntentClassifier;
import com.aiassistants.common.mcp.client.McpToolError;
import com.aiassistants.common.scheduling.CalendarTools.Booking;

/**
 * Answers to an appointment reminder. Taps carry {@code reminder:confirm|cancel|reschedule:<booking id>} (the
 * interactive buttons' ids and the template's quick-reply payloads): confirm records attendance, cancel cancels
 * at once (the patient tapped it), reschedule starts moving that same booking. Words are read in the reminder's
 * context while the conversation is idle: a yes confirms, a bare no asks whether to cancel it, and "no voy a poder
 * ir" / "¿lo podemos pasar al jueves?" go through the usual cancel and move flows, which pick the reminded booking.
 * "STOP" / "no más recordatorios" opts out of reminders, "recordatorios" back in.
 */
final class ReminderReplies {

    static final String PREFIX = ReminderAnswer.REPLY_PREFIX;
    private static final List<String> OPT_OUT = List.of("no mas recordatorios", "no quiero recordatorios",
            "no quiero mas recordatorios", "sin recordatorios", "dejar de recibir recordatorios", "parar recordatorios",
            "desactivar recordatorios", "no me manden recordatorios", "no more reminders", "stop reminders",
            "stop sending reminders", "unsubscribe", "no reminders");
    private static final List<String> OPT_OUT_EXACT = List.of("stop", "parar", "basta");
    private static final List<String> OPT_IN_EXACT = List.of("recordatorios", "reminders", "activar recordatorios",
            "quiero recordatorios", "start reminders", "turn on reminders");
    private static final List<String> ATTEND = List.of("ahi estare", "alli estare", "asistire", "voy a ir", "ahi voy",
            "voy a estar", "nos vemos", "i ll be there", "see you", "i will be there", "i ll come", "i will come");

    private ReminderReplies() {
    }

    /** True when the message was an answer to a reminder (or an opt-out/in) and has been answered. */
    static boolean handle(Turn t) {
        String id = t.replyId();
        if (id != null && id.startsWith(PREFIX)) {
            tap(t, id.substring(PREFIX.length()));
            return true;
        }
        String words = String.join(" ", t.utterance().tokens());
        if (OPT_OUT_EXACT.contains(words) || t.utterance().hasAny(OPT_OUT)) {
            t.out.answered(null, Outcome.OPT_OUT);
            t.out.say(t.say.reminders().optedOut());
            return true;
        }
        if (OPT_IN_EXACT.contains(words)) {
            t.out.answered(null, Outcome.OPT_IN);
            t.out.say(t.say.reminders().optedIn());
            return true;
        }
        BookingRef reminded = t.state.reminded();
        if (reminded == null) {
            return false;
        }
        if (reminded.start() != null && !reminded.start().isAfter(t.in.now())) {
            t.state.forgetReminder();
            return false;
        }
        if (t.state.step() != Step.IDLE) {
            return false;
        }
        Intent intent = IntentClassifier.classify(t.utterance());
        if (intent == Intent.CANCEL || intent == Intent.RESCHEDULE) {
            return false;
        }
        Confirmation answer = Confirmation.of(t.utterance());
        if (answer == Confirmation.YES || t.utterance().hasAny(ATTEND)) {
            confirm(t, reminded);
            return true;
        }
        if (answer == Confirmation.NO) {
            t.state.startTask(Flow.CANCEL);
            t.state.listBookings(List.of(reminded));
            Manage.target(t, reminded);
            return true;
        }
        return false;
    }

    /** The booking a move or cancellation was for has been dealt with: it was the reminded one → the answer. */
    static void done(Turn t, String bookingId, Outcome outcome) {
        BookingRef reminded = t.state.reminded();
        if (reminded != null && reminded.id().equals(bookingId)) {
            t.out.answered(bookingId, outcome);
            t.state.forgetReminder();
        }
    }

    private static void tap(Turn t, String action) {
        int colon = action.indexOf(':');
        String verb = colon < 0 ? action : action.substring(0, colon);
        String bookingId = colon < 0 ? "" : action.substring(colon + 1);
        BookingRef booking = find(t, bookingId);
        if (booking == null) {
            t.out.say(t.say.reminders().reminderGone());
            if (t.state.reminded() != null && t.state.reminded().id().equals(bookingId)) {
                t.state.forgetReminder();
            }
            return;
        }
        switch (verb) {
            case "confirm" -> confirm(t, booking);
            case "cancel" -> {
                Holds.release(t);
                try {
                    Booking cancelled = t.gateway.cancel(t.tenantId(), booking.id(), t.customerId(),
                            "cancelled from a reminder");
                    BookingRef done = BookingRef.of(cancelled).withDefaults(booking.serviceName(),
                            booking.professionalName(), booking.localStart());
                    t.out.touched(cancelled.id());
                    t.out.say(t.say.bookings().cancelled(done.serviceName(), done.localStart()));
                    t.out.answered(booking.id(), Outcome.CANCELLED);
                    t.state.forgetReminder();
                } catch (McpToolError e) {
                    t.out.say(t.say.bookings().couldNotChange());
                }
                t.state.resetTask();
            }
            case "reschedule" -> {
                Holds.release(t);
                // also after an earlier answer (confirmed, then moved): the move is the reminder's latest answer
                t.state.answeringReminder(booking);
                t.state.startTask(Flow.RESCHEDULE);
                t.state.listBookings(List.of(booking));
                Manage.target(t, booking);
            }
            default -> t.out.say(t.say.reminders().reminderGone());
        }
    }

    private static void confirm(Turn t, BookingRef booking) {
        t.out.answered(booking.id(), Outcome.CONFIRMED);
        t.out.say(t.say.reminders().reminderConfirmed(booking.serviceName(), booking.localStart()));
        t.state.forgetReminder();
    }

    /** The reminded booking, or the customer's confirmed upcoming booking with that id (an older reminder's tap). */
    private static BookingRef find(Turn t, String bookingId) {
        return Manage.upcoming(t, true).stream().filter(b -> b.id().equals(bookingId)).findFirst().map(BookingRef::of)
                .orElse(null);
    }
}
