package com.aiassistants.backend.assistant.golden;

import java.time.ZoneId;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;

import com.aiassistants.common.mcp.client.McpToolClient;
import com.aiassistants.common.scheduling.CalendarTools;
import com.aiassistants.common.scheduling.CalendarTools.Booking;
import com.aiassistants.common.scheduling.CalendarTools.BookingList;

/**
 * Sets up and inspects the calendar of one dialogue through the calendar's MCP tools only, so it
 * works the same against the in-test server and the real mcp-calendar.
 */
public final class SchedulingFixtures {

    public static final String OTHER_CUSTOMER = "+5491100009999";

    private final McpToolClient calendar;
    private final String tenantId;
    private final String selfCustomerId;
    private final ZoneId zone;

    public SchedulingFixtures(McpToolClient calendar, String tenantId, String selfCustomerId, ZoneId zone) {
        this.calendar = calendar;
        this.tenantId = tenantId;
        this.selfCustomerId = selfCustomerId;
        this.zone = zone;
    }

    /** Books (hold + confirm) as the given customer. */
    public Booking book(GoldenDialogue.FixtureBooking fixture) {
        String customer = fixture.customer() == null || fixture.customer().equals("other") ? OTHER_CUSTOMER
                : fixture.customer().equals("self") ? selfCustomerId : fixture.customer();
        Booking held = calendar.call(tenantId, CalendarTools.HOLD_SLOT, new CalendarTools.HoldSlotInput(fixture.service(),
                fixture.professional(), fixture.start().atZone(zone).toInstant(), customer, "Fixture", null, "console",
                "fixture-" + UUID.randomUUID()), Booking.class, false);
        return calendar.call(tenantId, CalendarTools.CONFIRM_BOOKING,
                new CalendarTools.ConfirmBookingInput(held.id(), customer), Booking.class, false);
    }

    /** Status of the customer's most recently changed booking, if any. */
    public Optional<String> latestStatus() {
        BookingList list = calendar.call(tenantId, CalendarTools.LIST_CUSTOMER_BOOKINGS,
                new CalendarTools.ListCustomerBookingsInput(selfCustomerId, true), BookingList.class);
        return list.bookings().stream().max(Comparator.comparing(Booking::updatedAt)).map(b -> b.status().name());
    }
}
