package com.aiassistants.calendar.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.aiassistants.calendar.support.CalendarIntegrationTest;
import com.aiassistants.calendar.support.StatementCounter;
import com.aiassistants.calendar.support.FakeBookingLog.Received;
import com.aiassistants.common.mcp.client.McpToolError;
import com.aiassistants.common.scheduling.CalendarTools;
import com.aiassistants.common.scheduling.CalendarTools.BookConfirmedInput;
import com.aiassistants.common.scheduling.CalendarTools.Booking;
import com.aiassistants.common.scheduling.CalendarTools.BookingList;
import com.aiassistants.common.scheduling.CalendarTools.BookingStatus;
import com.aiassistants.common.scheduling.CalendarTools.CancelBookingInput;
import com.aiassistants.common.scheduling.CalendarTools.ListBookingsInput;
import com.aiassistants.common.scheduling.CalendarTools.MarkOutcomeInput;
import com.aiassistants.common.scheduling.CalendarTools.RescheduleBookingInput;

/** The tools the console's staff use: confirmed-at-once bookings, outcomes, paged range lists, staff actors. */
class StaffBookingsTest extends CalendarIntegrationTest {

    @Autowired
    BookingService bookingService;

    @Autowired
    BookingQueries bookingQueries;

    static final String STAFF = "staff:recepcion@clinic.test";

    Booking book(String tenant, String service, String professional, Instant start, String customer, String key) {
        return calendar.call(tenant, CalendarTools.BOOK_CONFIRMED, new BookConfirmedInput(service, professional, start,
                customer, "Cliente " + customer, null, STAFF, key), Booking.class, false);
    }

