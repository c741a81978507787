package com.aiassistants.bookinglog.events;

import com.aiassistants.common.scheduling.BookingLogTools.LinkStat;
import com.aiassistants.common.scheduling.BookingLogTools;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

import com.aiassistants.common.mcp.McpJson;
import com.aiassistants.common.scheduling.BookingLogTools.BookingEvent;

import tools.jackson.core.type.TypeReference;

/**
 * SQL over booking_events; inserts only (the table rejects updates and deletes), except a patient's erasure,
 * which the table allows inside a transaction that declared it. Scoped by tenant.
 */
@Repository
public class BookingEventRepository {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    public BookingEventRepository(JdbcClient jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    /**
     * A patient's erasure: their events get {@code replacementId} as the customer (and as the actor when they
     * acted), and their name and notes leave the states; everything else stays. Returns the events changed.
     */
    public int eraseCustomer(String tenant, String customerId, String replacementId) {
        Integer changed = transaction.execute(status -> {
            jdbc.sql("select set_config('booking_log.erasure', 'on', true)").query(String.class).single();
            return jdbc.sql("""
                    update booking_events
                       set customer_id = :replacement,
                           actor = case when actor = 'customer:' || :customer then 'customer:' || :replacement else actor end,
                           before = %s, after = %s
                     where tenant_id = :tenant and customer_id = :customer""".formatted(scrub("before"), scrub("after")))
                    .param("tenant", tenant).param("customer", customerId).param("replacement", replacementId)
                    .update();
        });
        return changed == null ? 0 : changed;
    }

    private static String scrub(String column) {
        return "case when " + column + " is null then null else (" + column + " - 'customer_name' - 'notes')"
                + " || case when " + column + " -> 'customer_id' is not null then jsonb_build_object('customer_id', "
                + "cast(:replacement as text)) else '{}'::jsonb end end";
    }

    /**
     * Per activation code ({@code after.code} of {@code link_accessed} events in [from, to)): the accesses, the distinct
     * customers, and those of them with a {@code confirmed} event at or after one of their accesses and less than
     * {@code withinDays} days later. Most accesses first. One statement.
     */
    public List<LinkStat> linkStats(String tenant, Instant from, Instant to, int withinDays) {
        return jdbc.sql("""
                with accesses as (
                    select after ->> 'code' as code, customer_id, occurred_at
                      from booking_events
                     where tenant_id = :tenant and type = :accessed and occurred_at >= :from and occurred_at < :to
                       and after ->> 'code' is not null)
                select a.code, count(*) as accesses, count(distinct a.customer_id) as customers,
                       count(distinct a.customer_id) filter (where exists (
                           select 1 from booking_events c
                            where c.tenant_id = :tenant and c.customer_id = a.customer_id and c.type = :confirmed
                              and c.occurred_at >= a.occurred_at
                              and c.occurred_at < a.occurred_at + make_interval(days => :days))) as booked
                  from accesses a
                 group by a.code
                 order by accesses desc, a.code""")
                .param("tenant", tenant).param("accessed", BookingLogTools.LINK_ACCESSED)
                .param("confirmed", BookingLogTools.CONFIRMED).param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to)).param("days", withinDays)
                .query((rs, n) -> new LinkStat(rs.getString("code"), rs.getLong("accesses"), rs.getLong("customers"),
                        rs.getLong("booked")))
                .list();
    }

    /** Inserts the event unless (tenant, event_id) exists; true when it was inserted. */
    public boolean insertIfAbsent(String tenant, NewEvent event) {
        return jdbc.sql("""
                insert into booking_events (tenant_id, event_id, booking_id, type, actor, customer_id, professional_id,
                                            occurred_at, before, after)
                values (:tenant, :eventId, :bookingId, :type, :actor, :customerId, :professionalId, :occurredAt,
                        cast(:before as jsonb), cast(:after as jsonb))
                on conflict (tenant_id, event_id) do nothing""")
                .param("tenant", tenant).param("eventId", event.eventId()).param("bookingId", event.bookingId())
                .param("type", event.type()).param("actor", event.actor()).param("customerId", event.customerId())
                .param("professionalId", event.professionalId())
                .param("occurredAt", Timestamp.from(event.occurredAt()))
                .param("before", event.beforeJson()).param("after", event.afterJson())
                .update() == 1;
    }

    /** An event to append, its states already serialised to JSON (or null). */
    public record NewEvent(String eventId, String bookingId, String type, String actor, String customerId,
            String professionalId, Instant occurredAt, String beforeJson, String afterJson) {
    }

    public record Filter(String bookingId, String customerId, String professionalId, Instant from, Instant to,
            int limit) {
    }

    /** Matching events, newest first (by occurred_at, then arrival order). */
    public List<BookingEvent> find(String tenant, Filter filter) {
        StringBuilder sql = new StringBuilder("""
                select event_id, booking_id, type, actor, customer_id, professional_id, occurred_at,
                       before::text as before_json, after::text as after_json, recorded_at
                from booking_events where tenant_id = :tenant""");
        Map<String, Object> params = new HashMap<>();
        params.put("tenant", tenant);
        if (filter.bookingId() != null) {
            sql.append(" and booking_id = :bookingId");
            params.put("bookingId", filter.bookingId());
        }
        if (filter.customerId() != null) {
            sql.append(" and customer_id = :customerId");
            params.put("customerId", filter.customerId());
        }
        if (filter.professionalId() != null) {
            sql.append(" and professional_id = :professionalId");
            params.put("professionalId", filter.professionalId());
        }
        if (filter.from() != null) {
            sql.append(" and occurred_at >= :from");
            params.put("from", Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            sql.append(" and occurred_at < :to");
            params.put("to", Timestamp.from(filter.to()));
        }
        sql.append(" order by occurred_at desc, seq desc limit :limit");
        params.put("limit", filter.limit());
        return jdbc.sql(sql.toString()).params(params).query(BookingEventRepository::map).list();
    }

    private static BookingEvent map(ResultSet rs, int rowNum) throws SQLException {
        return new BookingEvent(rs.getString("event_id"), rs.getString("booking_id"), rs.getString("type"),
                rs.getString("actor"), rs.getString("customer_id"), rs.getString("professional_id"),
                rs.getTimestamp("occurred_at").toInstant(), json(rs.getString("before_json")),
                json(rs.getString("after_json")), rs.getTimestamp("recorded_at").toInstant());
    }

    private static Map<String, Object> json(String text) {
        return text == null ? null : McpJson.MAPPER.readValue(text, MAP);
    }
}
