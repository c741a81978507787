package com.aiassistants.calendar.google;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Writes marked bookings to their professional's Google Calendar: a booking that holds the professional's time
 * (CONFIRMED, COMPLETED, NO_SHOW) is an event whose id derives from the booking id ({@link BusyTimes#eventId}),
 * inserted or, when it exists already (409), replaced; any other state (cancelled, expired, moved to another
 * professional, erased) deletes it. The same id on every attempt makes retries idempotent: a write Google
 * performed but did not confirm is found by the next attempt's 409. Failures wait {@code retry-initial} doubling
 * to {@code retry-max} and are retried until written. Metrics: {@code calendar.google.events{outcome}},
 * gauge {@code calendar.google.events.pending}.
 */
@Component
class GoogleEventRelay {

    private static final Logger log = LoggerFactory.getLogger(GoogleEventRelay.class);
    private static final Set<String> HOLDS_TIME = Set.of("CONFIRMED", "COMPLETED", "NO_SHOW");

    private final GoogleEventOutbox outbox;
    private final GoogleConnections connections;
    private final GoogleCalendarClient calendar;
    private final AccessTokens tokens;
    private final GoogleProperties properties;
    private final GoogleKeys keys;
    private final Clock clock;
    private final MeterRegistry meters;

    GoogleEventRelay(GoogleEventOutbox outbox, GoogleConnections connections, GoogleCalendarClient calendar,
            AccessTokens tokens, GoogleProperties properties, GoogleKeys keys, Clock clock, MeterRegistry meters) {
        this.outbox = outbox;
        this.connections = connections;
        this.calendar = calendar;
        this.tokens = tokens;
        this.properties = properties;
        this.keys = keys;
        this.clock = clock;
        this.meters = meters;
        Gauge.builder("calendar.google.events.pending", outbox, GoogleEventOutbox::pending)
                .description("booking changes waiting to be written to Google Calendar").register(meters);
    }

    /** One round; returns how many rows were written. */
    int writeDue() {
        if (!keys.enabled()) {
            return 0;
        }
        Duration lease = properties.timeout().multipliedBy(3L * (properties.retries() + 1)).plusSeconds(10);
        List<GoogleEventOutbox.Pending> batch = outbox.claimDue(clock.instant(), lease, properties.batchSize());
        int written = 0;
        for (int i = 0; i < batch.size(); i++) {
            GoogleEventOutbox.Pending row = batch.get(i);
            try {
                String outcome = write(row);
                outbox.done(row);
                meters.counter("calendar.google.events", "outcome", outcome).increment();
                written++;
            } catch (GoogleHttp.GoogleUnavailableException e) {
                // Google is down: this row and the rest of the round wait for their next attempt
                for (GoogleEventOutbox.Pending unsent : batch.subList(i, batch.size())) {
                    fail(unsent, e.getMessage());
                }
                return written;
            } catch (GoogleCalendarClient.UnauthorizedException e) {
                tokens.forget(row.tenantId(), row.professionalId());
                fail(row, e.getMessage());
            } catch (GoogleOAuthClient.OAuthRefusedException e) {
                connections.failed(row.tenantId(), row.professionalId(),
                        "Google refused the stored grant (" + e.error() + "); connect again", true, clock.instant(),
                        clock.instant().plus(properties.syncInterval()));
                fail(row, e.getMessage());
            } catch (RuntimeException e) {
                fail(row, e.getMessage());
            }
        }
        return written;
    }

    private String write(GoogleEventOutbox.Pending row) {
        Optional<GoogleConnections.Stored> connection = connections.find(row.tenantId(), row.professionalId());
        if (connection.isEmpty()) {
            return "no_connection";
        }
        if ("ERROR".equals(connection.get().status())) {
            throw new IllegalStateException("the Google connection needs to be connected again");
        }
        String token = tokens.get(connection.get());
        String calendarId = connection.get().calendarId();
        String eventId = BusyTimes.eventId(row.bookingId());
        Optional<GoogleEventOutbox.BookingState> booking = outbox.booking(row.tenantId(), row.bookingId())
                .filter(b -> b.professionalId().equals(row.professionalId()) && HOLDS_TIME.contains(b.status()));
        if (booking.isEmpty()) {
            calendar.delete(token, calendarId, eventId);
            return "deleted";
        }
        GoogleWire.EventBody event = event(eventId, booking.get());
        if (!calendar.insert(token, calendarId, event)) {
            calendar.update(token, calendarId, event);
            return "updated";
        }
        return "created";
    }

    /** No patient data goes to Google: service, short code and time only (an erasure has nothing to chase there). */
    static GoogleWire.EventBody event(String eventId, GoogleEventOutbox.BookingState booking) {
        ZoneId zone = ZoneId.of(booking.timeZone());
        String service = booking.serviceName() == null ? "Turno" : booking.serviceName();
        return new GoogleWire.EventBody(eventId, "confirmed", service + " (" + booking.shortCode() + ")",
                "Booking " + booking.shortCode() + " from ai-assistants. Change or cancel it in the console; "
                        + "edits made here are overwritten.",
                time(booking.start(), zone), time(booking.end(), zone), "opaque",
                Map.of("private", Map.of("aiAssistantsBooking", booking.shortCode())));
    }

    private static GoogleWire.EventTime time(Instant instant, ZoneId zone) {
        return new GoogleWire.EventTime(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(zone)
                .toOffsetDateTime()), null, zone.getId());
    }

    private void fail(GoogleEventOutbox.Pending row, String error) {
        meters.counter("calendar.google.events", "outcome", "failed").increment();
        log.warn("google calendar write of booking {} failed (attempt {}): {}", row.bookingId(), row.attempts() + 1,
                error);
        outbox.failed(row, clock.instant().plus(properties.backoff(row.attempts() + 1)), error);
    }
}
