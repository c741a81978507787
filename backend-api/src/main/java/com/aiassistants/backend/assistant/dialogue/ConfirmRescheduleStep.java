package com.aiassistants.backend.assistant.dialogue;

import com.aiassistants.backend.assistant.ReminderAnswer;
import com.aiassistants.backend.assistant.nlu.Confirmation;
import com.aiassistants.common.mcp.client.McpToolError;
import com.aiassistants.common.scheduling.CalendarTools.Booking;

/**
 * CONFIRM_RESCHEDULE: "sí" moves the booking (reschedule_booking: the same booking, never a second
 * one); another day or time searches again; "no" shows the offers again.
 */
final class ConfirmRescheduleStep implements StepHandler {

    @Override
    public boolean handle(Turn t) {
        DialogueState s = t.state;
        Confirmation answer = t.confirmation();
        if (answer == Confirmation.YES && (t.replyId() != null || !t.hasWhen())) {
            OfferedSlot slot = s.newSlot();
            BookingRef target = s.target();
            try {
                Booking moved = t.gateway.reschedule(t.tenantId(), target.id(), slot.start(), slot.professionalId(),
                        t.customerId());
                BookingRef done = BookingRef.of(moved).withDefaults(target.serviceName(),
                        slot.professionalName() != null ? slot.professionalName() : target.professionalName(),
                        slot.localStart());
                t.out.touched(moved.id());
                ReminderReplies.done(t, moved.id(), ReminderAnswer.Outcome.RESCHEDULED);
                t.out.say(t.say.bookings().rescheduled(done.serviceName(), done.professionalName(), done.localStart(), done.code()));
                t.sayCalendarFile(moved.id());
                s.resetTask();
            } catch (McpToolError e) {
                s.dropProposedMove();
                Planner.refused(t, e, slot);
            }
            return true;
        }
        if (answer == Confirmation.LATER) {
            t.out.say(t.say.bookings().rescheduleLater());
            return true;
        }
        if (t.replyId() == null && Details.read(t, true)) {
            s.dropProposedMove();
            Planner.advance(t);
            return true;
        }
        if (answer == Confirmation.NO) {
            s.dropProposedMove();
            t.out.say(t.say.released());
            if (!s.offers().isEmpty()) {
                Slots.render(t);
            } else {
                s.moveTo(Step.ASK_DATE);
            }
            return true;
        }
        return false;
    }

    @Override
    public void prompt(Turn t) {
        DialogueState s = t.state;
        BookingRef target = s.target();
        OfferedSlot slot = s.newSlot();
        t.out.say(t.say.bookings().confirmReschedule(target.serviceName(), target.localStart(), slot.localStart(),
                slot.professionalName() != null ? slot.professionalName() : target.professionalName()));
        Menu.yesNo(t);
    }
}
