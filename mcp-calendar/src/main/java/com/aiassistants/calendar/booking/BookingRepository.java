package com.aiassistants.calendar.booking;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.aiassistants.common.scheduling.CalendarTools.Attendance;
import com.aiassistants.common.scheduling.CalendarTools.BookingStatus;

/** SQL for the booking table. State changes are compare-and-set on (status, version). */
@Repository
class BookingRepository {

    static final String IDEMPOTENCY_CONSTRAINT = "booking_idempotency_unique";
    static final String SHORT_CODE_CONSTRAINT = "booking_short_code_unique";
    private static final String EFFECTIVE_STATUS =
            "CASE WHEN status = 'HELD' AND hold_expires_at <= :now THEN 'EXPIRED' ELSE status END";

    /**
     * The advisory locks, written once: a customer's (parameters: tenant, customer) and one per day of a
     * professional's calendar (parameter: a {@link ProfessionalDays#keys()} key). A hold takes both kinds in one
     * statement, erasure the customer's, reschedule the days', and all must agree on the keys. Single-key advisory
     * locks do not share a key space with the two-key customer locks.
     */
    private static final String CUSTOMER_LOCK = "pg_advisory_xact_lock(hashtext(?), hashtext(?))";
    private static final String DAY_LOCK = "pg_advisory_xact_lock(hashtextextended(?, 0))";

    private final JdbcClient jdbc;

    BookingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(StoredBooking b) {
        jdbc.sql("""
                INSERT INTO booking (id, tenant_id, short_code, idempotency_key, status, service_id, service_name,
                    professional_id, professional_name, customer_id, customer_name, starts_at, ends_at, blocked_until,
                    time_zone, notes, channel, hold_expires_at, created_at, updated_at, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(b.id(), b.tenantId(), b.shortCode(), b.idempotencyKey(), b.status().name(), b.serviceId(),
                        b.serviceName(), b.professionalId(), b.professionalName(), b.customerId(), b.customerName(),
                        utc(b.start()), utc(b.end()), utc(b.blockedUntil()), b.timeZone(), b.notes(), b.channel(),
                        utc(b.holdExpiresAt()), utc(b.createdAt()), utc(b.updatedAt()), b.version())
                .update();
    }

    Optional<StoredBooking> findByIdempotencyKey(String tenantId, String key) {
        return jdbc.sql("SELECT * FROM booking WHERE tenant_id = ? AND idempotency_key = ?")
                .params(tenantId, key).query(MAPPER).optional();
    }

    Optional<StoredBooking> findById(String tenantId, UUID id) {
        return jdbc.sql("SELECT * FROM booking WHERE tenant_id = ? AND id = ?").params(tenantId, id).query(MAPPER)
                .optional();
    }

    Optional<StoredBooking> findByShortCode(String tenantId, String code) {
        return jdbc.sql("SELECT * FROM booking WHERE tenant_id = ? AND short_code = ?").params(tenantId, code)
                .query(MAPPER).optional();
    }

    /** Serialises a customer's changes (transaction-scoped); a hold takes it with {@link #lockCustomerAndProfessional}. */
    void lockCustomer(String tenantId, String customerId) {
        jdbc.sql("SELECT " + CUSTOMER_LOCK).params(tenantId, customerId).query((rs, n) -> 1).list();
    }

    /**
     * Serialises writers of the same days of one professional's calendar inside the transaction, day by day in
     * ascending order. The exclusion constraint alone stays correct, but concurrent inserts of overlapping ranges of
     * different lengths can deadlock while it is checked; queuing them here makes each loser a clean "slot taken"
     * instead. Overlapping ranges always share a day, so they always queue.
     */
    void lockDays(ProfessionalDays target) {
        jdbc.sql("SELECT " + dayLocks(target)).params(target.keys().toArray()).query((rs, n) -> 1).list();
    }

    /**
     * A hold's locks in one round trip, the customer's before the days' (the only order any transaction takes both
     * kinds in): the customer's, so that concurrent holds of one customer count their pending holds one after the
     * other, and the days' ({@link #lockDays}).
     */
    void lockCustomerAndDays(String tenantId, String customerId, ProfessionalDays target) {
        List<Object> params = new ArrayList<>(List.of(tenantId, customerId));
        params.addAll(target.keys());
        jdbc.sql("SELECT " + CUSTOMER_LOCK + ", " + dayLocks(target)).params(params.toArray()).query((rs, n) -> 1)
                .list();
    }

    /** One {@link #DAY_LOCK} per day, in the days' order (a select list is evaluated left to right). */
    private static String dayLocks(ProfessionalDays target) {
        return String.join(", ", Collections.nCopies(target.days().size(), DAY_LOCK));
    }

    /**
     * What a new booking finds once it holds its locks: the booking its idempotency key already made, if any, and the
     * customer's pending holds.
     */
    record HoldCheck(Optional<StoredBooking> existing, int activeHolds) {
    }

    /** {@link HoldCheck} in one statement (the idempotency lookup and the count of pending holds). */
    HoldCheck holdCheck(String tenantId, String customerId, String idempotencyKey, Instant now) {
        return jdbc.sql("""
                SELECT b.*, (SELECT count(*) FROM booking
                              WHERE tenant_id = :tenant AND customer_id = :customer AND status = 'HELD'
                                AND hold_expires_at > :now) AS active_holds
                  FROM (SELECT 1) AS one
                  LEFT JOIN booking b ON b.tenant_id = :tenant AND b.idempotency_key = :key
                """).param("tenant", tenantId).param("customer", customerId).param("now", utc(now))
                .param("key", idempotencyKey)
                .query((rs, n) -> new HoldCheck(rs.getObject("id") == null ? Optional.empty()
                        : Optional.of(MAPPER.mapRow(rs, n)), rs.getInt("active_holds")))
                .single();
    }

    /** Flips stale holds of one professional overlapping [from, to) to EXPIRED so they stop blocking. */
    List<StoredBooking> expireStaleHolds(String tenantId, String professionalId, Instant from, Instant to, Instant now) {
        return jdbc.sql("""
                UPDATE booking SET status = 'EXPIRED', updated_at = :now, version = version + 1
                 WHERE tenant_id = :tenant AND professional_id = :professional
                   AND status = 'HELD' AND hold_expires_at <= :now
                   AND tstzrange(starts_at, blocked_until, '[)') && tstzrange(:from, :to, '[)')
                RETURNING *
                """).param("now", utc(now)).param("tenant", tenantId).param("professional", professionalId)
                .param("from", utc(from)).param("to", utc(to)).query(MAPPER).list();
    }

    /** Flips up to {@code limit} stale holds of any tenant to EXPIRED (the sweeper). */
    List<StoredBooking> expireStaleHolds(Instant now, int limit) {
        return jdbc.sql("""
                UPDATE booking SET status = 'EXPIRED', updated_at = :now, version = version + 1
                 WHERE id IN (SELECT id FROM booking WHERE status = 'HELD' AND hold_expires_at <= :now
                               ORDER BY hold_expires_at LIMIT :limit FOR UPDATE SKIP LOCKED)
                   AND status = 'HELD'
                RETURNING *
                """).param("now", utc(now)).param("limit", limit).query(MAPPER).list();
    }

    /** Compare-and-set of the status; empty when someone else changed the booking first. */
    Optional<StoredBooking> changeStatus(StoredBooking current, BookingStatus to, Instant now) {
        return jdbc.sql("""
                UPDATE booking SET status = ?, updated_at = ?, version = version + 1,
                       hold_expires_at = CASE WHEN ? = 'HELD' THEN hold_expires_at ELSE NULL END
                 WHERE id = ? AND tenant_id = ? AND status = ? AND version = ?
                RETURNING *
                """).params(to.name(), utc(now), to.name(), current.id(), current.tenantId(), current.status().name(),
                        current.version())
                .query(MAPPER).optional();
    }

    /** Compare-and-set move to a new time (and maybe professional); the exclusion constraint guards the new range. */
    Optional<StoredBooking> move(StoredBooking current, String professionalId, String professionalName, Instant start,
            Instant end, Instant blockedUntil, String timeZone, Instant now) {
        return jdbc.sql("""
                UPDATE booking SET professional_id = ?, professional_name = ?, starts_at = ?, ends_at = ?,
                       blocked_until = ?, time_zone = ?, updated_at = ?, version = version + 1,
                       attendance = NULL, attendance_at = NULL
                 WHERE id = ? AND tenant_id = ? AND status = ? AND version = ?
                RETURNING *
                """).params(professionalId, professionalName, utc(start), utc(end), utc(blockedUntil), timeZone,
                        utc(now), current.id(), current.tenantId(), current.status().name(), current.version())
                .query(MAPPER).optional();
    }

    /** Records the patient's answer (no version bump: it changes neither time nor status). */
    Optional<StoredBooking> recordAttendance(StoredBooking current, Attendance attendance, Instant now) {
        return jdbc.sql("""
                UPDATE booking SET attendance = ?, attendance_at = ?, updated_at = ?
                 WHERE id = ? AND tenant_id = ?
                RETURNING *
                """).params(attendance.name(), utc(now), utc(now), current.id(), current.tenantId())
                .query(MAPPER).optional();
    }

    List<StoredBooking> forCustomer(String tenantId, String customerId, boolean includePast, Instant now, int limit) {
        String filter = includePast ? "" : " AND ends_at > :now AND " + EFFECTIVE_STATUS + " IN ('HELD', 'CONFIRMED')";
        return jdbc.sql("SELECT * FROM booking WHERE tenant_id = :tenant AND customer_id = :customer" + filter
                        + " ORDER BY starts_at, id LIMIT :limit")
                .param("tenant", tenantId).param("customer", customerId).param("now", utc(now)).param("limit", limit)
                .query(MAPPER).list();
    }

    /** A patient's erasure: their bookings get the anonymous id and lose their name and notes; the rest stays. */
    int eraseCustomer(String tenantId, String customerId, String replacementId) {
        return jdbc.sql("""
                UPDATE booking SET customer_id = :replacement, customer_name = NULL, notes = NULL
                 WHERE tenant_id = :tenant AND customer_id = :customer""")
                .param("tenant", tenantId).param("customer", customerId).param("replacement", replacementId)
                .update();
    }

    /** One page of bookings overlapping [from, to), by (start, id), after {@code after} when given: one statement. */
    List<StoredBooking> inRange(String tenantId, Instant from, Instant to, String professionalId, String serviceId,
            List<BookingStatus> statuses, RangeCursor after, Instant now, int limit) {
        StringBuilder sql = new StringBuilder("""
                SELECT * FROM booking WHERE tenant_id = :tenant AND starts_at < :to AND ends_at > :from""");
        if (professionalId != null) {
            sql.append(" AND professional_id = :professional");
        }
        if (serviceId != null) {
            sql.append(" AND service_id = :service");
        }
        if (statuses != null && !statuses.isEmpty()) {
            sql.append(" AND ").append(EFFECTIVE_STATUS).append(" = ANY (:statuses)");
        }
        if (after != null) {
            sql.append(" AND (starts_at, id) > (:afterStart, :afterId)");
        }
        sql.append(" ORDER BY starts_at, id LIMIT :limit");
        var spec = jdbc.sql(sql.toString()).param("tenant", tenantId).param("from", utc(from)).param("to", utc(to))
                .param("now", utc(now)).param("limit", limit);
        if (professionalId != null) {
            spec = spec.param("professional", professionalId);
        }
        if (serviceId != null) {
            spec = spec.param("service", serviceId);
        }
        if (after != null) {
            spec = spec.param("afterStart", utc(after.start())).param("afterId", after.id());
        }
        if (statuses != null && !statuses.isEmpty()) {
            spec = spec.param("statuses", statuses.stream().map(Enum::name).toArray(String[]::new));
        }
        return spec.query(MAPPER).list();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static final RowMapper<StoredBooking> MAPPER = (rs, n) -> new StoredBooking(
            rs.getObject("id", UUID.class), rs.getString("tenant_id"), rs.getString("short_code"),
            rs.getString("idempotency_key"), BookingStatus.valueOf(rs.getString("status")), rs.getString("service_id"),
            rs.getString("service_name"), rs.getString("professional_id"), rs.getString("professional_name"),
            rs.getString("customer_id"), rs.getString("customer_name"), instant(rs, "starts_at"),
            instant(rs, "ends_at"), instant(rs, "blocked_until"), rs.getString("time_zone"), rs.getString("notes"),
            rs.getString("channel"), instant(rs, "hold_expires_at"), instant(rs, "created_at"),
            instant(rs, "updated_at"), rs.getInt("version"),
            rs.getString("attendance") == null ? null : Attendance.valueOf(rs.getString("attendance")));
}
