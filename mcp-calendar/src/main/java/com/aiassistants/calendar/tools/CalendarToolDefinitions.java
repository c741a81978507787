package com.aiassistants.calendar.tools;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.aiassistants.calendar.availability.AvailabilityService;
import com.aiassistants.calendar.booking.BookingQueries;
import com.aiassistants.calendar.booking.BookingService;
import com.aiassistants.calendar.booking.BookingTransitions;
import com.aiassistants.calendar.stats.BookingStatsService;
import com.aiassistants.common.mcp.server.McpTool;
import com.aiassistants.common.mcp.server.ToolContext;
import com.aiassistants.common.scheduling.CalendarTools;
import com.aiassistants.common.scheduling.CalendarTools.BookConfirmedInput;
import com.aiassistants.common.scheduling.CalendarTools.Booking;
import com.aiassistants.common.scheduling.CalendarTools.BookingIdInput;
import com.aiassistants.common.scheduling.CalendarTools.BookingStats;
import com.aiassistants.common.scheduling.CalendarTools.BookingStatsInput;
import com.aiassistants.common.scheduling.CalendarTools.BookingList;
import com.aiassistants.common.scheduling.CalendarTools.CancelBookingInput;
import com.aiassistants.common.scheduling.CalendarTools.ConfirmBookingInput;
import com.aiassistants.common.scheduling.CalendarTools.EraseCustomerInput;
import com.aiassistants.common.scheduling.CalendarTools.ErasedCustomer;
import com.aiassistants.common.scheduling.CalendarTools.FindAvailableSlotsInput;
import com.aiassistants.common.scheduling.CalendarTools.HoldSlotInput;
import com.aiassistants.common.scheduling.CalendarTools.ListBookingsInput;
import com.aiassistants.common.scheduling.CalendarTools.ListCustomerBookingsInput;
import com.aiassistants.common.scheduling.CalendarTools.RecordAttendanceInput;
import com.aiassistants.common.scheduling.CalendarTools.MarkOutcomeInput;
import com.aiassistants.common.scheduling.CalendarTools.RescheduleBookingInput;
import com.aiassistants.common.scheduling.CalendarTools.SlotList;

/** The MCP tools of mcp-calendar (contract: {@link CalendarTools}); the tenant always comes from X-Tenant-Id. */
@Configuration(proxyBeanMethods = false)
public class CalendarToolDefinitions {

    @Bean
    McpTool<FindAvailableSlotsInput, SlotList> findAvailableSlots(AvailabilityService availability) {
        return McpTool.query(CalendarTools.FIND_AVAILABLE_SLOTS, """
                Free appointment slots for a service, optionally with one professional, between two local dates \
                (tenant time zone, at most 62 days). Each slot has the UTC start/end instants and the local wall \
                time; pass a slot's start and professional_id to hold_slot. Sorted by start, then professional.""",
                FindAvailableSlotsInput.class, SlotList.class,
                (ctx, in) -> availability.find(ctx.requireTenant(), in));
    }

    @Bean
    McpTool<HoldSlotInput, Booking> holdSlot(BookingService bookings) {
        return McpTool.command(CalendarTools.HOLD_SLOT, """
                Reserves a slot for a customer for a few minutes (status HELD) until confirm_booking. The same \
                idempotency_key always returns the same booking. Errors: slot_taken (with alternatives: the next \
                free slots), hold_limit_reached, outside_working_hours.""",
                HoldSlotInput.class, Booking.class,
                (ctx, in) -> bookings.hold(ctx.requireTenant(), in, Actors.customer(in.customerId())));
    }

    @Bean
    McpTool<BookConfirmedInput, Booking> bookConfirmed(BookingService bookings) {
        return McpTool.command(CalendarTools.BOOK_CONFIRMED, """
                Books a slot for a customer on behalf of a staff user, CONFIRMED at once (no hold step, no hold \
                limit); the same slot rules as hold_slot and the same idempotency: the same idempotency_key \
                always returns the same booking. Logged with actor (staff:<email>). Errors: slot_taken (with \
                alternatives), outside_working_hours, invalid_request.""",
                BookConfirmedInput.class, Booking.class, (ctx, in) -> bookings.bookConfirmed(ctx.requireTenant(), in));
    }

    @Bean
    McpTool<MarkOutcomeInput, Booking> markBookingOutcome(BookingTransitions bookings) {
        return McpTool.command(CalendarTools.MARK_BOOKING_OUTCOME, """
                Records whether the patient came to a CONFIRMED booking that has started: outcome COMPLETED or \
                NO_SHOW (a marked outcome may be switched to the other; marking the same twice is harmless). \
                Errors: invalid_transition (not started yet, cancelled, held or expired), not_found.""",
                MarkOutcomeInput.class, Booking.class,
                (ctx, in) -> bookings.markOutcome(ctx.requireTenant(), in, Actors.of(ctx, null)));
    }

