package com.aiassistants.calendar.booking;

import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Component;

import com.aiassistants.calendar.bookinglog.BookingEventOutbox;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * What every committed booking change leaves behind, inside its transaction: the booking-log event in the outbox
 * and the {@code calendar.bookings.changes{outcome}} count.
 */
@Component
class BookingChanges {

    private final BookingEventOutbox outbox;
    private final MeterRegistry meterRegistry;

    BookingChanges(BookingEventOutbox outbox, MeterRegistry meterRegistry) {
        this.outbox = outbox;
        this.meterRegistry = meterRegistry;
    }

    /** Must run inside the transaction that made the change. */
    void record(String tenantId, UUID bookingId, String event, String actor, String customerId, String professionalId,
            Instant now, Object before, Object after) {
        outbox.record(tenantId, bookingId, event, actor, customerId, professionalId, now, before, after);
        count(event);
    }

    /** A patient's erasure in what is still waiting to be delivered. */
    void eraseCustomer(String tenantId, String customerId, String replacementId) {
        outbox.eraseCustomer(tenantId, customerId, replacementId);
    }

    void count(String outcome) {
        meterRegistry.counter("calendar.bookings.changes", "outcome", outcome).increment();
    }
}
