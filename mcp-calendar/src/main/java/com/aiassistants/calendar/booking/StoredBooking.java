package com.aiassistants.calendar.booking;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

import com.aiassistants.common.scheduling.CalendarTools.Attendance;
import com.aiassistants.common.scheduling.CalendarTools.Booking;
import com.aiassistants.common.scheduling.CalendarTools.BookingStatus;

/** A booking row as stored, including what callers never see (tenant, idempotency key, buffer end, version). */
record StoredBooking(UUID id, String tenantId, String shortCode, String idempotencyKey, BookingStatus status,
        String serviceId, String serviceName, String professionalId, String professionalName, String customerId,
        String customerName, Instant start, Instant end, Instant blockedUntil, String timeZone, String notes,
        String channel, Instant holdExpiresAt, Instant createdAt, Instant updatedAt, int version, Attendance attendance) {

    /** The status a caller sees: a HELD booking whose hold ran out is EXPIRED even before the sweeper flips it. */
    BookingStatus effectiveStatus(Instant now) {
        return status == BookingStatus.HELD && !holdExpiresAt.isAfter(now) ? BookingStatus.EXPIRED : status;
    }

    boolean activeAt(Instant now) {
        BookingStatus effective = effectiveStatus(now);
        return effective == BookingStatus.HELD || effective == BookingStatus.CONFIRMED;
    }

    Booking view(Instant now) {
        BookingStatus effective = effectiveStatus(now);
        return new Booking(id.toString(), shortCode, effective, serviceId, serviceName, professionalId,
                professionalName, customerId, customerName, start, end, start.atZone(ZoneId.of(timeZone)).toLocalDateTime(),
                timeZone, notes, channel, effective == BookingStatus.HELD ? holdExpiresAt : null, createdAt, updatedAt, attendance,
                version);
    }
}
