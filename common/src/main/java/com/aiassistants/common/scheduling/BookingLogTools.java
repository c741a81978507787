package com.aiassistants.common.scheduling;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.aiassistants.common.mcp.ToolParam;

/** Tools of mcp-booking-log: the append-only audit of booking changes and link accesses. */
public final class BookingLogTools {

    public static final String APPEND_BOOKING_EVENT = "append_booking_event";
    public static final String APPEND_BOOKING_EVENTS = "append_booking_events";
    /** Most events one {@link #APPEND_BOOKING_EVENTS} call takes. */
    public static final int MAX_EVENTS_PER_APPEND = 100;
    public static final String LIST_BOOKING_EVENTS = "list_booking_events";
    public static final String ERASE_CUSTOMER = "erase_customer";
    public static final String LINK_STATS = "link_stats";

    /** The type of a link access event: {@code after} holds {@code code} (the activation code) and {@code action}. */
    public static final String LINK_ACCESSED = "link_accessed";
    /** The type of a booking's confirmation event, the one {@link #LINK_STATS} counts as "booked". */
    public static final String CONFIRMED = "confirmed";

    private BookingLogTools() {
    }

    public record BookingEvent(String eventId, String bookingId, String type, String actor, String customerId,
            String professionalId, Instant occurredAt, Map<String, Object> before, Map<String, Object> after,
            Instant recordedAt) {
    }

    public record AppendBookingEventInput(
            @ToolParam("Unique id of the event, chosen by the writer; appending the same id twice records it once") String eventId,
            @ToolParam(value = "Booking id (absent for link accesses without a booking)", required = false) String bookingId,
            @ToolParam("Event type, e.g. held, confirmed, cancelled, rescheduled, completed, no_show, expired, link_accessed") String type,
            @ToolParam("Who did it: customer:<id>, staff:<email>, system, assistant") String actor,
            @ToolParam(value = "Customer id", required = false) String customerId,
            @ToolParam(value = "Professional id", required = false) String professionalId,
            @ToolParam("When it happened") Instant occurredAt,
            @ToolParam(value = "State before the change", required = false) Map<String, Object> before,
            @ToolParam(value = "State after the change", required = false) Map<String, Object> after) {
    }

    public record AppendResult(String eventId, boolean duplicate) {
    }

    /** Several events of one tenant in one call: all recorded (each once) or, when one is invalid, none. */
    public record AppendBookingEventsInput(
            @ToolParam("The events, oldest first (1 to 100); each as append_booking_event takes it") List<AppendBookingEventInput> events) {
    }

    /** One result per event, in the order sent. */
    public record AppendResults(List<AppendResult> results) {
    }

    public record ListBookingEventsInput(@ToolParam(value = "Filter by booking", required = false) String bookingId,
            @ToolParam(value = "Filter by customer", required = false) String customerId,
            @ToolParam(value = "Filter by professional", required = false) String professionalId,
            @ToolParam(value = "From instant, inclusive", required = false) Instant from,
            @ToolParam(value = "To instant, exclusive", required = false) Instant to,
            @ToolParam(value = "Max events (default 100, max 1000)", required = false) Integer limit) {
    }

    public record BookingEventList(List<BookingEvent> events) {
    }

    /** Erasure of a patient: their events keep type, time and professional, with nothing that names them. */
    public record EraseCustomerInput(@ToolParam("Customer id whose personal data is erased") String customerId,
            @ToolParam("Anonymous id the customer's events get instead (e.g. erased:<uuid>)") String replacementId) {
    }

    public record ErasedCustomer(int events) {
    }

    /** Which activation links led to bookings: link accesses in [from, to), bookings confirmed up to days later. */
    public record LinkStatsInput(@ToolParam("Link accesses from this instant, inclusive") Instant from,
            @ToolParam("Link accesses before this instant") Instant to,
            @ToolParam(value = "A booking confirmed for the customer up to this many days after an access counts "
                    + "(default 7, 1-30)", required = false) Integer withinDays) {
    }

    /**
     * One activation code: {@code accesses} link_accessed events, {@code customers} distinct customers among them,
     * {@code booked} those customers with a booking confirmed within the window after one of their accesses.
     */
    public record LinkStat(String code, long accesses, long customers, long booked) {
    }

    public record LinkStats(int withinDays, List<LinkStat> links) {
    }
}
