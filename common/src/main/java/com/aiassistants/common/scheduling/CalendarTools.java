package com.aiassistants.common.scheduling;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

import com.aiassistants.common.mcp.ToolParam;

/**
 * Tools of mcp-calendar, the only writer of bookings. Domain refusals come back as tool errors
 * with these codes: {@code slot_taken} (details: {@code alternatives}: list of {@link Slot}),
 * {@code hold_limit_reached}, {@code hold_expired}, {@code invalid_transition}, {@code not_found},
 * {@code outside_working_hours}, {@code invalid_request}.
 */
public final class CalendarTools {

    public static final String FIND_AVAILABLE_SLOTS = "find_available_slots";
    public static final String HOLD_SLOT = "hold_slot";
    public static final String CONFIRM_BOOKING = "confirm_booking";
    public static final String CANCEL_BOOKING = "cancel_booking";
    public static final String RESCHEDULE_BOOKING = "reschedule_booking";
    public static final String GET_BOOKING = "get_booking";
    public static final String LIST_CUSTOMER_BOOKINGS = "list_customer_bookings";
    public static final String LIST_BOOKINGS = "list_bookings";
    public static final String BOOKING_STATS = "booking_stats";
    public static final String RECORD_ATTENDANCE = "record_attendance";
    public static final String BOOK_CONFIRMED = "book_confirmed";
    public static final String MARK_BOOKING_OUTCOME = "mark_booking_outcome";
    public static final String ERASE_CUSTOMER = "erase_customer";

    public static final String SLOT_TAKEN = "slot_taken";
    public static final String HOLD_LIMIT_REACHED = "hold_limit_reached";
    public static final String HOLD_EXPIRED = "hold_expired";
    public static final String INVALID_TRANSITION = "invalid_transition";
    public static final String NOT_FOUND = "not_found";
    public static final String OUTSIDE_WORKING_HOURS = "outside_working_hours";
    /** a hold or new time further ahead than the calendar's booking horizon ({@code ai-assistants.calendar.booking-horizon}) */
    public static final String BEYOND_HORIZON = "beyond_horizon";

    private CalendarTools() {
    }

    public enum BookingStatus { HELD, CONFIRMED, CANCELLED, COMPLETED, NO_SHOW, EXPIRED }

    /**
     * The patient's answer to a reminder: {@code CONFIRMED} (will attend) or {@code CANCELLED} (cancelled from
     * a reminder); a booking without one ({@code null}) had no answer yet.
     */
    public enum Attendance { CONFIRMED, CANCELLED }

    /** A free interval: both the UTC instant and the tenant-local wall time. */
    public record Slot(String professionalId, String professionalName, String serviceId, Instant start, Instant end,
            LocalDateTime localStart, LocalDateTime localEnd, String timeZone) {
    }

    /**
     * A booking as the tools answer it. {@code version} grows by one with every change of status or time (never
     * goes back), so a caller can tell a newer answer from an older one, e.g. a calendar file's {@code SEQUENCE};
     * {@code null} from a server that predates it.
     */
    public record Booking(String id, String shortCode, BookingStatus status, String serviceId, String serviceName,
            String professionalId, String professionalName, String customerId, String customerName, Instant start,
            Instant end, LocalDateTime localStart, String timeZone, String notes, String channel,
            Instant holdExpiresAt, Instant createdAt, Instant updatedAt, Attendance attendance, Integer version) {
    }

    // ---- inputs ----

    public record FindAvailableSlotsInput(@ToolParam("Service id (sets the duration)") String serviceId,
            @ToolParam(value = "Professional id; omit for any professional offering the service", required = false) String professionalId,
            @ToolParam("First local date to search (tenant time zone)") LocalDate fromDate,
            @ToolParam(value = "Last local date to search, inclusive (default from_date; at most 62 days later)", required = false) LocalDate toDate,
            @ToolParam(value = "Earliest local start time, e.g. 14:00 for 'in the afternoon'", required = false) LocalTime earliest,
            @ToolParam(value = "Latest local start time", required = false) LocalTime latest,
            @ToolParam(value = "Maximum slots to return (default 20, max 500)", required = false) Integer limit,
            @ToolParam(value = "At most this many slots of each local day, the earliest (default: no cap); 1 lists the free days", required = false) Integer perDay) {

        /** A search with no cap per day. */
        public FindAvailableSlotsInput(String serviceId, String professionalId, LocalDate fromDate, LocalDate toDate,
                LocalTime earliest, LocalTime latest, Integer limit) {
            this(serviceId, professionalId, fromDate, toDate, earliest, latest, limit, null);
        }
    }

    public record HoldSlotInput(@ToolParam("Service id") String serviceId, @ToolParam("Professional id") String professionalId,
            @ToolParam("Start instant of the slot (from find_available_slots)") Instant start,
            @ToolParam("Customer id (the WhatsApp phone in E.164 or an opaque id)") String customerId,
            @ToolParam(value = "Customer name", required = false) String customerName,
            @ToolParam(value = "Notes", required = false) String notes,
            @ToolParam(value = "Source channel: whatsapp, web, console", required = false) String channel,
            @ToolParam("Idempotency key: the same key always returns the same booking") String idempotencyKey) {
    }

    public record BookingIdInput(@ToolParam("Booking id or short code") String bookingId) {
    }