    @Bean
    McpTool<ConfirmBookingInput, Booking> confirmBooking(BookingTransitions bookings) {
        return McpTool.command(CalendarTools.CONFIRM_BOOKING, """
                Confirms a HELD booking (by id or short code). Confirming twice is harmless. Errors: hold_expired, \
                invalid_transition, not_found.""",
                ConfirmBookingInput.class, Booking.class,
                (ctx, in) -> bookings.confirm(ctx.requireTenant(), in, Actors.of(ctx, in.customerId())));
    }

    @Bean
    McpTool<CancelBookingInput, Booking> cancelBooking(BookingTransitions bookings) {
        return McpTool.command(CalendarTools.CANCEL_BOOKING, """
                Cancels a HELD or CONFIRMED booking (by id or short code) and frees its time. Cancelling twice is \
                harmless. Pass customer_id to only cancel that customer's booking.""",
                CancelBookingInput.class, Booking.class,
                (ctx, in) -> bookings.cancel(ctx.requireTenant(), in, Actors.of(ctx, in.customerId())));
    }

    @Bean
    McpTool<RescheduleBookingInput, Booking> rescheduleBooking(BookingTransitions bookings) {
        return McpTool.command(CalendarTools.RESCHEDULE_BOOKING, """
                Moves a HELD or CONFIRMED booking to a new start (from find_available_slots), atomically: the old \
                time is released only if the new one was taken. Errors: slot_taken (with alternatives), \
                outside_working_hours, invalid_transition, not_found.""",
                RescheduleBookingInput.class, Booking.class,
                (ctx, in) -> bookings.reschedule(ctx.requireTenant(), in, Actors.of(ctx, in.customerId())));
    }

    @Bean
    McpTool<RecordAttendanceInput, Booking> recordAttendance(BookingTransitions bookings) {
        return McpTool.command(CalendarTools.RECORD_ATTENDANCE, """
                Records the patient's answer to a reminder on the booking: CONFIRMED (will attend; the booking must \
                be CONFIRMED) or CANCELLED (cancelled from a reminder; cancel_booking first). A move clears it. \
                Errors: invalid_transition, not_found.""",
                RecordAttendanceInput.class, Booking.class,
                (ctx, in) -> bookings.recordAttendance(ctx.requireTenant(), in));
    }

    @Bean
    McpTool<BookingIdInput, Booking> getBooking(BookingQueries bookings) {
        return McpTool.query(CalendarTools.GET_BOOKING, "One booking by id or short code.", BookingIdInput.class,
                Booking.class, (ctx, in) -> bookings.get(ctx.requireTenant(), in.bookingId()));
    }

    @Bean
    McpTool<ListCustomerBookingsInput, BookingList> listCustomerBookings(BookingQueries bookings) {
        return McpTool.query(CalendarTools.LIST_CUSTOMER_BOOKINGS, """
                A customer's bookings, by start time: upcoming HELD and CONFIRMED ones, or all of them with \
                include_past.""", ListCustomerBookingsInput.class, BookingList.class,
                (ctx, in) -> bookings.forCustomer(ctx.requireTenant(), in));
    }

    @Bean
    McpTool<ListBookingsInput, BookingList> listBookings(BookingQueries bookings) {
        return McpTool.query(CalendarTools.LIST_BOOKINGS, """
                Bookings overlapping [from, to) (at most 63 days), optionally for one professional, one service and \
                some statuses, by start time, in pages of at most 1000: when next_cursor is set, pass it as cursor \
                for the next page.""", ListBookingsInput.class, BookingList.class,
                (ctx, in) -> bookings.inRange(ctx.requireTenant(), in));
    }

    @Bean
    McpTool<BookingStatsInput, BookingStats> bookingStats(BookingStatsService stats) {
        return McpTool.query(CalendarTools.BOOKING_STATS, """
                Per-day booking figures between two local dates (inclusive, at most 63 days) in the given time \
                zone: appointments scheduled (CONFIRMED/COMPLETED/NO_SHOW by start day), bookings made (confirmed, \
                by creation day), no-shows and cancellations. Every day of the range is listed, oldest first.""",
                BookingStatsInput.class, BookingStats.class, (ctx, in) -> stats.stats(ctx.requireTenant(), in));
    }

    @Bean
    McpTool<EraseCustomerInput, ErasedCustomer> eraseCustomer(BookingTransitions bookings) {
        return McpTool.command(CalendarTools.ERASE_CUSTOMER, """
                Erases a patient's personal data (right to erasure): every booking of customer_id, and its \
                booking-log events not yet delivered, get replacement_id instead and lose the customer name and \
                notes; time, service, professional and status stay for statistics. Answers how many bookings \
                changed; erasing again changes nothing.""",
                EraseCustomerInput.class, ErasedCustomer.class, (ctx, in) -> bookings.eraseCustomer(ctx.requireTenant(), in));
    }

    /** Who a change is attributed to in the booking log. */
    static final class Actors {

        private Actors() {
        }

        static String customer(String customerId) {
            return customerId == null || customerId.isBlank() ? "system" : "customer:" + customerId;
        }

        static String of(ToolContext ctx, String customerId) {
            if (customerId != null && !customerId.isBlank()) {
                return "customer:" + customerId;
            }
            return ctx.caller() == null ? "system" : "service:" + ctx.caller();
        }
    }
}
