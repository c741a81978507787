package com.aiassistants.calendar.bookinglog;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.aiassistants.common.mcp.McpJson;
import com.aiassistants.common.tracing.Traces;

import tools.jackson.core.type.TypeReference;

/**
 * The transactional outbox of booking events: {@link #record} must run inside the transaction that
 * changes the booking, so an event exists exactly when the change committed. {@link BookingLogRelay}
 * delivers and deletes them. Each event keeps the {@code traceparent} of the request that made the change, so
 * its delivery — seconds later, after retries or a restart — is part of that request's trace.
 */
@Component
public class BookingEventOutbox {

    /**
     * One pending event, as claimed for delivery.
     *
     * @param traceParent the W3C traceparent of the request that made the change (null outside a trace)
     */
    public record PendingEvent(UUID eventId, String tenantId, UUID bookingId, String type, String actor,
            String customerId, String professionalId, Instant occurredAt, Map<String, Object> before,
            Map<String, Object> after, int attempts, String traceParent) {

        /** The saved trace headers, for {@link Traces#continueFrom}. */
        public Map<String, String> traceHeaders() {
            return traceParent == null ? Map.of() : Map.of(Traces.TRACEPARENT, traceParent);
        }
    }

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final Traces traces;

    public BookingEventOutbox(JdbcClient jdbc, ObjectProvider<Traces> traces) {
        this.jdbc = jdbc;
        this.traces = traces.getIfAvailable(() -> Traces.NONE);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String tenantId, UUID bookingId, String type, String actor, String customerId,
            String professionalId, Instant occurredAt, Object before, Object after) {
        jdbc.sql("""
                INSERT INTO booking_event_outbox (event_id, tenant_id, booking_id, type, actor, customer_id,
                    professional_id, occurred_at, before_state, after_state, next_attempt_at, created_at, trace_parent)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?)
                """)
                .params(UUID.randomUUID(), tenantId, bookingId, type, actor, customerId, professionalId, utc(occurredAt),
                        json(before), json(after), utc(occurredAt), utc(occurredAt),
                        traces.headers().get(Traces.TRACEPARENT))
                .update();
    }

    /**
     * Claims up to {@code limit} due events by pushing their next attempt {@code lease} into the future
     * (so another instance skips them while this one delivers), oldest first. An event waits while an earlier
     * event of the same booking is not yet due (backing off, or leased by another instance), so the log
     * receives each booking's events in the order they happened even when their retries drift apart.
     */
    public List<PendingEvent> claimDue(Instant now, java.time.Duration lease, int limit) {
        return jdbc.sql("""
                UPDATE booking_event_outbox SET next_attempt_at = :leaseUntil
                 WHERE event_id IN (SELECT o.event_id FROM booking_event_outbox o WHERE o.next_attempt_at <= :now
                                       AND NOT EXISTS (SELECT 1 FROM booking_event_outbox e
                                                        WHERE e.booking_id = o.booking_id AND e.seq < o.seq
                                                          AND e.next_attempt_at > :now)
                                     ORDER BY o.seq LIMIT :limit FOR UPDATE OF o SKIP LOCKED)
                RETURNING event_id, tenant_id, booking_id, type, actor, customer_id, professional_id, occurred_at,
                          before_state::text AS before_state, after_state::text AS after_state, attempts, seq,
                          trace_parent
                """).param("now", utc(now)).param("leaseUntil", utc(now.plus(lease))).param("limit", limit)
                .query((rs, n) -> new Object[] {rs.getLong("seq"), new PendingEvent(rs.getObject("event_id", UUID.class),
                        rs.getString("tenant_id"), rs.getObject("booking_id", UUID.class), rs.getString("type"),
                        rs.getString("actor"), rs.getString("customer_id"), rs.getString("professional_id"),
                        rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), map(rs.getString("before_state")),
                        map(rs.getString("after_state")), rs.getInt("attempts"), rs.getString("trace_parent"))})
                .list().stream()
                .sorted(java.util.Comparator.comparingLong(row -> (Long) row[0]))
                .map(row -> (PendingEvent) row[1])
                .toList();
    }

    /**
     * A patient's erasure in the events not yet delivered: the anonymous id instead of theirs, no name or notes
     * in the states (so the booking log never receives them).
     */
    public int eraseCustomer(String tenantId, String customerId, String replacementId) {
        return jdbc.sql("""
                UPDATE booking_event_outbox
                   SET customer_id = :replacement,
                       actor = CASE WHEN actor = 'customer:' || :customer THEN 'customer:' || :replacement ELSE actor END,
                       before_state = %s, after_state = %s
                 WHERE tenant_id = :tenant AND customer_id = :customer""".formatted(scrub("before_state"),
                        scrub("after_state")))
                .param("tenant", tenantId).param("customer", customerId).param("replacement", replacementId)
                .update();
    }

    private static String scrub(String column) {
        return "CASE WHEN " + column + " IS NULL THEN NULL ELSE (" + column + " - 'customer_name' - 'notes')"
                + " || CASE WHEN " + column + " -> 'customer_id' IS NOT NULL THEN jsonb_build_object('customer_id', "
                + "CAST(:replacement AS text)) ELSE '{}'::jsonb END END";
    }

    public void delivered(UUID eventId) {
        jdbc.sql("DELETE FROM booking_event_outbox WHERE event_id = ?").param(eventId).update();
    }

    /** Several delivered events removed in one statement. */
    public void delivered(List<UUID> eventIds) {
        jdbc.sql("DELETE FROM booking_event_outbox WHERE event_id = ANY(?)").param(eventIds.toArray(UUID[]::new)).update();
    }

    public void failed(UUID eventId, Instant nextAttemptAt, String error) {
        jdbc.sql("""
                UPDATE booking_event_outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ?
                 WHERE event_id = ?
                """).params(utc(nextAttemptAt), error == null ? null : error.substring(0, Math.min(error.length(), 500)),
                        eventId)
                .update();
    }

    public int pending() {
        return jdbc.sql("SELECT count(*) FROM booking_event_outbox").query(Integer.class).single();
    }

    private static String json(Object value) {
        return value == null ? null : McpJson.toJson(value);
    }

    private static Map<String, Object> map(String json) {
        return json == null ? null : McpJson.MAPPER.readValue(json, MAP);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