    McpToolError error(Runnable call) {
        try {
            call.run();
        } catch (McpToolError e) {
            return e;
        }
        throw new AssertionError("expected a tool error");
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    @Test
    void staffBookingIsConfirmedAtOnceIdempotentAndGuardedByTheSameConstraint() throws Exception {
        String tenant = standardTenant();
        String key = UUID.randomUUID().toString();
        Booking booked = book(tenant, "cut", "ana", local("2026-03-03T09:00"), "+5491100000001", key);
        assertThat(booked.status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(booked.holdExpiresAt()).isNull();
        assertThat(booked.channel()).isEqualTo("console");
        assertThat(book(tenant, "cut", "ana", local("2026-03-03T09:00"), "+5491100000001", key).id())
                .isEqualTo(booked.id());
        assertThat(jdbc.queryForObject("select count(*) from booking where tenant_id = ?", Integer.class, tenant))
                .isEqualTo(1);

        McpToolError taken = error(() -> book(tenant, "cut", "ana", local("2026-03-03T09:00"), "c2",
                UUID.randomUUID().toString()));
        assertThat(taken.code()).isEqualTo(CalendarTools.SLOT_TAKEN);
        assertThat(taken.body().get("alternatives")).asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.LIST).isNotEmpty();
        assertThat(error(() -> book(tenant, "cut", "ana", local("2026-03-03T13:10"), "c2",
                UUID.randomUUID().toString())).code()).isEqualTo(CalendarTools.OUTSIDE_WORKING_HOURS);
        assertThat(error(() -> calendar.call(tenant, CalendarTools.BOOK_CONFIRMED, new BookConfirmedInput("cut", "ana",
                local("2026-03-03T10:00"), "c3", null, null, "customer:c3", UUID.randomUUID().toString()),
                Booking.class, false)).code()).isEqualTo("invalid_request");

        await("the staff booking's log event", () -> !BOOKING_LOG.eventsFor(booked.id()).isEmpty());
        Received event = BOOKING_LOG.eventsFor(booked.id()).getFirst();
        assertThat(event.event().type()).isEqualTo("confirmed");
        assertThat(event.event().actor()).isEqualTo(STAFF);
    }

    @Test
    void staffMovesAndCancelsAreLoggedWithTheStaffUser() throws Exception {
        String tenant = standardTenant();
        Booking booked = book(tenant, "cut", "ana", local("2026-03-03T09:00"), "c1", UUID.randomUUID().toString());
        Booking moved = calendar.call(tenant, CalendarTools.RESCHEDULE_BOOKING, new RescheduleBookingInput(booked.id(),
                local("2026-03-03T10:00"), "beto", null, STAFF), Booking.class, false);
        assertThat(moved.professionalId()).isEqualTo("beto");
        calendar.call(tenant, CalendarTools.CANCEL_BOOKING, new CancelBookingInput(booked.id(), "llamó", null, STAFF),
                Booking.class, false);
        await("three events", () -> BOOKING_LOG.eventsFor(booked.id()).size() == 3);
        assertThat(BOOKING_LOG.eventsFor(booked.id())).extracting(r -> r.event().type())
                .containsExactly("confirmed", "rescheduled", "cancelled");
        assertThat(BOOKING_LOG.eventsFor(booked.id())).allSatisfy(r -> assertThat(r.event().actor()).isEqualTo(STAFF));
        assertThat(BOOKING_LOG.eventsFor(booked.id()).getLast().event().after()).containsEntry("reason", "llamó");
    }

    @Test
    void outcomesOnlyAfterTheStartAndOnlyForConfirmedBookings() {
        String tenant = standardTenant();
        Booking booked = book(tenant, "cut", "ana", local("2026-03-03T09:00"), "c1", UUID.randomUUID().toString());
        MarkOutcomeInput noShow = new MarkOutcomeInput(booked.id(), BookingStatus.NO_SHOW, STAFF);
        assertThat(error(() -> calendar.call(tenant, CalendarTools.MARK_BOOKING_OUTCOME, noShow, Booking.class, false))
                .code()).isEqualTo(CalendarTools.INVALID_TRANSITION);

        clock.setNow(local("2026-03-03T09:05"));
        assertThat(calendar.call(tenant, CalendarTools.MARK_BOOKING_OUTCOME, noShow, Booking.class, false).status())
                .isEqualTo(BookingStatus.NO_SHOW);
        // a mistake can be corrected, and the freed time is bookable again
        assertThat(calendar.call(tenant, CalendarTools.MARK_BOOKING_OUTCOME,
                new MarkOutcomeInput(booked.id(), BookingStatus.COMPLETED, STAFF), Booking.class, false).status())
                .isEqualTo(BookingStatus.COMPLETED);
        assertThat(error(() -> calendar.call(tenant, CalendarTools.MARK_BOOKING_OUTCOME,
                new MarkOutcomeInput(booked.id(), BookingStatus.CANCELLED, STAFF), Booking.class, false)).code())
                .isEqualTo("invalid_request");

        clock.setNow(NOW);
        Booking cancelled = book(tenant, "cut", "ana", local("2026-03-03T11:00"), "c2", UUID.randomUUID().toString());
        calendar.call(tenant, CalendarTools.CANCEL_BOOKING, new CancelBookingInput(cancelled.id(), null, null, STAFF),
                Booking.class, false);
        clock.setNow(local("2026-03-03T12:00"));
        assertThat(error(() -> calendar.call(tenant, CalendarTools.MARK_BOOKING_OUTCOME,
                new MarkOutcomeInput(cancelled.id(), BookingStatus.COMPLETED, STAFF), Booking.class, false)).code())
                .isEqualTo(CalendarTools.INVALID_TRANSITION);
    }

    @Test
    void rangeListsPageByCursorAndFilterByServiceAndProfessional() {
        String tenant = standardTenant();
        List<String> ids = new ArrayList<>();
        for (int hour = 9; hour < 13; hour++) {
            ids.add(book(tenant, "cut", "ana", local("2026-03-03T%02d:00".formatted(hour)), "c" + hour,
                    UUID.randomUUID().toString()).id());
        }
        ids.add(book(tenant, "color", "ana", local("2026-03-04T09:00"), "c20", UUID.randomUUID().toString()).id());
        Instant from = local("2026-03-02T00:00");
        Instant to = local("2026-03-09T00:00");

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            BookingList page = calendar.call(tenant, CalendarTools.LIST_BOOKINGS,
                    new ListBookingsInput(from, to, null, null, null, 2, cursor), BookingList.class);
            page.bookings().forEach(b -> seen.add(b.id()));
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null);
        assertThat(seen).containsExactlyElementsOf(ids);
        assertThat(pages).isEqualTo(3);
        // the console's week: one SQL statement for the whole page
        StatementCounter.reset();
        assertThat(bookingQueries.inRange(tenant, new ListBookingsInput(from, to, null, null)).bookings()).hasSize(5);
        assertThat(StatementCounter.count()).isEqualTo(1);

        assertThat(calendar.call(tenant, CalendarTools.LIST_BOOKINGS,
                new ListBookingsInput(from, to, "ana", List.of(BookingStatus.CONFIRMED), "color", null, null),
                BookingList.class).bookings()).extracting(Booking::id).containsExactly(ids.getLast());
        assertThat(calendar.call(tenant, CalendarTools.LIST_BOOKINGS,
                new ListBookingsInput(from, to, "beto", null, null, null, null), BookingList.class).bookings()).isEmpty();
        assertThat(error(() -> calendar.call(tenant, CalendarTools.LIST_BOOKINGS,
                new ListBookingsInput(from, to, null, null, null, null, "garbage"), BookingList.class)).code())
                .isEqualTo("invalid_request");
        assertThat(error(() -> calendar.call(tenant, CalendarTools.LIST_BOOKINGS,
                new ListBookingsInput(from, to, null, null, null, 0, null), BookingList.class)).code())
                .isEqualTo("invalid_request");
    }