    public record CancelBookingInput(@ToolParam("Booking id or short code") String bookingId,
            @ToolParam(value = "Reason", required = false) String reason,
            @ToolParam(value = "Only cancel if the booking belongs to this customer", required = false) String customerId,
            @ToolParam(value = STAFF_ACTOR, required = false) String actor) {

        public CancelBookingInput(String bookingId, String reason, String customerId) {
            this(bookingId, reason, customerId, null);
        }
    }

    public record RescheduleBookingInput(@ToolParam("Booking id or short code") String bookingId,
            @ToolParam("New start instant (from find_available_slots)") Instant newStart,
            @ToolParam(value = "New professional id (default: same)", required = false) String professionalId,
            @ToolParam(value = "Only reschedule if the booking belongs to this customer", required = false) String customerId,
            @ToolParam(value = STAFF_ACTOR, required = false) String actor) {

        public RescheduleBookingInput(String bookingId, Instant newStart, String professionalId, String customerId) {
            this(bookingId, newStart, professionalId, customerId, null);
        }
    }

    /** How a staff user is named in the booking log. */
    public static final String STAFF_ACTOR = "Staff user acting, logged as the actor: staff:<email>";

    public record BookConfirmedInput(@ToolParam("Service id") String serviceId,
            @ToolParam("Professional id") String professionalId,
            @ToolParam("Start instant of the slot (from find_available_slots)") Instant start,
            @ToolParam("Customer id (the WhatsApp phone in E.164 or an opaque id)") String customerId,
            @ToolParam(value = "Customer name", required = false) String customerName,
            @ToolParam(value = "Notes", required = false) String notes,
            @ToolParam(STAFF_ACTOR) String actor,
            @ToolParam("Idempotency key: the same key always returns the same booking") String idempotencyKey) {
    }

    public record MarkOutcomeInput(@ToolParam("Booking id or short code of a CONFIRMED booking that has started") String bookingId,
            @ToolParam("COMPLETED (the patient came) or NO_SHOW") BookingStatus outcome,
            @ToolParam(value = STAFF_ACTOR, required = false) String actor) {
    }

    public record ConfirmBookingInput(@ToolParam("Booking id or short code of a HELD booking") String bookingId,
            @ToolParam(value = "Only confirm if the booking belongs to this customer", required = false) String customerId) {
    }

    public record ListCustomerBookingsInput(@ToolParam("Customer id") String customerId,
            @ToolParam(value = "Include past and cancelled bookings (default false: upcoming HELD/CONFIRMED only)", required = false) Boolean includePast) {
    }

    public record ListBookingsInput(@ToolParam("From instant, inclusive") Instant from, @ToolParam("To instant, exclusive") Instant to,
            @ToolParam(value = "Only this professional", required = false) String professionalId,
            @ToolParam(value = "Only these statuses", required = false) List<BookingStatus> statuses,
            @ToolParam(value = "Only this service", required = false) String serviceId,
            @ToolParam(value = "Page size (default and max 1000)", required = false) Integer limit,
            @ToolParam(value = "next_cursor of the previous page", required = false) String cursor) {

        public ListBookingsInput(Instant from, Instant to, String professionalId, List<BookingStatus> statuses) {
            this(from, to, professionalId, statuses, null, null, null);
        }
    }

    public record BookingStatsInput(@ToolParam("First local date, inclusive") LocalDate fromDate,
            @ToolParam("Last local date, inclusive (at most 62 days after from_date)") LocalDate toDate,
            @ToolParam("IANA time zone the dates are in, e.g. America/Argentina/Buenos_Aires") String timeZone) {
    }

    public record RecordAttendanceInput(@ToolParam("Booking id or short code") String bookingId,
            @ToolParam("The patient's answer: CONFIRMED or CANCELLED") Attendance attendance,
            @ToolParam(value = "Only record it if the booking belongs to this customer", required = false) String customerId) {
    }

    /** A patient's erasure: their bookings keep time, service and status for statistics, nothing that names them. */
    public record EraseCustomerInput(@ToolParam("Customer id whose personal data is erased") String customerId,
            @ToolParam("Anonymous id the customer's rows get instead (e.g. erased:<uuid>)") String replacementId) {
    }

    // ---- outputs ----

    /** How many rows were anonymised. */
    public record ErasedCustomer(int rows) {
    }

    public record SlotList(String timeZone, List<Slot> slots) {
    }

    /** Bookings; {@code nextCursor} (list_bookings only) is set when more follow: pass it as {@code cursor}. */
    public record BookingList(List<Booking> bookings, String nextCursor) {

        public BookingList(List<Booking> bookings) {
            this(bookings, null);
        }
    }

    /**
     * One local day of a tenant's bookings.
     *
     * @param scheduled appointments starting that day that were kept or due (CONFIRMED, COMPLETED, NO_SHOW)
     * @param made      bookings created that day that were confirmed (any status but HELD and EXPIRED)
     * @param noShows   appointments starting that day marked NO_SHOW
     * @param cancelled appointments starting that day that were CANCELLED
     */
    public record DayStats(LocalDate date, int scheduled, int made, int noShows, int cancelled) {
    }

    /** Every day of the requested range, oldest first (days without bookings are zeros). */
    public record BookingStats(String timeZone, List<DayStats> days) {
    }
}
