package com.aiassistants.calendar.bookinglog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import com.aiassistants.calendar.config.CalendarProperties;
import com.aiassistants.common.mcp.client.McpToolClient;
import com.aiassistants.common.mcp.client.McpToolError;
import com.aiassistants.common.mcp.client.McpUnavailableException;
import com.aiassistants.common.scheduling.BookingLogTools;
import com.aiassistants.common.scheduling.BookingLogTools.AppendBookingEventInput;
import com.aiassistants.common.scheduling.BookingLogTools.AppendBookingEventsInput;
import com.aiassistants.common.scheduling.BookingLogTools.AppendResult;
import com.aiassistants.common.scheduling.BookingLogTools.AppendResults;
import com.aiassistants.common.tracing.Traces;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Delivers outbox events to mcp-booking-log, oldest first: a tenant's due events in one
 * {@code append_booking_events} call (a lone event by {@code append_booking_event}), idempotent by event id. A failed delivery is retried with exponential backoff (retry-initial doubling up to
 * retry-max) until it succeeds; while the log is unreachable the round stops at the first failure
 * and every claimed event is rescheduled, so an outage loses nothing and floods nothing. Each delivery continues
 * the trace of the request that changed the booking (the event's saved {@code traceparent}).
 */
@Component
public class BookingLogRelay {

    private static final Logger log = LoggerFactory.getLogger(BookingLogRelay.class);

    private final BookingEventOutbox outbox;
    private final McpToolClient client;
    private final CalendarProperties.BookingLog settings;
    private final Clock clock;
    private final Counter delivered;
    private final Counter failures;
    private final Traces traces;

    public BookingLogRelay(BookingEventOutbox outbox, @Qualifier("bookingLogClient") McpToolClient client,
            CalendarProperties properties, Clock clock, MeterRegistry meterRegistry, ObjectProvider<Traces> traces) {
        this.outbox = outbox;
        this.traces = traces.getIfAvailable(() -> Traces.NONE);
        this.client = client;
        this.settings = properties.bookingLog();
        this.clock = clock;
        this.delivered = Counter.builder("calendar.booking_log.delivered").description("booking events delivered")
                .register(meterRegistry);
        this.failures = Counter.builder("calendar.booking_log.failures").description("failed delivery attempts")
                .register(meterRegistry);
        Gauge.builder("calendar.booking_log.pending", outbox, BookingEventOutbox::pending)
                .description("booking events waiting in the outbox").register(meterRegistry);
    }

    /** One delivery round; returns how many events were delivered. */
    public int deliverDue() {
        int total = 0;
        while (true) {
            Instant now = clock.instant();
            Duration lease = settings.timeout().multipliedBy(2).plus(settings.retryInitial());
            List<BookingEventOutbox.PendingEvent> batch = outbox.claimDue(now, lease, settings.batchSize());
            if (batch.isEmpty()) {
                return total;
            }
            List<List<BookingEventOutbox.PendingEvent>> calls = byTenant(batch);
            for (int i = 0; i < calls.size(); i++) {
                try {
                    total += deliver(calls.get(i));
                } catch (McpUnavailableException e) {
                    List<BookingEventOutbox.PendingEvent> unsent = calls.subList(i, calls.size()).stream()
                            .flatMap(List::stream).toList();
                    failures.increment();
                    log.warn("booking log unavailable, {} events rescheduled (attempt {}): {}", unsent.size(),
                            unsent.getFirst().attempts() + 1, e.getMessage());
                    for (var event : unsent) {
                        outbox.failed(event.eventId(), clock.instant().plus(settings.backoff(event.attempts() + 1)),
                                e.getMessage());
                    }
                    return total;
                }
            }
            if (batch.size() < settings.batchSize()) {
                return total;
            }
        }
    }

    /**
     * The claimed events as calls: one per tenant (the tenant travels as a header), each at most
     * {@link BookingLogTools#MAX_EVENTS_PER_APPEND} events, oldest first within a tenant.
     */
    private static List<List<BookingEventOutbox.PendingEvent>> byTenant(List<BookingEventOutbox.PendingEvent> batch) {
        Map<String, List<BookingEventOutbox.PendingEvent>> tenants = new LinkedHashMap<>();
        batch.forEach(event -> tenants.computeIfAbsent(event.tenantId(), t -> new ArrayList<>()).add(event));
        List<List<BookingEventOutbox.PendingEvent>> calls = new ArrayList<>();
        for (List<BookingEventOutbox.PendingEvent> events : tenants.values()) {
            for (int from = 0; from < events.size(); from += BookingLogTools.MAX_EVENTS_PER_APPEND) {
                calls.add(events.subList(from, Math.min(events.size(), from + BookingLogTools.MAX_EVENTS_PER_APPEND)));
            }
        }
        return calls;
    }

    /**
     * Delivers one tenant's events: a single event alone, several in one {@code append_booking_events} call (in the
     * trace of the first). When the log refuses the call, each event is sent alone so that only the refused ones wait
     * for a retry. Returns how many were delivered; a {@link McpUnavailableException} reaches the caller.
     */
    private int deliver(List<BookingEventOutbox.PendingEvent> events) {
        if (events.size() > 1) {
            try {
                traces.continueFrom(events.getFirst().traceHeaders(), "booking log relay", () -> appendAll(events));
                outbox.delivered(events.stream().map(BookingEventOutbox.PendingEvent::eventId).toList());
                delivered.increment(events.size());
                return events.size();
            } catch (McpToolError e) {
                log.info("booking log refused a batch of {} events ({} {}); sending them one by one", events.size(),
                        e.code(), e.getMessage());
            }
        }
        int sent = 0;
        for (var event : events) {
            try {
                send(event);
                outbox.delivered(event.eventId());
                delivered.increment();
                sent++;
            } catch (McpToolError e) {
                // the log refused this one event: retry it later, keep delivering the others
                failures.increment();
                log.warn("booking log refused event {} (attempt {}): {} {}", event.eventId(), event.attempts() + 1,
                        e.code(), e.getMessage());
                outbox.failed(event.eventId(), clock.instant().plus(settings.backoff(event.attempts() + 1)),
                        e.code() + ": " + e.getMessage());
            }
        }
        return sent;
    }

    /** In the trace of the request that changed the booking (a new trace for an event stored without one). */
    private void send(BookingEventOutbox.PendingEvent event) {
        traces.continueFrom(event.traceHeaders(), "booking log relay", () -> append(event));
    }

    private AppendResult append(BookingEventOutbox.PendingEvent event) {
        return client.call(event.tenantId(), BookingLogTools.APPEND_BOOKING_EVENT, input(event), AppendResult.class, true);
    }

    private AppendResults appendAll(List<BookingEventOutbox.PendingEvent> events) {
        return client.call(events.getFirst().tenantId(), BookingLogTools.APPEND_BOOKING_EVENTS,
                new AppendBookingEventsInput(events.stream().map(BookingLogRelay::input).toList()), AppendResults.class, true);
    }

    private static AppendBookingEventInput input(BookingEventOutbox.PendingEvent event) {
        return new AppendBookingEventInput(event.eventId().toString(), event.bookingId().toString(), event.type(),
                event.actor(), event.customerId(), event.professionalId(), event.occurredAt(), event.before(), event.after());
    }
}