    /** Erasure: the patient's bookings keep time and status under the anonymous id; nothing names them. */
    @Test
    void erasingACustomerAnonymisesTheirBookingsAndUndeliveredEvents() {
        String tenant = standardTenant();
        String patient = "+5491100000077";
        Booking first = calendar.call(tenant, CalendarTools.BOOK_CONFIRMED, new BookConfirmedInput("cut", "ana",
                local("2026-03-03T09:00"), patient, "Rosa Erasable", "alergia a la penicilina", STAFF,
                UUID.randomUUID().toString()), Booking.class, false);
        book(tenant, "cut", "ana", local("2026-03-03T10:00"), patient, UUID.randomUUID().toString());
        Booking other = book(tenant, "cut", "ana", local("2026-03-03T11:00"), "+5491100000078",
                UUID.randomUUID().toString());
        // an event the relay has not delivered yet
        jdbc.update("""
                insert into booking_event_outbox (event_id, tenant_id, booking_id, type, actor, customer_id, occurred_at,
                    before_state, after_state, next_attempt_at, created_at)
                values (?, ?, ?, 'cancelled', ?, ?, now(), '{"customer_id": "+5491100000077", "customer_name": "Rosa Erasable", "status": "CONFIRMED"}'::jsonb,
                        '{"customer_id": "+5491100000077", "notes": "alergia", "status": "CANCELLED"}'::jsonb,
                        now() + interval '1 day', now())""", UUID.randomUUID(), tenant, UUID.fromString(first.id()),
                "customer:" + patient, patient);

        var erased = calendar.call(tenant, CalendarTools.ERASE_CUSTOMER,
                new CalendarTools.EraseCustomerInput(patient, "erased:test-1"), CalendarTools.ErasedCustomer.class, false);
        assertThat(erased.rows()).isEqualTo(2);

        assertThat(jdbc.queryForList("select customer_id, customer_name, notes from booking where tenant_id = ? and id <> ?",
                tenant, UUID.fromString(other.id()))).hasSize(2).allSatisfy(row -> {
                    assertThat(row.get("customer_id")).isEqualTo("erased:test-1");
                    assertThat(row.get("customer_name")).isNull();
                    assertThat(row.get("notes")).isNull();
                });
        assertThat(jdbc.queryForObject("select count(*) from booking where tenant_id = ? and status = 'CONFIRMED'",
                Integer.class, tenant)).isEqualTo(3);
        String pending = jdbc.queryForObject("""
                select actor || customer_id || before_state::text || after_state::text from booking_event_outbox
                where tenant_id = ? and type = 'cancelled'""", String.class, tenant);
        assertThat(pending).doesNotContain(patient).doesNotContain("Rosa").doesNotContain("alergia")
                .contains("erased:test-1").contains("CANCELLED");
        assertThat(calendar.call(tenant, CalendarTools.GET_BOOKING, new CalendarTools.BookingIdInput(other.id()),
                Booking.class, false).customerName()).isEqualTo("Cliente +5491100000078");
        // again: nothing left to erase
        assertThat(calendar.call(tenant, CalendarTools.ERASE_CUSTOMER, new CalendarTools.EraseCustomerInput(patient,
                "erased:test-2"), CalendarTools.ErasedCustomer.class, false).rows()).isZero();
        assertThat(error(() -> calendar.call(tenant, CalendarTools.ERASE_CUSTOMER, new CalendarTools.EraseCustomerInput(
                patient, patient), CalendarTools.ErasedCustomer.class, false)).code()).isEqualTo("invalid_request");
    }

    /** The console's week view reads a week of 500 bookings in one page, from one SQL statement. */
    @Test
    void aWeekOfFiveHundredBookingsIsOneStatement() {
        String tenant = newTenant();
        var directory = DIRECTORY.tenant(tenant, BA).service("cut", "Corte", 30, 0);
        java.time.DayOfWeek[] week = java.time.DayOfWeek.values();
        for (String professional : List.of("p1", "p2", "p3")) {
            directory.professional(professional, professional.toUpperCase(), "cut")
                    .hours(professional, com.aiassistants.calendar.support.FakeProfessionals.every("08:00", "20:00", week));
        }
        java.time.LocalDate monday = java.time.LocalDate.of(2026, 3, 9);
        int booked = 0;
        for (int i = 0; booked < 500; i++) {
            String professional = "p" + (i % 3 + 1);
            int slot = i / 3;
            Instant start = local(monday.plusDays(slot / 24) + "T08:00").plus(Duration.ofMinutes(30L * (slot % 24)));
            bookingService.bookConfirmed(tenant, new BookConfirmedInput("cut", professional, start, "c" + i,
                    "Cliente " + i, null, STAFF, UUID.randomUUID().toString()));
            booked++;
        }
        Instant from = local(monday + "T00:00");
        StatementCounter.reset();
        BookingList page = bookingQueries.inRange(tenant, new ListBookingsInput(from, from.plus(Duration.ofDays(7)), null,
                null, null, 1000, null));
        assertThat(StatementCounter.count()).isEqualTo(1);
        assertThat(page.bookings()).hasSize(500);
        assertThat(page.nextCursor()).isNull();
    }
}
