package com.aiassistants.calendar.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;

import com.aiassistants.calendar.support.CalendarIntegrationTest;
import com.aiassistants.common.mcp.client.McpToolError;
import com.aiassistants.common.scheduling.CalendarTools;
import com.aiassistants.common.scheduling.CalendarTools.Attendance;
import com.aiassistants.common.scheduling.CalendarTools.Booking;
import com.aiassistants.common.scheduling.CalendarTools.BookingIdInput;
import com.aiassistants.common.scheduling.CalendarTools.BookingList;
import com.aiassistants.common.scheduling.CalendarTools.BookingStatus;
import com.aiassistants.common.scheduling.CalendarTools.CancelBookingInput;
import com.aiassistants.common.scheduling.CalendarTools.ConfirmBookingInput;
import com.aiassistants.common.scheduling.CalendarTools.HoldSlotInput;
import com.aiassistants.common.scheduling.CalendarTools.ListBookingsInput;
import com.aiassistants.common.scheduling.CalendarTools.ListCustomerBookingsInput;
import com.aiassistants.common.scheduling.CalendarTools.RecordAttendanceInput;
import com.aiassistants.common.scheduling.CalendarTools.RescheduleBookingInput;

class BookingLifecycleTest extends CalendarIntegrationTest {

    @Autowired
    HoldExpiry holdExpiry;

    Booking holdSlot(String tenant, HoldSlotInput input) {
        return calendar.call(tenant, CalendarTools.HOLD_SLOT, input, Booking.class, false);
    }

    Booking confirm(String tenant, String id) {
        return calendar.call(tenant, CalendarTools.CONFIRM_BOOKING, new ConfirmBookingInput(id, null), Booking.class, false);
    }

    Booking get(String tenant, String id) {
        return calendar.call(tenant, CalendarTools.GET_BOOKING, new BookingIdInput(id), Booking.class);
    }

    McpToolError error(Runnable call) {
        try {
            call.run();
        } catch (McpToolError e) {
            return e;
        }
        throw new AssertionError("expected a tool error");
    }

    int activeRows(String tenant) {
        return jdbc.queryForObject("select count(*) from booking where tenant_id = ? and status in ('HELD','CONFIRMED')",
                Integer.class, tenant);
    }

    @Test
    void holdsBeyondTheBookingHorizonAndAbsurdDatesAreRefusedCleanly() {
        String tenant = newTenant();
        // 2027-03-09 is a Tuesday more than 365 days after NOW (2026-03-02)
        assertThat(error(() -> holdSlot(tenant, hold("cut", "ana", local("2027-03-09T10:00"), "c1"))).code())
                .isEqualTo(CalendarTools.BEYOND_HORIZON);
        java.util.Map<String, Object> farAway = new java.util.LinkedHashMap<>(com.aiassistants.common.mcp.McpJson.toMap(
                hold("cut", "ana", local("2026-03-03T10:00"), "c1")));
        farAway.put("start", "+999999999-12-31T10:00:00Z");
        McpToolError absurd = error(() -> calendar.callForMap(tenant, CalendarTools.HOLD_SLOT, farAway, false));
        assertThat(absurd.code()).isEqualTo("invalid_arguments");
        assertThat(absurd.body()).containsEntry("field", "start");
        farAway.put("start", "2026-03-03T10:00:00Z");
        farAway.put("customer_name", "Ana\u0000Nul");
        McpToolError nul = error(() -> calendar.callForMap(tenant, CalendarTools.HOLD_SLOT, farAway, false));
        assertThat(nul.code()).isEqualTo("invalid_arguments");
        assertThat(nul.body()).containsEntry("field", "customer_name");
        assertThat(activeRows(tenant)).isZero();
    }

