package com.aiassistants.backend.assistant;

/**
 * Links the assistant hands a patient about one of their bookings: the calendar file's public address
 * (backend-api's {@code ics.CalendarLinks}). Without one ({@link #NONE}: tests, the benchmark) the replies carry no
 * link.
 */
public interface BookingLinks {

    BookingLinks NONE = (tenantId, bookingId, language) -> null;

    /**
     * The calendar file of a booking, or null when there is none.
     *
     * @param language the conversation's language code when it is not the project's own (the file's texts follow it),
     *                 else null
     */
    String calendarFile(String tenantId, String bookingId, String language);
}
