package com.aiassistants.calendar.tools;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

import com.aiassistants.common.mcp.ToolParam;
import com.aiassistants.common.scheduling.CalendarTools.Booking;
import com.aiassistants.common.scheduling.CalendarTools.BookingStatus;

/**
 * The wire form of {@link Booking}: the same components (so the JSON is exactly a {@code Booking}
 * and callers bind it to the contract record), annotated so the generated output schema describes
 * each field and marks the ones that may be absent as optional. Without this the schema generated
 * from the bare contract record requires every field, and the SDK's server-side output validation
 * rejects e.g. a CONFIRMED booking, whose hold_expires_at is absent. A test keeps the components
 * identical to {@link Booking}.
 */
public record BookingView(
        @ToolParam("Booking id (UUID)") String id,
        @ToolParam("Short human code, usable wherever a booking_id is asked") String shortCode,
        @ToolParam("HELD, CONFIRMED, CANCELLED, COMPLETED, NO_SHOW or EXPIRED") BookingStatus status,
        @ToolParam("Service id") String serviceId,
        @ToolParam(value = "Service name", required = false) String serviceName,
        @ToolParam("Professional id") String professionalId,
        @ToolParam(value = "Professional name", required = false) String professionalName,
        @ToolParam("Customer id") String customerId,
        @ToolParam(value = "Customer name", required = false) String customerName,
        @ToolParam("Start instant (UTC)") Instant start,
        @ToolParam("End instant (UTC)") Instant end,
        @ToolParam("Start in the tenant's local time") LocalDateTime localStart,
        @ToolParam("IANA time zone of local_start") String timeZone,
        @ToolParam(value = "Notes", required = false) String notes,
        @ToolParam(value = "Source channel", required = false) String channel,
        @ToolParam(value = "When the hold lapses (HELD only)", required = false) Instant holdExpiresAt,
        @ToolParam("Created at") Instant createdAt,
        @ToolParam("Last changed at") Instant updatedAt) {

    public static BookingView of(Booking b) {
        return new BookingView(b.id(), b.shortCode(), b.status(), b.serviceId(), b.serviceName(), b.professionalId(),
                b.professionalName(), b.customerId(), b.customerName(), b.start(), b.end(), b.localStart(),
                b.timeZone(), b.notes(), b.channel(), b.holdExpiresAt(), b.createdAt(), b.updatedAt());
    }

    /** The wire form of {@code BookingList}. */
    public record ListView(@ToolParam("Bookings, by start time") List<BookingView> bookings) {

        public static ListView of(com.aiassistants.common.scheduling.CalendarTools.BookingList list) {
            return new ListView(list.bookings().stream().map(BookingView::of).toList());
        }
    }
}
