package com.aiassistants.backend.assistant.dialogue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import com.aiassistants.backend.assistant.AssistantReply.Interactive.Option;
import com.aiassistants.backend.assistant.nlu.ChoiceParser;
import com.aiassistants.backend.assistant.nlu.Confirmation;
import com.aiassistants.backend.assistant.nlu.DateExpressionParser;
import com.aiassistants.backend.assistant.nlu.DateQuery;
import com.aiassistants.backend.assistant.replies.Formats;
import com.aiassistants.common.mcp.client.McpToolError;
import com.aiassistants.common.scheduling.CalendarTools;
import com.aiassistants.common.scheduling.CalendarTools.Booking;

/** Listing, cancelling and rescheduling the customer's upcoming bookings. */
final class ManageSteps {

    private ManageSteps() {
    }

    private static List<Booking> upcoming(Turn t, boolean confirmedOnly) {
        return t.gateway.upcomingBookings(t.tenantId(), t.customerId()).stream()
                .filter(b -> b.localStart() != null)
                .filter(b -> confirmedOnly ? b.status() == CalendarTools.BookingStatus.CONFIRMED
                        : b.status() == CalendarTools.BookingStatus.CONFIRMED || b.status() == CalendarTools.BookingStatus.HELD)
                .sorted(Comparator.comparing(Booking::start))
                .toList();
    }

    static void list(Turn t) {
        BookingSteps.release(t);
        t.state.resetTask();
        List<Booking> bookings = upcoming(t, false);
        if (bookings.isEmpty()) {
            t.out.say(t.say.noBookings());
            return;
        }
        t.out.say(t.say.upcoming());
        for (Booking b : bookings) {
            t.out.say("• " + t.say.bookingLine(b.serviceName(), b.professionalName(), b.localStart(),
                    b.shortCode() != null ? b.shortCode() : b.id(), b.status() == CalendarTools.BookingStatus.HELD));
        }
    }

    /** Starts cancelling (or rescheduling): one booking goes straight on, several are listed to choose. */
    static void start(Turn t, Flow flow) {
        BookingSteps.release(t);
        t.state.resetTask();
        t.state.flow = flow;
        t.state.flowSeq++;
        List<Booking> bookings = upcoming(t, true);
        Optional<DateQuery> date = DateExpressionParser.parse(t.utterance, t.today);
        if (date.isPresent()) {
            List<Booking> onDate = bookings.stream().filter(b -> !b.localStart().toLocalDate().isBefore(date.get().from())
                    && !b.localStart().toLocalDate().isAfter(date.get().to())).toList();
            if (!onDate.isEmpty()) {
                bookings = onDate;
            }
        }
        if (bookings.isEmpty()) {
            t.out.say(t.say.noBookings());
            t.state.resetTask();
            return;
        }
        t.state.bookings = new ArrayList<>(bookings.stream().limit(10).map(BookingRef::of).toList());
        if (bookings.size() == 1) {
            target(t, t.state.bookings.getFirst(), true);
            return;
        }
        renderChoice(t);
    }

    private static void renderChoice(Turn t) {
        DialogueState s = t.state;
        s.step = Step.CHOOSE_BOOKING;
        t.out.say(t.say.chooseBooking(s.flow == Flow.CANCEL));
        List<Option> rows = new ArrayList<>();
        for (int i = 0; i < s.bookings.size(); i++) {
            BookingRef b = s.bookings.get(i);
            String when = Formats.shortDateTime(b.localStart(), t.lang);
            t.out.say((i + 1) + ". " + when + " — " + b.serviceName());
            rows.add(new Option("booking:" + b.id(), Formats.clip(when, 24), Formats.clip(b.serviceName() + " · "
                    + b.professionalName(), 72)));
        }
        t.out.list(t.say.bookingsTitle(), rows);
    }

    private static void target(Turn t, BookingRef booking, boolean whenFromMessage) {
        DialogueState s = t.state;
        s.target = booking;
        if (s.flow == Flow.CANCEL) {
            s.step = Step.CONFIRM_CANCEL;
            t.out.say(t.say.confirmCancel(booking.serviceName(), booking.localStart()));
            t.out.buttons(List.of(new Option("confirm:yes", t.say.cancelYes(), null),
                    new Option("confirm:no", t.say.cancelNo(), null)));
            return;
        }
        s.serviceId = booking.serviceId();
        s.serviceName = booking.serviceName();
        s.professionalId = booking.professionalId();
        s.professionalName = booking.professionalName();
        s.clearWhen();
        if (whenFromMessage) {
            BookingSteps.fillDetails(t, false);
        }
        BookingSteps.advance(t);
    }

