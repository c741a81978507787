package com.aiassistants.backend.assistant.replies;

import java.time.LocalDateTime;

/** A customer's bookings: the list, choosing one, cancelling and moving it. See {@link Replies}. */
public final class BookingSentences {

    private final Bundle b;

    BookingSentences(Bundle bundle) {
        this.b = bundle;
    }

    public String noBookings() {
        return b.m("bookings.none");
    }

    public String upcoming() {
        return b.m("bookings.upcoming");
    }

    public String bookingLine(String service, String professional, LocalDateTime at, String code, boolean held) {
        return b.m(held ? "bookings.line.held" : "bookings.line", Formats.shortDateTime(at, b.language()), service, professional, code);
    }

    public String chooseBooking(boolean cancel) {
        return b.m(cancel ? "bookings.choose.cancel" : "bookings.choose.change");
    }

    public String bookingsTitle() {
        return b.m("bookings.title");
    }

    public String confirmCancel(String service, LocalDateTime at) {
        return b.m("cancel.confirm", service, b.day(at), Bundle.time(at));
    }

    public String cancelYes() {
        return b.m("cancel.yes");
    }

    public String cancelNo() {
        return b.m("cancel.no");
    }

    public String cancelled(String service, LocalDateTime at) {
        return b.m("cancel.done", service, b.day(at), Bundle.time(at));
    }

    public String kept() {
        return b.m("booking.kept");
    }

    public String couldNotChange() {
        return b.m("booking.change-failed");
    }

    public String askRescheduleDate(String service, LocalDateTime at) {
        return b.m("reschedule.ask-date", service, Formats.shortDateTime(at, b.language()));
    }

    public String confirmReschedule(String service, LocalDateTime from, LocalDateTime to, String professional) {
        return b.m("reschedule.confirm", service, Formats.shortDateTime(from, b.language()), b.day(to), Bundle.time(to), professional);
    }

    /** The line under a confirmation or a move: the booking's calendar file. */
    public String calendarFile(String url) {
        return b.m("booking.calendar_file", url);
    }

    public String rescheduled(String service, String professional, LocalDateTime at, String code) {
        return b.m("reschedule.done", service, b.day(at), Bundle.time(at), professional, code);
    }

    public String cancelLater() {
        return b.m("cancel.later");
    }

    public String rescheduleLater() {
        return b.m("reschedule.later");
    }
}
