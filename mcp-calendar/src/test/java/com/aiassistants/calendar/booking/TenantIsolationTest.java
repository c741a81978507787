package com.aiassistants.calendar.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import com.aiassistants.calendar.support.CalendarIntegrationTest;
import com.aiassistants.common.mcp.client.McpToolError;
import com.aiassistants.common.scheduling.CalendarTools;
import com.aiassistants.common.scheduling.CalendarTools.Booking;
import com.aiassistants.common.scheduling.CalendarTools.BookingIdInput;
import com.aiassistants.common.scheduling.CalendarTools.BookingList;
import com.aiassistants.common.scheduling.CalendarTools.BookingStatus;
import com.aiassistants.common.scheduling.CalendarTools.CancelBookingInput;
import com.aiassistants.common.scheduling.CalendarTools.ConfirmBookingInput;
import com.aiassistants.common.scheduling.CalendarTools.FindAvailableSlotsInput;
import com.aiassistants.common.scheduling.CalendarTools.ListBookingsInput;
import com.aiassistants.common.scheduling.CalendarTools.ListCustomerBookingsInput;
import com.aiassistants.common.scheduling.CalendarTools.RescheduleBookingInput;
import com.aiassistants.common.scheduling.CalendarTools.SlotList;

/** Tenant B (same professional and customer ids) can neither see nor change tenant A's bookings, through any tool. */
class TenantIsolationTest extends CalendarIntegrationTest {

    String code(Runnable call) {
        try {
            call.run();
        } catch (McpToolError e) {
            return e.code();
        }
        return "ok";
    }

    @Test
    void everyToolIsScopedToTheCallingTenant() {
        String a = standardTenant();
        String b = standardTenant();
        Instant nine = local("2026-03-03T09:00");
        Booking held = calendar.call(a, CalendarTools.HOLD_SLOT, hold("cut", "ana", nine, "c1"), Booking.class);
        Booking booking = calendar.call(a, CalendarTools.CONFIRM_BOOKING, new ConfirmBookingInput(held.id(), null),
                Booking.class);
        Booking secondHold = calendar.call(a, CalendarTools.HOLD_SLOT, hold("cut", "ana", local("2026-03-03T10:00"), "c1"),
                Booking.class);

        for (String ref : new String[] {booking.id(), booking.shortCode()}) {
            assertThat(code(() -> calendar.call(b, CalendarTools.GET_BOOKING, new BookingIdInput(ref), Booking.class)))
                    .isEqualTo(CalendarTools.NOT_FOUND);
            assertThat(code(() -> calendar.call(b, CalendarTools.CANCEL_BOOKING, new CancelBookingInput(ref, null, null),
                    Booking.class))).isEqualTo(CalendarTools.NOT_FOUND);
            assertThat(code(() -> calendar.call(b, CalendarTools.RESCHEDULE_BOOKING,
                    new RescheduleBookingInput(ref, local("2026-03-03T11:00"), null, null), Booking.class)))
                    .isEqualTo(CalendarTools.NOT_FOUND);
        }
        assertThat(code(() -> calendar.call(b, CalendarTools.CONFIRM_BOOKING,
                new ConfirmBookingInput(secondHold.id(), null), Booking.class))).isEqualTo(CalendarTools.NOT_FOUND);
        assertThat(calendar.call(b, CalendarTools.LIST_CUSTOMER_BOOKINGS, new ListCustomerBookingsInput("c1", true),
                BookingList.class).bookings()).isEmpty();
        assertThat(calendar.call(b, CalendarTools.LIST_BOOKINGS,
                new ListBookingsInput(nine.minus(Duration.ofDays(1)), nine.plus(Duration.ofDays(1)), null, null),
                BookingList.class).bookings()).isEmpty();
        // A's bookings do not block B's calendar, and B may hold the very same professional id and time
        SlotList bSlots = calendar.call(b, CalendarTools.FIND_AVAILABLE_SLOTS,
                new FindAvailableSlotsInput("cut", "ana", LocalDate.of(2026, 3, 3), null, null, null, 1), SlotList.class);
        assertThat(bSlots.slots().getFirst().start()).isEqualTo(nine);
        Booking bHold = calendar.call(b, CalendarTools.HOLD_SLOT, hold("cut", "ana", nine, "c1"), Booking.class);
        assertThat(bHold.status()).isEqualTo(BookingStatus.HELD);
        // even the idempotency key space is per tenant
        Booking sameKeyInB = calendar.call(b, CalendarTools.HOLD_SLOT, new CalendarTools.HoldSlotInput("cut", "ana",
                local("2026-03-03T11:00"), "c9", null, null, null, "shared-key"), Booking.class);
        Booking sameKeyInA = calendar.call(a, CalendarTools.HOLD_SLOT, new CalendarTools.HoldSlotInput("cut", "ana",
                local("2026-03-03T11:00"), "c9", null, null, null, "shared-key"), Booking.class);
        assertThat(sameKeyInA.id()).isNotEqualTo(sameKeyInB.id());

        // A's data is untouched
        assertThat(calendar.call(a, CalendarTools.GET_BOOKING, new BookingIdInput(booking.id()), Booking.class).status())
                .isEqualTo(BookingStatus.CONFIRMED);
        assertThat(calendar.call(a, CalendarTools.GET_BOOKING, new BookingIdInput(secondHold.id()), Booking.class)
                .status()).isEqualTo(BookingStatus.HELD);
        assertThat(calendar.call(a, CalendarTools.LIST_CUSTOMER_BOOKINGS, new ListCustomerBookingsInput("c1", null),
                BookingList.class).bookings()).hasSize(2);
        // an unknown tenant has no directory at all
        assertThat(code(() -> calendar.call(newTenant(), CalendarTools.FIND_AVAILABLE_SLOTS,
                new FindAvailableSlotsInput("cut", "ana", LocalDate.of(2026, 3, 3), null, null, null, 1),
                SlotList.class))).isEqualTo(CalendarTools.NOT_FOUND);
    }
}
