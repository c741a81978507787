package com.aiassistants.backend.assistant.dialogue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import com.aiassistants.backend.assistant.AssistantReply.Interactive.Option;
import com.aiassistants.backend.assistant.nlu.DateExpressionParser;
import com.aiassistants.backend.assistant.nlu.DateQuery;
import com.aiassistants.backend.assistant.nlu.MoveRequest;
import com.aiassistants.backend.assistant.nlu.Utterance;
import com.aiassistants.backend.assistant.replies.Formats;
import com.aiassistants.common.scheduling.CalendarTools;
import com.aiassistants.common.scheduling.CalendarTools.Booking;

/** Listing the customer's upcoming bookings and starting to cancel or move one. */
final class Manage {

    private Manage() {
    }

    static List<Booking> upcoming(Turn t, boolean confirmedOnly) {
        return t.gateway.upcomingBookings(t.tenantId(), t.customerId()).stream()
                .filter(b -> b.localStart() != null)
                .filter(b -> confirmedOnly ? b.status() == CalendarTools.BookingStatus.CONFIRMED
                        : b.status() == CalendarTools.BookingStatus.CONFIRMED || b.status() == CalendarTools.BookingStatus.HELD)
                .sorted(Comparator.comparing(Booking::start))
                .toList();
    }

    /** "Mis turnos": confirmed and held upcoming bookings. */
    static void list(Turn t) {
        Holds.abandon(t);
        List<Booking> bookings = upcoming(t, false);
        if (bookings.isEmpty()) {
            t.out.say(t.say.bookings().noBookings());
            return;
        }
        t.out.say(t.say.bookings().upcoming());
        for (Booking b : bookings) {
            t.out.say("• " + t.say.bookings().bookingLine(b.serviceName(), b.professionalName(), b.localStart(),
                    b.shortCode() != null ? b.shortCode() : b.id(), b.status() == CalendarTools.BookingStatus.HELD));
        }
    }

    /**
     * Starts cancelling (or moving): one booking goes straight on, several are listed to choose. A
     * move never books anything new: it ends in reschedule_booking on the chosen booking. The part of
     * a move request before "al/para/to …" picks the booking, the rest is the new day and time.
     */
    static void start(Turn t, Flow flow) {
        Holds.release(t);
        t.state.startTask(flow);
        List<Booking> bookings = upcoming(t, true);
        Utterance which = t.utterance();
        if (flow == Flow.RESCHEDULE) {
            MoveRequest move = MoveRequest.of(t.utterance(), t.today);
            which = move.which();
            t.consume(move.to());
            Details.read(t, true);
            if (move.sameTime()) {
                t.state.wantSameTime();
            }
        }
        Optional<DateQuery> date = DateExpressionParser.parse(which, t.today);
        if (date.isPresent()) {
            List<Booking> onDate = bookings.stream().filter(b -> within(b.localStart().toLocalDate(), date.get())).toList();
            if (!onDate.isEmpty()) {
                bookings = onDate;
            }
        }
        BookingRef reminded = t.state.reminded();
        if (reminded != null && date.isEmpty()) {
            // an answer to a reminder ("no voy a poder ir", "¿lo podemos pasar al jueves?") is about that booking
            List<Booking> theOne = bookings.stream().filter(b -> b.id().equals(reminded.id())).toList();
            if (!theOne.isEmpty()) {
                bookings = theOne;
            }
        }
        if (bookings.isEmpty()) {
            t.out.say(t.say.bookings().noBookings());
            t.state.resetTask();
            return;
        }
        t.state.listBookings(bookings.stream().limit(10).map(BookingRef::of).toList());
        if (bookings.size() == 1) {
            target(t, t.state.bookings().getFirst());
            return;
        }
        renderChoice(t);
    }

    static boolean within(java.time.LocalDate day, DateQuery date) {
        return !day.isBefore(date.from()) && !day.isAfter(date.to());
    }

    /** "Which one?" with the listed bookings, by number or as a WhatsApp list. */
    static void renderChoice(Turn t) {
        DialogueState s = t.state;
        s.moveTo(Step.CHOOSE_BOOKING);
        t.out.say(t.say.bookings().chooseBooking(s.flow() == Flow.CANCEL));
        List<Option> rows = new ArrayList<>();
        for (int i = 0; i < s.bookings().size(); i++) {
            BookingRef b = s.bookings().get(i);
            String when = Formats.shortDateTime(b.localStart(), t.lang);
            t.out.say((i + 1) + ". " + when + " — " + b.serviceName());
            rows.add(new Option("booking:" + b.id(), Formats.clip(when, 24), Formats.clip(b.serviceName() + " · "
                    + b.professionalName(), 72)));
        }
        t.out.list(t.say.bookings().bookingsTitle(), rows);
    }

    /** The booking is known: ask to confirm the cancellation, or go on to find the new time. */
    static void target(Turn t, BookingRef booking) {
        DialogueState s = t.state;
        s.aimAt(booking);
        if (s.flow() == Flow.CANCEL) {
            promptCancel(t);
            return;
        }
        Planner.advance(t);
    }

    static void promptCancel(Turn t) {
        BookingRef booking = t.state.target();
        t.state.moveTo(Step.CONFIRM_CANCEL);
        t.out.say(t.say.bookings().confirmCancel(booking.serviceName(), booking.localStart()));
        t.out.buttons(List.of(new Option("confirm:yes", t.say.bookings().cancelYes(), null),
                new Option("confirm:no", t.say.bookings().cancelNo(), null)));
    }
}