    @Test
    void sameIdempotencyKeyReturnsTheSameBookingAndAddsNoRow() {
        String tenant = standardTenant();
        HoldSlotInput input = hold("cut", "ana", local("2026-03-03T09:00"), "+5491100000001");
        Booking first = holdSlot(tenant, input);
        Booking again = holdSlot(tenant, input);
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.shortCode()).isEqualTo(first.shortCode());
        assertThat(jdbc.queryForObject("select count(*) from booking where tenant_id = ?", Integer.class, tenant)).isEqualTo(1);
        // even after confirmation the key still names that booking
        confirm(tenant, first.id());
        assertThat(holdSlot(tenant, input).status()).isEqualTo(BookingStatus.CONFIRMED);
        // reusing the key for another customer's request is refused
        HoldSlotInput other = new HoldSlotInput("cut", "ana", local("2026-03-03T10:00"), "someone-else", null, null, null,
                input.idempotencyKey());
        assertThat(error(() -> holdSlot(tenant, other)).code()).isEqualTo("invalid_request");
    }

    @Test
    void overlappingButUnequalIntervalsAreRejectedWithAlternatives() {
        String tenant = standardTenant();
        holdSlot(tenant, hold("color", "ana", local("2026-03-03T09:00"), "c1")); // blocks 09:00–10:45
        McpToolError taken = error(() -> holdSlot(tenant, hold("cut", "ana", local("2026-03-03T10:30"), "c2")));
        assertThat(taken.code()).isEqualTo(CalendarTools.SLOT_TAKEN);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> alternatives = (List<Map<String, Object>>) taken.body().get("alternatives");
        assertThat(alternatives).hasSize(5);
        assertThat(alternatives.getFirst()).containsEntry("local_start", "2026-03-03T11:00:00")
                .containsEntry("professional_id", "ana").containsKey("start");
        assertThat(activeRows(tenant)).isEqualTo(1);
    }

    @Test
    void theDatabaseItselfRefusesOverlappingActiveRows() {
        String tenant = standardTenant();
        Booking held = holdSlot(tenant, hold("cut", "ana", local("2026-03-03T09:00"), "c1"));
        String insert = """
                insert into booking (id, tenant_id, short_code, idempotency_key, status, service_id, professional_id,
                    customer_id, starts_at, ends_at, blocked_until, time_zone, hold_expires_at, created_at, updated_at)
                values (?, ?, ?, ?, ?, 'cut', 'ana', 'x', ?::timestamptz, ?::timestamptz, ?::timestamptz,
                    'UTC', now() + interval '1 hour', now(), now())""";
        assertThatThrownBy(() -> jdbc.update(insert, UUID.randomUUID(), tenant, "ZZZZZ1", "k1", "CONFIRMED",
                held.start().plusSeconds(600).toString(), held.start().plusSeconds(900).toString(),
                held.start().plusSeconds(900).toString()))
                .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("booking_no_overlap");
        // inactive rows may overlap freely: history is kept
        jdbc.update(insert, UUID.randomUUID(), tenant, "ZZZZZ2", "k2", "CANCELLED", held.start().toString(),
                held.end().toString(), held.end().toString());
    }

    Booking attendance(String tenant, String id, Attendance answer, String customerId) {
        return calendar.call(tenant, CalendarTools.RECORD_ATTENDANCE, new RecordAttendanceInput(id, answer, customerId),
                Booking.class);
    }

    @Test
    void thePatientsAnswerToAReminderIsKeptOnTheBookingAndAMoveClearsIt() {
        String tenant = standardTenant();
        Booking held = holdSlot(tenant, hold("cut", "ana", local("2026-03-03T09:00"), "c1"));
        assertThat(held.attendance()).isNull();
        // only a confirmed booking can be confirmed by the patient, only a cancelled one "cancelled from a reminder"
        assertThat(error(() -> attendance(tenant, held.id(), Attendance.CONFIRMED, "c1")).code())
                .isEqualTo(CalendarTools.INVALID_TRANSITION);
        Booking booking = confirm(tenant, held.id());
        assertThat(error(() -> attendance(tenant, booking.id(), Attendance.CANCELLED, "c1")).code())
                .isEqualTo(CalendarTools.INVALID_TRANSITION);
        assertThat(error(() -> attendance(tenant, booking.id(), Attendance.CONFIRMED, "someone-else")).code())
                .isEqualTo(CalendarTools.NOT_FOUND);
        assertThat(attendance(tenant, booking.shortCode(), Attendance.CONFIRMED, "c1").attendance())
                .isEqualTo(Attendance.CONFIRMED);
        assertThat(attendance(tenant, booking.id(), Attendance.CONFIRMED, null).attendance()).isEqualTo(Attendance.CONFIRMED);
        assertThat(get(tenant, booking.id()).attendance()).isEqualTo(Attendance.CONFIRMED);
        Booking moved = calendar.call(tenant, CalendarTools.RESCHEDULE_BOOKING,
                new RescheduleBookingInput(booking.id(), local("2026-03-03T10:00"), null, "c1"), Booking.class);
        assertThat(moved.attendance()).as("the new time is not confirmed yet").isNull();
        assertThat(booking.version()).as("confirming is a change").isGreaterThan(held.version());
        assertThat(moved.version()).as("a move is").isGreaterThan(booking.version());
        Booking cancelled = calendar.call(tenant, CalendarTools.CANCEL_BOOKING,
                new CancelBookingInput(booking.id(), "reminder", "c1"), Booking.class);
        assertThat(cancelled.version()).isGreaterThan(moved.version());
        assertThat(attendance(tenant, booking.id(), Attendance.CANCELLED, "c1").attendance()).isEqualTo(Attendance.CANCELLED);
        assertThat(calendar.call(tenant, CalendarTools.LIST_BOOKINGS, new ListBookingsInput(local("2026-03-03T00:00"),
                local("2026-03-04T00:00"), null, null), BookingList.class).bookings())
                .extracting(Booking::attendance).containsExactly(Attendance.CANCELLED);
    }

    @Test
    void cancelFreesTheSlotAndIsIdempotent() {
        String tenant = standardTenant();
        Booking booking = confirm(tenant, holdSlot(tenant, hold("cut", "ana", local("2026-03-03T09:00"), "c1")).id());
        assertThat(error(() -> holdSlot(tenant, hold("cut", "ana", local("2026-03-03T09:00"), "c2"))).code())
                .isEqualTo(CalendarTools.SLOT_TAKEN);
        assertThat(error(() -> calendar.call(tenant, CalendarTools.CANCEL_BOOKING,
                new CancelBookingInput(booking.id(), null, "not-the-owner"), Booking.class)).code())
                .isEqualTo(CalendarTools.NOT_FOUND);
        Booking cancelled = calendar.call(tenant, CalendarTools.CANCEL_BOOKING,
                new CancelBookingInput(booking.shortCode(), "no puede venir", "c1"), Booking.class);
        assertThat(cancelled.status()).isEqualTo(BookingStatus.CANCELLED);
        assertThat(calendar.call(tenant, CalendarTools.CANCEL_BOOKING, new CancelBookingInput(booking.id(), null, null),
                Booking.class).status()).isEqualTo(BookingStatus.CANCELLED);
        assertThat(holdSlot(tenant, hold("cut", "ana", local("2026-03-03T09:00"), "c2")).status())
                .isEqualTo(BookingStatus.HELD);
        assertThat(error(() -> confirm(tenant, booking.id())).code()).isEqualTo(CalendarTools.INVALID_TRANSITION);
    }

    @Test
    void rescheduleIsAtomicTheOldSlotIsFreedOnlyWhenTheNewOneIsTaken() {
        String tenant = standardTenant();
        Booking mine = confirm(tenant, holdSlot(tenant, hold("cut", "ana", local("2026-03-03T09:00"), "c1")).id());
        holdSlot(tenant, hold("cut", "ana", local("2026-03-03T10:00"), "c2"));

        McpToolError taken = error(() -> calendar.call(tenant, CalendarTools.RESCHEDULE_BOOKING,
                new RescheduleBookingInput(mine.id(), local("2026-03-03T10:00"), null, "c1"), Booking.class));
        assertThat(taken.code()).isEqualTo(CalendarTools.SLOT_TAKEN);
        assertThat(taken.body()).containsKey("alternatives");
        Booking unchanged = get(tenant, mine.id());
        assertThat(unchanged.start()).isEqualTo(local("2026-03-03T09:00"));
        assertThat(unchanged.status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(error(() -> holdSlot(tenant, hold("cut", "ana", local("2026-03-03T09:00"), "c3"))).code())
                .as("the old slot is still held by the booking").isEqualTo(CalendarTools.SLOT_TAKEN);

        Booking moved = calendar.call(tenant, CalendarTools.RESCHEDULE_BOOKING,
                new RescheduleBookingInput(mine.shortCode(), local("2026-03-03T11:00"), null, "c1"), Booking.class);
        assertThat(moved.id()).isEqualTo(mine.id());
        assertThat(moved.status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(moved.localStart()).hasToString("2026-03-03T11:00");
        assertThat(holdSlot(tenant, hold("cut", "ana", local("2026-03-03T09:00"), "c3")).status())
                .isEqualTo(BookingStatus.HELD);

        // to another professional
        Booking toBeto = calendar.call(tenant, CalendarTools.RESCHEDULE_BOOKING,
                new RescheduleBookingInput(mine.id(), local("2026-03-03T11:00"), "beto", null), Booking.class);
        assertThat(toBeto.professionalId()).isEqualTo("beto");
        assertThat(toBeto.professionalName()).isEqualTo("Beto");
        assertThat(holdSlot(tenant, hold("cut", "ana", local("2026-03-03T11:00"), "c4")).status())
                .isEqualTo(BookingStatus.HELD);
    }

    @Test
    void anExpiredHoldFreesItsSlotEvenBeforeTheSweeperRuns() {
        String tenant = standardTenant();
        Booking stale = holdSlot(tenant, hold("cut", "ana", local("2026-03-03T09:00"), "c1"));
        assertThat(stale.holdExpiresAt()).isEqualTo(stale.createdAt().plus(Duration.ofMinutes(5)));
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        assertThat(get(tenant, stale.id()).status()).isEqualTo(BookingStatus.EXPIRED);
        Booking fresh = holdSlot(tenant, hold("cut", "ana", local("2026-03-03T09:00"), "c2"));
        assertThat(fresh.status()).isEqualTo(BookingStatus.HELD);
        assertThat(jdbc.queryForObject("select status from booking where id = ?::uuid", String.class, stale.id()))
                .isEqualTo("EXPIRED");
        assertThat(error(() -> confirm(tenant, stale.id())).code()).isEqualTo(CalendarTools.HOLD_EXPIRED);
    }

    @Test
    void theSweeperExpiresStaleHoldsAndConfirmingTooLateFails() {
        String tenant = standardTenant();
        Booking held = holdSlot(tenant, hold("cut", "ana", local("2026-03-03T09:00"), "c1"));
        Booking kept = confirm(tenant, holdSlot(tenant, hold("cut", "ana", local("2026-03-03T09:30"), "c1")).id());
        clock.advance(Duration.ofMinutes(6));
        assertThat(holdExpiry.expireStaleHolds()).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.queryForObject("select status from booking where id = ?::uuid", String.class, held.id()))
                .isEqualTo("EXPIRED");
        assertThat(get(tenant, kept.id()).status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(error(() -> confirm(tenant, held.id())).code()).isEqualTo(CalendarTools.HOLD_EXPIRED);
    }

    @Test
    void activeHoldsPerCustomerAreCapped() {
        String tenant = standardTenant();
        Booking first = holdSlot(tenant, hold("cut", "ana", local("2026-03-03T09:00"), "c1"));
        holdSlot(tenant, hold("cut", "ana", local("2026-03-03T09:30"), "c1"));
        holdSlot(tenant, hold("cut", "ana", local("2026-03-03T10:00"), "c1"));
        McpToolError capped = error(() -> holdSlot(tenant, hold("cut", "ana", local("2026-03-03T10:30"), "c1")));
        assertThat(capped.code()).isEqualTo(CalendarTools.HOLD_LIMIT_REACHED);
        assertThat(holdSlot(tenant, hold("cut", "ana", local("2026-03-03T10:30"), "c2")).status())
                .as("other customers are not affected").isEqualTo(BookingStatus.HELD);
        confirm(tenant, first.id());
        assertThat(holdSlot(tenant, hold("cut", "ana", local("2026-03-03T11:00"), "c1")).status())
                .as("a confirmed booking no longer counts as a hold").isEqualTo(BookingStatus.HELD);
    }

    @Test
    void holdsMustBeRealSlotsOfTheProfessional() {
        String tenant = standardTenant();
        DIRECTORY.tenant(tenant, BA).timeOff("ana", local("2026-03-05T09:00"), local("2026-03-05T13:00"));
        assertThat(error(() -> holdSlot(tenant, hold("cut", "ana", local("2026-03-03T13:00"), "c1"))).code())
                .as("lunch break").isEqualTo(CalendarTools.OUTSIDE_WORKING_HOURS);
        assertThat(error(() -> holdSlot(tenant, hold("cut", "ana", local("2026-03-03T09:10"), "c1"))).code())
                .as("not on the grid").isEqualTo(CalendarTools.OUTSIDE_WORKING_HOURS);
        assertThat(error(() -> holdSlot(tenant, hold("long", "ana", local("2026-03-03T12:00"), "c1"))).code())
                .as("would run past 13:00").isEqualTo(CalendarTools.OUTSIDE_WORKING_HOURS);
        assertThat(error(() -> holdSlot(tenant, hold("cut", "ana", local("2026-03-05T10:00"), "c1"))).code())
                .as("time off").isEqualTo(CalendarTools.OUTSIDE_WORKING_HOURS);
        assertThat(error(() -> holdSlot(tenant, hold("cut", "ana", local("2026-03-08T10:00"), "c1"))).code())
                .as("sunday").isEqualTo(CalendarTools.OUTSIDE_WORKING_HOURS);
        assertThat(error(() -> holdSlot(tenant, hold("cut", "ana", local("2026-03-02T06:00"), "c1"))).code())
                .as("past").isEqualTo("invalid_request");
        assertThat(error(() -> holdSlot(tenant, new HoldSlotInput("cut", "ana", local("2026-03-03T09:00"), " ", null,
                null, null, "k"))).code()).isEqualTo("invalid_request");
        assertThat(activeRows(tenant)).isZero();
    }

    @Test
    void listsForACustomerAndForARange() {
        String tenant = standardTenant();
        Booking a = confirm(tenant, holdSlot(tenant, hold("cut", "ana", local("2026-03-03T09:00"), "c1")).id());
        Booking b = holdSlot(tenant, hold("cut", "beto", local("2026-03-04T10:00"), "c1"));
        Booking c = holdSlot(tenant, hold("cut", "ana", local("2026-03-05T09:00"), "c1"));
        calendar.call(tenant, CalendarTools.CANCEL_BOOKING, new CancelBookingInput(c.id(), null, null), Booking.class);
        holdSlot(tenant, hold("cut", "ana", local("2026-03-03T10:00"), "c2"));

        BookingList upcoming = calendar.call(tenant, CalendarTools.LIST_CUSTOMER_BOOKINGS,
                new ListCustomerBookingsInput("c1", null), BookingList.class);
        assertThat(upcoming.bookings()).extracting(Booking::id).containsExactly(a.id(), b.id());
        BookingList all = calendar.call(tenant, CalendarTools.LIST_CUSTOMER_BOOKINGS,
                new ListCustomerBookingsInput("c1", true), BookingList.class);
        assertThat(all.bookings()).extracting(Booking::id).containsExactly(a.id(), b.id(), c.id());

        Instant from = local("2026-03-03T00:00");
        BookingList confirmedAna = calendar.call(tenant, CalendarTools.LIST_BOOKINGS,
                new ListBookingsInput(from, from.plus(Duration.ofDays(7)), "ana", List.of(BookingStatus.CONFIRMED)),
                BookingList.class);
        assertThat(confirmedAna.bookings()).extracting(Booking::id).containsExactly(a.id());
        BookingList everything = calendar.call(tenant, CalendarTools.LIST_BOOKINGS,
                new ListBookingsInput(from, from.plus(Duration.ofDays(7)), null, null), BookingList.class);
        assertThat(everything.bookings()).hasSize(4);
        assertThat(error(() -> calendar.call(tenant, CalendarTools.LIST_BOOKINGS,
                new ListBookingsInput(from, from.plus(Duration.ofDays(90)), null, null), BookingList.class)).code())
                .isEqualTo("invalid_request");
    }
}
