package com.aiassistants.calendar.google;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code google_busy} rows, and which Google events are busy time: not cancelled, not "transparent" (shown as
 * free), not declined by the calendar's owner, and not one of the events we write for bookings (those bookings
 * already block their time). All-day events block their dates in the calendar's time zone.
 */
@Component
class BusyTimes {

    /** Event ids of our booking events: {@code aiab} + the booking id's 32 hex digits (base32hex, 36 characters). */
    static final String OWN_PREFIX = "aiab";

    private final JdbcClient jdbc;

    BusyTimes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static String eventId(UUID bookingId) {
        return OWN_PREFIX + bookingId.toString().replace("-", "");
    }

    static boolean ours(String eventId) {
        return eventId != null && eventId.startsWith(OWN_PREFIX) && eventId.length() == OWN_PREFIX.length() + 32;
    }

    /** The busy interval of an event, or empty when it does not block time. */
    static Optional<Instant[]> busy(GoogleWire.Event event, ZoneId calendarZone) {
        if (event.id() == null || "cancelled".equals(event.status()) || "transparent".equals(event.transparency())
                || event.start() == null || event.end() == null) {
            return Optional.empty();
        }
        if (event.attendees() != null && event.attendees().stream()
                .anyMatch(a -> Boolean.TRUE.equals(a.self()) && "declined".equals(a.responseStatus()))) {
            return Optional.empty();
        }
        try {
            Instant start = instant(event.start(), calendarZone);
            Instant end = instant(event.end(), calendarZone);
            return start == null || end == null || !end.isAfter(start) ? Optional.empty()
                    : Optional.of(new Instant[] {start, end});
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Instant instant(GoogleWire.EventTime time, ZoneId calendarZone) {
        if (time.dateTime() != null) {
            return OffsetDateTime.parse(time.dateTime()).toInstant();
        }
        if (time.date() != null) {
            ZoneId zone = time.timeZone() == null ? calendarZone : ZoneId.of(time.timeZone());
            return LocalDate.parse(time.date()).atStartOfDay(zone).toInstant();
        }
        return null;
    }

    /** Replaces every busy time of the professional (a full sync), inside the caller's transaction. */
    void replaceAll(String tenantId, String professionalId, List<GoogleWire.Event> events, ZoneId zone) {
        jdbc.sql("DELETE FROM google_busy WHERE tenant_id = ? AND professional_id = ?")
                .params(tenantId, professionalId).update();
        apply(tenantId, professionalId, events, zone);
    }

    /** Applies changed events: busy ones are stored (or moved), the others removed; our own events are skipped. */
    void apply(String tenantId, String professionalId, List<GoogleWire.Event> events, ZoneId zone) {
        for (GoogleWire.Event event : events) {
            if (event.id() == null || ours(event.id())) {
                continue;
            }
            Optional<Instant[]> busy = busy(event, zone);
            if (busy.isPresent()) {
                jdbc.sql("""
                        INSERT INTO google_busy (tenant_id, professional_id, event_id, starts_at, ends_at)
                        VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (tenant_id, professional_id, event_id)
                        DO UPDATE SET starts_at = EXCLUDED.starts_at, ends_at = EXCLUDED.ends_at
                        """).params(tenantId, professionalId, event.id(), GoogleConnections.utc(busy.get()[0]),
                                GoogleConnections.utc(busy.get()[1])).update();
            } else {
                jdbc.sql("DELETE FROM google_busy WHERE tenant_id = ? AND professional_id = ? AND event_id = ?")
                        .params(tenantId, professionalId, event.id()).update();
            }
        }
    }
}
