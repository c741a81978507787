package com.aiassistants.calendar.booking;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;

import com.aiassistants.calendar.bookinglog.BookingEventOutbox;
import com.aiassistants.calendar.google.GoogleEventOutbox;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * What every committed booking change leaves behind, inside its transaction: the booking-log event in the outbox,
 * the {@code calendar.bookings.changes{outcome}} count and, when the professional connected a Google Calendar and
 * the change concerns it (not a hold or its expiry), the mark that the booking must be written there.
 */
@Component
class BookingChanges {

    /** Events that change what a professional's Google Calendar shows (holds are not written there). */
    private static final Set<String> CALENDAR_EVENTS = Set.of("confirmed", "cancelled", "rescheduled", "completed",
            "no_show");

    private final BookingEventOutbox outbox;
    private final GoogleEventOutbox googleEvents;
    private final MeterRegistry meterRegistry;

    BookingChanges(BookingEventOutbox outbox, GoogleEventOutbox googleEvents, MeterRegistry meterRegistry) {
        this.outbox = outbox;
        this.googleEvents = googleEvents;
        this.meterRegistry = meterRegistry;
    }

    /** Must run inside the transaction that made the change. */
    void record(String tenantId, UUID bookingId, String event, String actor, String customerId, String professionalId,
            Instant now, Object before, Object after) {
        outbox.record(tenantId, bookingId, event, actor, customerId, professionalId, now, before, after);
        if (CALENDAR_EVENTS.contains(event)) {
            googleEvents.enqueue(tenantId, bookingId, professionalId, now);
        }
        count(event);
    }

    /** Inside the transaction of a move away from {@code professionalId}: its calendar must drop the event. */
    void leftProfessional(String tenantId, UUID bookingId, String professionalId, Instant now) {
        googleEvents.enqueue(tenantId, bookingId, professionalId, now);
    }

    /** A patient's erasure in what is still waiting to be delivered. */
    void eraseCustomer(String tenantId, String customerId, String replacementId) {
        outbox.eraseCustomer(tenantId, customerId, replacementId);
    }

    void count(String outcome) {
        meterRegistry.counter("calendar.bookings.changes", "outcome", outcome).increment();
    }
}