    static boolean chooseStep(Turn t) {
        DialogueState s = t.state;
        String id = t.replyId();
        BookingRef chosen = null;
        if (id != null && id.startsWith("booking:")) {
            String bookingId = id.substring(8);
            chosen = s.bookings.stream().filter(b -> b.id().equals(bookingId)).findFirst().orElse(null);
        } else {
            OptionalInt n = ChoiceParser.parse(t.utterance);
            if (n.isPresent()) {
                int index = n.getAsInt() == ChoiceParser.LAST ? s.bookings.size() : n.getAsInt();
                if (index >= 1 && index <= s.bookings.size()) {
                    chosen = s.bookings.get(index - 1);
                } else {
                    t.out.say(t.say.chooseNumber(s.bookings.size()));
                    renderChoice(t);
                    return true;
                }
            } else {
                Optional<DateQuery> date = DateExpressionParser.parse(t.utterance, t.today);
                if (date.isPresent()) {
                    List<BookingRef> onDate = s.bookings.stream().filter(b -> !b.localStart().toLocalDate().isBefore(date.get().from())
                            && !b.localStart().toLocalDate().isAfter(date.get().to())).toList();
                    if (onDate.size() == 1) {
                        chosen = onDate.getFirst();
                    }
                }
            }
        }
        if (chosen == null) {
            return false;
        }
        target(t, chosen, false);
        return true;
    }

    static boolean confirmCancelStep(Turn t, boolean cancelWords) {
        DialogueState s = t.state;
        Confirmation answer = cancelWords && t.replyId() == null ? Confirmation.YES : BookingSteps.replyConfirmation(t);
        if (answer == Confirmation.NONE) {
            return false;
        }
        if (answer == Confirmation.NO) {
            t.out.say(t.say.kept());
            s.resetTask();
            return true;
        }
        BookingRef target = s.target;
        try {
            Booking cancelled = t.gateway.cancel(t.tenantId(), target.id(), t.customerId(), "cancelled by the customer");
            BookingRef done = BookingRef.of(cancelled).withDefaults(target.serviceName(), target.professionalName(), target.localStart());
            t.out.bookingIds.add(cancelled.id());
            t.out.say(t.say.cancelled(done.serviceName(), done.localStart()));
        } catch (McpToolError e) {
            t.out.say(t.say.couldNotChange());
        }
        s.resetTask();
        return true;
    }

    static boolean confirmRescheduleStep(Turn t) {
        DialogueState s = t.state;
        Confirmation answer = BookingSteps.replyConfirmation(t);
        if (answer == Confirmation.YES && (t.replyId() != null || !BookingSteps.hasWhen(t))) {
            OfferedSlot slot = s.newSlot;
            try {
                Booking moved = t.gateway.reschedule(t.tenantId(), s.target.id(), slot.start(), slot.professionalId(),
                        t.customerId());
                BookingRef done = BookingRef.of(moved).withDefaults(s.target.serviceName(),
                        slot.professionalName() != null ? slot.professionalName() : s.target.professionalName(),
                        slot.localStart());
                t.out.bookingIds.add(moved.id());
                t.out.say(t.say.rescheduled(done.serviceName(), done.professionalName(), done.localStart(), done.code()));
                s.resetTask();
            } catch (McpToolError e) {
                s.newSlot = null;
                BookingSteps.refused(t, e, slot);
            }
            return true;
        }
        if (t.replyId() == null && BookingSteps.fillDetails(t, false)) {
            s.newSlot = null;
            BookingSteps.advance(t);
            return true;
        }
        if (answer == Confirmation.NO) {
            s.newSlot = null;
            t.out.say(t.say.released());
            if (!s.offers.isEmpty()) {
                Slots.render(t);
            } else {
                s.step = Step.ASK_DATE;
            }
            return true;
        }
        return false;
    }
}
