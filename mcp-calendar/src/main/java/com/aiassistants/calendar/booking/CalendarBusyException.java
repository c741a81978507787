package com.aiassistants.calendar.booking;

/**
 * Thrown inside a booking transaction when the professional's Google Calendar is busy at the wanted time; answered
 * as {@code slot_taken} with alternatives once the transaction (and its connection) is released.
 */
final class CalendarBusyException extends RuntimeException {

    CalendarBusyException() {
        super("busy in the professional's Google Calendar", null, false, false);
    }
}
