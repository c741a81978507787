package com.aiassistants.calendar.google;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Booking changes waiting to be written to a professional's Google Calendar. {@link #enqueue} runs in the
 * transaction of the change, so a committed change is never forgotten and a Google outage never blocks it; one row
 * per (booking, professional) carries only "write this booking's current state", so ten quick changes are one write.
 */
@Component
public class GoogleEventOutbox {

    /** A claimed row; {@code version} tells whether a newer change arrived while it was being written. */
    record Pending(String tenantId, UUID bookingId, String professionalId, int version, int attempts) {
    }

    private final JdbcClient jdbc;

    GoogleEventOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inside the booking change's transaction: marks the booking for writing to the professional's calendar, when
     * the professional has connected one (one statement; nothing when not).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void enqueue(String tenantId, UUID bookingId, String professionalId, Instant now) {
        jdbc.sql("""
                INSERT INTO google_event_outbox (tenant_id, booking_id, professional_id, next_attempt_at, created_at)
                SELECT ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM google_connection
                                                    WHERE tenant_id = ? AND professional_id = ?)
                ON CONFLICT (tenant_id, booking_id, professional_id) DO UPDATE
                   SET version = google_event_outbox.version + 1, attempts = 0,
                       next_attempt_at = EXCLUDED.next_attempt_at, last_error = NULL
                """).params(tenantId, bookingId, professionalId, GoogleConnections.utc(now),
                        GoogleConnections.utc(now), tenantId, professionalId).update();
    }

    List<Pending> claimDue(Instant now, Duration lease, int limit) {
        return jdbc.sql("""
                UPDATE google_event_outbox SET next_attempt_at = :lease
                 WHERE (tenant_id, booking_id, professional_id) IN (
                        SELECT tenant_id, booking_id, professional_id FROM google_event_outbox
                         WHERE next_attempt_at <= :now ORDER BY next_attempt_at LIMIT :limit FOR UPDATE SKIP LOCKED)
                RETURNING tenant_id, booking_id, professional_id, version, attempts""")
                .param("now", GoogleConnections.utc(now)).param("lease", GoogleConnections.utc(now.plus(lease)))
                .param("limit", limit)
                .query((rs, n) -> new Pending(rs.getString(1), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getInt(4), rs.getInt(5)))
                .list();
    }

    /** Written: the row goes, unless a newer change re-marked it meanwhile. */
    void done(Pending row) {
        jdbc.sql("""
                DELETE FROM google_event_outbox WHERE tenant_id = ? AND booking_id = ? AND professional_id = ?
                   AND version = ?""").params(row.tenantId(), row.bookingId(), row.professionalId(), row.version())
                .update();
    }

    void failed(Pending row, Instant nextAttemptAt, String error) {
        jdbc.sql("""
                UPDATE google_event_outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ?
                 WHERE tenant_id = ? AND booking_id = ? AND professional_id = ? AND version = ?""")
                .params(GoogleConnections.utc(nextAttemptAt), GoogleConnections.truncate(error), row.tenantId(),
                        row.bookingId(), row.professionalId(), row.version())
                .update();
    }

    int pending() {
        return jdbc.sql("SELECT count(*) FROM google_event_outbox").query(Integer.class).single();
    }

    int pending(String tenantId, String professionalId) {
        return jdbc.sql("SELECT count(*) FROM google_event_outbox WHERE tenant_id = ? AND professional_id = ?")
                .params(tenantId, professionalId).query(Integer.class).single();
    }

    /** What the relay writes: the booking as it is now (empty when it is gone). */
    record BookingState(String status, String professionalId, Instant start, Instant end, String serviceName,
            String shortCode, String timeZone) {
    }

    java.util.Optional<BookingState> booking(String tenantId, UUID bookingId) {
        return jdbc.sql("""
                SELECT status, professional_id, starts_at, ends_at, service_name, short_code, time_zone
                  FROM booking WHERE tenant_id = ? AND id = ?""").params(tenantId, bookingId)
                .query((rs, n) -> new BookingState(rs.getString(1), rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant(),
                        rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getString(5), rs.getString(6),
                        rs.getString(7)))
                .optional();
    }
}
