package com.aiassistants.calendar.bookinglog;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;

import com.aiassistants.calendar.support.CalendarIntegrationTest;
import com.aiassistants.calendar.support.FakeMcpServer;
import com.aiassistants.calendar.support.FakeBookingLog.Received;
import com.aiassistants.common.mcp.client.McpTarget;
import com.aiassistants.common.mcp.client.McpToolClient;
import com.aiassistants.common.scheduling.BookingLogTools;
import com.aiassistants.common.scheduling.CalendarTools;
import com.aiassistants.common.scheduling.CalendarTools.Booking;
import com.aiassistants.common.scheduling.CalendarTools.CancelBookingInput;
import com.aiassistants.common.scheduling.CalendarTools.ConfirmBookingInput;
import com.aiassistants.common.scheduling.CalendarTools.RescheduleBookingInput;
import com.aiassistants.common.tracing.Traces;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

/** Every booking change reaches mcp-booking-log through the outbox, also across an outage. */
class BookingLogDeliveryTest extends CalendarIntegrationTest {

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    List<String> types(String bookingId) {
        return BOOKING_LOG.eventsFor(bookingId).stream().map(r -> r.event().type()).toList();
    }

    @Test
    void everyChangeIsLoggedWithActorAndBeforeAfterState() throws Exception {
        String tenant = standardTenant();
        Booking held = calendar.call(tenant, CalendarTools.HOLD_SLOT, hold("cut", "ana", local("2026-03-03T09:00"), "c1"),
                Booking.class);
        calendar.call(tenant, CalendarTools.CONFIRM_BOOKING, new ConfirmBookingInput(held.id(), "c1"), Booking.class);
        calendar.call(tenant, CalendarTools.RESCHEDULE_BOOKING,
                new RescheduleBookingInput(held.id(), local("2026-03-03T10:00"), null, null), Booking.class);
        calendar.call(tenant, CalendarTools.CANCEL_BOOKING, new CancelBookingInput(held.id(), "enfermo", "c1"),
                Booking.class);
        Booking stale = calendar.call(tenant, CalendarTools.HOLD_SLOT,
                hold("cut", "ana", local("2026-03-03T11:00"), "c2"), Booking.class);
        clock.advance(Duration.ofMinutes(6));
        calendar.call(tenant, CalendarTools.HOLD_SLOT, hold("cut", "ana", local("2026-03-03T11:00"), "c3"), Booking.class);

        await("the lifecycle events", () -> types(held.id()).size() == 4 && types(stale.id()).size() == 2);
        assertThat(types(held.id())).containsExactly("held", "confirmed", "rescheduled", "cancelled");
        assertThat(types(stale.id())).containsExactly("held", "expired");
        List<Received> events = BOOKING_LOG.eventsFor(held.id());
        assertThat(events).allSatisfy(r -> {
            assertThat(r.tenantId()).isEqualTo(tenant);
            assertThat(r.event().professionalId()).isEqualTo("ana");
            assertThat(r.event().customerId()).isEqualTo("c1");
        });
        assertThat(events.get(0).event().actor()).isEqualTo("customer:c1");
        assertThat(events.get(2).event().actor()).isEqualTo("service:test");
        assertThat(events.get(2).event().before()).containsEntry("local_start", "2026-03-03T09:00:00");
        assertThat(events.get(2).event().after()).containsEntry("local_start", "2026-03-03T10:00:00");
        assertThat(events.get(3).event().after()).containsEntry("status", "CANCELLED").containsEntry("reason", "enfermo");
        assertThat(BOOKING_LOG.eventsFor(stale.id()).get(1).event().actor()).isEqualTo("system");
    }

    @Test
    void eventsWrittenDuringALogOutageArriveAfterItIsBackAcrossSeveralRetries() throws Exception {
        String tenant = standardTenant();
        BOOKING_LOG_SERVER.stop();
        Booking held = calendar.call(tenant, CalendarTools.HOLD_SLOT, hold("cut", "ana", local("2026-03-03T09:00"), "c1"),
                Booking.class);
        calendar.call(tenant, CalendarTools.CONFIRM_BOOKING, new ConfirmBookingInput(held.id(), null), Booking.class);
        // booking changes keep working while the log is down; the events wait in the outbox and are retried
        await("three failed delivery attempts", () -> minAttempts(held.id()) >= 3);
        assertThat(types(held.id())).isEmpty();
        assertThat(jdbc.queryForObject("select max(last_error) from booking_event_outbox where booking_id = ?::uuid",
                String.class, held.id())).isNotBlank();

        Instant restarted = Instant.now();
        BOOKING_LOG_SERVER.start();
        await("delivery after the outage", () -> types(held.id()).size() == 2);
        assertThat(types(held.id())).containsExactly("held", "confirmed");
        assertThat(BOOKING_LOG.eventsFor(held.id())).allSatisfy(r -> assertThat(r.event().recordedAt()).isAfter(restarted));
        await("an empty outbox", () -> jdbc.queryForObject(
                "select count(*) from booking_event_outbox where booking_id = ?::uuid", Integer.class, held.id()) == 0);
    }

    @Test
    void theDeliveryContinuesTheTraceOfTheRequestThatChangedTheBooking() throws Exception {
        String tenant = standardTenant();
        // a caller in a trace (backend-api's turn): its client span's traceparent goes with the tool call
        Traces callerTraces = new Traces(() -> tracer, () -> propagator);
        Span message = tracer.nextSpan().name("a patient's message").start();
        String traceId = message.context().traceId();
        assertThat(traceId).as("tracing is on in this context").isNotBlank();
        BOOKING_LOG_SERVER.stop();
        Booking held;
        try (McpToolClient traced = new McpToolClient("mcp-calendar", new McpTarget(URI.create("http://localhost:" + port),
                TOKEN, Duration.ofSeconds(60), 0), "test", null, callerTraces);
                Tracer.SpanInScope ignored = tracer.withSpan(message)) {
            held = traced.call(tenant, CalendarTools.HOLD_SLOT, hold("cut", "ana", local("2026-03-03T09:00"), "c1"),
                    Booking.class);
        } finally {
            message.end();
        }
        // the event waits in the outbox with the request's trace context, so a later delivery (a retry, another
        // instance, after a restart) still belongs to the message's trace
        String stored = jdbc.queryForObject("select trace_parent from booking_event_outbox where booking_id = ?::uuid",
                String.class, held.id());
        assertThat(stored).startsWith("00-" + traceId + "-");

        BOOKING_LOG_SERVER.start();
        await("the held event", () -> types(held.id()).size() == 1);
        List<FakeMcpServer.Call> appends = BOOKING_LOG_SERVER.calls().stream()
                .filter(c -> c.tool().equals(BookingLogTools.APPEND_BOOKING_EVENT))
                .filter(c -> held.id().equals(c.arguments().get("booking_id"))).toList();
        assertThat(appends).isNotEmpty().allSatisfy(c -> assertThat(c.traceParent()).as("the relay's call")
                .isNotNull().startsWith("00-" + traceId + "-").isNotEqualTo(stored));
    }

    @org.springframework.beans.factory.annotation.Autowired
    Tracer tracer;
    @org.springframework.beans.factory.annotation.Autowired
    Propagator propagator;

    int minAttempts(String bookingId) {
        Integer attempts = jdbc.queryForObject(
                "select min(attempts) from booking_event_outbox where booking_id = ?::uuid", Integer.class, bookingId);
        return attempts == null ? 0 : attempts;
    }
}
