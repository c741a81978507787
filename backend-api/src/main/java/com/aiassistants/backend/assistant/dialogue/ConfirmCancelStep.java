package com.aiassistants.backend.assistant.dialogue;

import com.aiassistants.backend.assistant.ReminderAnswer;
import com.aiassistants.backend.assistant.nlu.Confirmation;
import com.aiassistants.common.mcp.client.McpToolError;
import com.aiassistants.common.scheduling.CalendarTools.Booking;

/** CONFIRM_CANCEL: "sí" (or saying "cancelar" again) cancels the booking, "no" keeps it. */
final class ConfirmCancelStep implements StepHandler {

    @Override
    public boolean handle(Turn t) {
        return answer(t, t.confirmation());
    }

    /** Applies a yes/no; false for neither. */
    boolean answer(Turn t, Confirmation answer) {
        DialogueState s = t.state;
        if (answer == Confirmation.NONE) {
            return false;
        }
        if (answer == Confirmation.LATER) {
            t.out.say(t.say.bookings().cancelLater());
            s.resetTask();
            return true;
        }
        if (answer == Confirmation.NO) {
            t.out.say(t.say.bookings().kept());
            s.resetTask();
            return true;
        }
        BookingRef target = s.target();
        try {
            Booking cancelled = t.gateway.cancel(t.tenantId(), target.id(), t.customerId(), "cancelled by the customer");
            BookingRef done = BookingRef.of(cancelled).withDefaults(target.serviceName(), target.professionalName(), target.localStart());
            t.out.touched(cancelled.id());
            t.out.say(t.say.bookings().cancelled(done.serviceName(), done.localStart()));
            ReminderReplies.done(t, cancelled.id(), ReminderAnswer.Outcome.CANCELLED);
        } catch (McpToolError e) {
            t.out.say(t.say.bookings().couldNotChange());
        }
        s.resetTask();
        return true;
    }

    @Override
    public void prompt(Turn t) {
        BookingRef target = t.state.target();
        t.out.say(t.say.bookings().confirmCancel(target.serviceName(), target.localStart()));
        Menu.yesNo(t);
    }
}
