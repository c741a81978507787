package com.aiassistants.backend.assistant.dialogue;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.aiassistants.common.mcp.client.McpToolError;
import com.aiassistants.common.scheduling.CalendarTools;
import com.aiassistants.common.scheduling.ProfessionalsTools.Professional;
import com.aiassistants.common.scheduling.ProfessionalsTools.Service;

/**
 * Moves a booking or a move forward: asks for the next missing piece, or searches and offers slots
 * when everything is known; takes a chosen slot (hold, or propose the move) and confirms; explains a
 * calendar refusal and offers what the calendar says is free. Every time, id and code shown comes
 * from a tool answer.
 */
final class Planner {

    private static final Logger log = LoggerFactory.getLogger(Planner.class);

    private Planner() {
    }

    /** Starts a new booking, using what the message already says when {@code useMessage}. */
    static void startBooking(Turn t, boolean useMessage) {
        Holds.release(t);
        t.state.startTask(Flow.BOOK);
        if (useMessage) {
            Details.read(t, false);
        }
        advance(t);
    }

    /** Starts booking a given service (a tenant activation code such as {@code book:svc-limpieza}). */
    static void startBooking(Turn t, String serviceId) {
        Holds.release(t);
        t.state.startTask(Flow.BOOK);
        t.catalog().service(serviceId).ifPresent(service -> Details.service(t, service));
        advance(t);
    }

    /** Asks for the next missing piece, or searches and offers slots when everything is known. */
    static void advance(Turn t) {
        DialogueState s = t.state;
        if (s.flow() == Flow.RESCHEDULE) {
            if (s.hasDate()) {
                search(t);
            } else {
                Questions.date(t);
            }
            return;
        }
        if (t.flow().requiredFields() != null && t.flow().requiredFields().contains("name") && s.customerName() == null) {
            Questions.name(t);
            return;
        }
        Service service = s.serviceId() == null ? null : t.catalog().service(s.serviceId()).orElse(null);
        if (service == null) {
            s.forgetService();
            Questions.service(t);
            return;
        }
        if (s.professionalId() == null && !s.anyProfessional()) {
            List<Professional> professionals = t.catalog().professionalsFor(service);
            if (professionals.size() == 1) {
                s.chooseProfessional(professionals.getFirst().id(), professionals.getFirst().name());
            } else if (professionals.isEmpty()) {
                s.acceptAnyProfessional();
            } else {
                Questions.professional(t, service, professionals);
                return;
            }
        }
        if (!s.hasDate()) {
            Questions.date(t);
            return;
        }
        search(t);
    }

    /** Searches the calendar for the wanted day (and time): takes an exact free time at once, else offers. */
    static void search(Turn t) {
        SlotSearch.Result result = SlotSearch.search(t);
        switch (result.kind()) {
            case EXACT -> pick(t, result.exact());
            case PAST -> advance(t);
            default -> {
                // offered, or asked for another day
            }
        }
    }

    /** The customer picked a slot: hold it (booking) or ask to confirm the move (rescheduling). */
    static void pick(Turn t, OfferedSlot slot) {
        DialogueState s = t.state;
        if (s.flow() == Flow.RESCHEDULE) {
            s.proposeMove(slot);
            t.out.say(t.say.bookings().confirmReschedule(s.target().serviceName(), s.target().localStart(), slot.localStart(),
                    slot.professionalName() != null ? slot.professionalName() : s.target().professionalName()));
            Menu.yesNo(t);
            return;
        }
        Holds.release(t);
        try {
            BookingRef held = Holds.hold(t, slot);
            t.out.say(t.say.confirmHold(held.serviceName(), held.professionalName(), held.localStart()));
            Menu.yesNo(t);
        } catch (McpToolError e) {
            refused(t, e, slot);
        }
    }

    /** Confirms the held slot. */
    static void confirm(Turn t) {
        DialogueState s = t.state;
        try {
            BookingRef done = Holds.confirm(t);
            t.out.say(t.say.confirmed(s.customerName(), done.serviceName(), done.professionalName(), done.localStart(), done.code()));
            t.sayCalendarFile(done.id());
            s.resetTask();
        } catch (McpToolError e) {
            s.dropHold();
            refused(t, e, null);
        }
    }

    /** A calendar refusal on hold/confirm/reschedule: explain and offer what the calendar says is free. */
    static void refused(Turn t, McpToolError e, OfferedSlot wanted) {
        DialogueState s = t.state;
        log.info("calendar refused {}: {}", e.tool(), e.code());
        switch (e.code()) {
            case CalendarTools.SLOT_TAKEN -> {
                t.out.say(t.say.slotTaken());
                List<com.aiassistants.common.scheduling.CalendarTools.Slot> alternatives = Slots.alternatives(e, wanted);
                if (!alternatives.isEmpty()) {
                    t.out.say(t.say.alternatives());
                    Slots.offer(t, alternatives);
                    return;
                }
            }
            case CalendarTools.HOLD_LIMIT_REACHED -> {
                t.out.say(t.say.holdLimit());
                if (!s.offers().isEmpty()) {
                    Slots.render(t);
                }
                return;
            }
            case CalendarTools.HOLD_EXPIRED -> t.out.say(t.say.holdExpired());
            default -> t.out.say(s.flow() == Flow.RESCHEDULE ? t.say.bookings().couldNotChange() : t.say.couldNotBook());
        }
        s.forgetExactTime();
        s.forgetOffers();
        if (s.hasDate()) {
            search(t);
        } else {
            advance(t);
        }
    }
}
