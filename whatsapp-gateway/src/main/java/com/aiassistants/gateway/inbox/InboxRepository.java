package com.aiassistants.gateway.inbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.aiassistants.common.tracing.Traces;
import com.aiassistants.gateway.lease.LeaseManager;
import com.aiassistants.gateway.provider.InboundMessage;

/** The inbox table: a small {@code FOR UPDATE SKIP LOCKED} queue (see the module README for why). */
@Repository
public class InboxRepository {

    /**
     * Insert (deduplicated on tenant + provider message id) and open the 24-hour window in one statement (only for
     * what the user wrote: a system message about them opens no window).
     */
    private static final String INSERT = """
            with ins as (
              insert into inbox (tenant_id, provider, provider_message_id, from_number, customer_name, kind, text, sent_at,
                                 text_truncated, status, done_at, trace_parent)
              values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, case when ? = 'done' then now() end, ?)
              on conflict (tenant_id, provider_message_id) do nothing
              returning id
            ), win as (
              insert into customer_window (tenant_id, number, last_inbound_at) select ?, ?, ? where ?
              on conflict (tenant_id, number) do update
                set last_inbound_at = greatest(customer_window.last_inbound_at, excluded.last_inbound_at)
            )
            select id from ins""";

    /**
     * Claims due rows. A row is claimable only when no older pending row of the same user exists, so one
     * user's messages reach the backend in order; a claim expires after {@code claimTimeout}, which is
     * how a crashed worker's rows come back.
     */
    private static final String CLAIM = """
            update inbox set claimed_by = ?, claimed_until = now() + make_interval(secs => ?), attempts = attempts + 1
            where id in (
              select i.id from inbox i
              where i.status = 'pending' and i.next_attempt_at <= now()
                and (i.claimed_until is null or i.claimed_until < now())
                and not exists (select 1 from inbox e where e.tenant_id = i.tenant_id and e.from_number = i.from_number
                                and e.status = 'pending' and e.id < i.id)
              order by i.id limit ?
              for update skip locked)
            and """ + LeaseManager.FENCE_SQL + """

            returning id, tenant_id, provider, provider_message_id, from_number, customer_name, kind, text, sent_at, attempts,
              text_truncated, trace_parent""";

    private final JdbcClient jdbc;
    private final Traces traces;

    public InboxRepository(JdbcClient jdbc, Traces traces) {
        this.jdbc = jdbc;
        this.traces = traces;
    }

    /** The new row's id, or empty when this provider message id was already received. */
    public Optional<Long> insert(InboundMessage m) {
        return insert(m, "pending");
    }

    private Optional<Long> insert(InboundMessage m, String status) {
        Timestamp sentAt = Timestamp.from(m.sentAt());
        boolean opensWindow = m.kind() != InboundMessage.Kind.NUMBER_CHANGED;
        return jdbc.sql(INSERT).params(m.tenantId(), m.provider().id(), m.providerMessageId(), m.fromNumber(),
                m.customerName(), m.kind().name().toLowerCase(), m.text() == null ? "" : m.text(), sentAt,
                m.textTruncated(), status, status, traces.headers().get(Traces.TRACEPARENT), m.tenantId(), m.fromNumber(),
                sentAt, opensWindow).query(Long.class).optional();
    }

    /** The tenant's changed-number notices (newest first), for staff. */
    public List<FailedInbound> notices(String tenantId, int limit) {
        return jdbc.sql("""
                select id, from_number, kind, text, received_at, attempts, last_error from inbox
                where tenant_id = ? and kind = 'number_changed' order by id desc limit ?""")
                .params(tenantId, limit).query(InboxRepository::failedInbound).list();
    }

    public List<InboxRow> claim(String owner, String leaseName, int limit, Duration claimTimeout) {
        return jdbc.sql(CLAIM).params(owner, claimTimeout.toMillis() / 1000.0, limit, leaseName, owner)
                .query(InboxRepository::row).list();
    }

    /** Marks the row done if this worker still holds the claim; false means someone else took it over. */
    public boolean markDone(long id, String owner) {
        return jdbc.sql("""
                update inbox set status = 'done', done_at = now(), claimed_by = null, claimed_until = null, last_error = null
                where id = ? and claimed_by = ? and status = 'pending'""").params(id, owner).update() == 1;
    }

    public void reschedule(long id, String owner, Duration delay, String error) {
        jdbc.sql("""
                update inbox set next_attempt_at = now() + make_interval(secs => ?), claimed_by = null, claimed_until = null,
                  last_error = ? where id = ? and claimed_by = ? and status = 'pending'""")
                .params(delay.toMillis() / 1000.0, truncate(error), id, owner).update();
    }

    public void markFailed(long id, String owner, String error) {
        jdbc.sql("""
                update inbox set status = 'failed', claimed_by = null, claimed_until = null, last_error = ?, done_at = now()
                where id = ? and claimed_by = ? and status = 'pending'""").params(truncate(error), id, owner).update();
    }

    /** An inbound message that failed for good (no reply was sent), for the console. */
    public record FailedInbound(long id, String fromNumber, String kind, String text, Instant receivedAt, int attempts,
            String lastError) {
    }

    /** The tenant's failed inbound messages, newest first. */
    public List<FailedInbound> failed(String tenantId, int limit) {
        return jdbc.sql("""
                select id, from_number, kind, text, received_at, attempts, last_error from inbox
                where tenant_id = ? and status = 'failed' order by id desc limit ?""")
                .params(tenantId, limit).query(InboxRepository::failedInbound).list();
    }

    /**
     * Puts failed messages back in the queue with fresh attempts ({@code ids} empty = all of the tenant's). Safe to
     * repeat: backend-api answers a repeated message id with its first reply and the outbox takes one per row.
     */
    public List<Long> requeueFailed(String tenantId, List<Long> ids) {
        Long[] wanted = ids.toArray(Long[]::new);
        return jdbc.sql("""
                update inbox set status = 'pending', attempts = 0, next_attempt_at = now(), done_at = null,
                  claimed_by = null, claimed_until = null
                where tenant_id = ? and status = 'failed' and (cardinality(?::bigint[]) = 0 or id = any(?::bigint[]))
                returning id""").params(tenantId, wanted, wanted).query(Long.class).list();
    }

    public long pendingCount() {
        return jdbc.sql("select count(*) from inbox where status = 'pending'").query(Long.class).single();
    }

    public static String truncate(String s) {
        return s == null || s.length() <= 500 ? s : s.substring(0, 500);
    }

    private static FailedInbound failedInbound(ResultSet rs, int n) throws SQLException {
        return new FailedInbound(rs.getLong("id"), rs.getString("from_number"), rs.getString("kind"), rs.getString("text"),
                rs.getTimestamp("received_at").toInstant(), rs.getInt("attempts"), rs.getString("last_error"));
    }

    private static InboxRow row(ResultSet rs, int n) throws SQLException {
        return new InboxRow(rs.getLong("id"), rs.getString("tenant_id"), rs.getString("provider"),
                rs.getString("provider_message_id"), rs.getString("from_number"), rs.getString("customer_name"),
                InboundMessage.Kind.valueOf(rs.getString("kind").toUpperCase()), rs.getString("text"),
                rs.getTimestamp("sent_at").toInstant(), rs.getInt("attempts"), rs.getBoolean("text_truncated"),
                rs.getString("trace_parent"));
    }
}
