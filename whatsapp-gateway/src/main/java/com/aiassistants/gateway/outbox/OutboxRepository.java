package com.aiassistants.gateway.outbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.aiassistants.gateway.lease.LeaseManager;
import com.aiassistants.gateway.provider.OutboxMessage;
import com.aiassistants.gateway.provider.OutgoingMessage;

import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox table. Status: pending → sending (claimed, provider being called) → sent | failed | unknown.
 * A row left in {@code sending} past its claim is an unknown outcome, resolved by {@link #recoverStale}.
 */
@Repository
public class OutboxRepository {

    private static final String CLAIM = """
            update outbox set status = 'sending', claimed_by = ?, claimed_until = now() + make_interval(secs => ?),
              attempts = attempts + 1
            where id in (
              select o.id from outbox o
              where o.status = 'pending' and o.next_attempt_at <= now()
                and not exists (select 1 from outbox e where e.tenant_id = o.tenant_id and e.to_number = o.to_number
                                and e.status in ('pending', 'sending') and e.id < o.id)
              order by o.id limit ?
              for update skip locked)
            and """ + LeaseManager.FENCE_SQL + """

            returning id, tenant_id, to_number, body, idempotency_key, attempts,
              (select w.last_inbound_at from customer_window w
               where w.tenant_id = outbox.tenant_id and w.number = outbox.to_number) as last_inbound_at""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public OutboxRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Queues a message that answers no inbound row (a staff message); replies go through {@link #insertReplyClosingInbound}. */
    public long insert(String tenantId, String toNumber, OutgoingMessage message) {
        return insert(tenantId, toNumber, message, UUID.randomUUID());
    }

    /**
     * Queues a message once per {@code idempotencyKey}: a repeated key (a caller retrying after a lost answer)
     * returns the row queued first and queues nothing.
     */
    public long insert(String tenantId, String toNumber, OutgoingMessage message, UUID idempotencyKey) {
        Optional<Long> inserted = jdbc.sql("""
                insert into outbox (tenant_id, to_number, kind, body, idempotency_key)
                values (?, ?, ?, cast(? as jsonb), ?)
                on conflict (idempotency_key) do nothing returning id""")
                .params(tenantId, toNumber, message.kind().name().toLowerCase(), json.writeValueAsString(message),
                        idempotencyKey)
                .query(Long.class).optional();
        return inserted.orElseGet(() -> jdbc.sql("select id from outbox where idempotency_key = ?")
                .param(idempotencyKey).query(Long.class).single());
    }

    /**
     * The reply to an inbound message and the end of that message, in one statement: the inbox row is
     * marked done only if this worker still holds its claim, and the reply is queued only if it was.
     * False means the row was taken over by another worker (nothing changed).
     */
    public boolean insertReplyClosingInbound(long inboxId, String owner, OutgoingMessage reply) {
        List<Long> ids = jdbc.sql("""
                with done as (
                  update inbox set status = 'done', done_at = now(), claimed_by = null, claimed_until = null, last_error = null
                  where id = ? and claimed_by = ? and status = 'pending'
                  returning id, tenant_id, from_number)
                insert into outbox (tenant_id, inbox_id, to_number, kind, body, idempotency_key)
                select tenant_id, id, from_number, ?, cast(? as jsonb), ? from done
                returning id""").params(inboxId, owner, reply.kind().name().toLowerCase(),
                json.writeValueAsString(reply), UUID.randomUUID()).query(Long.class).list();
        return !ids.isEmpty();
    }

    /**
     * A polite reply to an inbound message that failed for good, and the failure, in one statement: the inbox row is
     * marked {@code failed} (staff may re-queue it once the cause is fixed) only if this worker still holds its
     * claim, and the reply is queued only if it was. The reply is not tied to the row ({@code inbox_id} null), so a
     * re-queued row can still get its real answer.
     */
    public boolean insertReplyFailingInbound(long inboxId, String owner, OutgoingMessage reply, String error) {
        List<Long> ids = jdbc.sql("""
                with failed as (
                  update inbox set status = 'failed', done_at = now(), claimed_by = null, claimed_until = null, last_error = ?
                  where id = ? and claimed_by = ? and status = 'pending'
                  returning id, tenant_id, from_number)
                insert into outbox (tenant_id, to_number, kind, body, idempotency_key)
                select tenant_id, from_number, ?, cast(? as jsonb), ? from failed
                returning id""").params(com.aiassistants.gateway.inbox.InboxRepository.truncate(error), inboxId, owner,
                reply.kind().name().toLowerCase(), json.writeValueAsString(reply), UUID.randomUUID())
                .query(Long.class).list();
        return !ids.isEmpty();
    }

    public List<OutboxMessage> claim(String owner, String leaseName, int limit, Duration claimTimeout) {
        return jdbc.sql(CLAIM).params(owner, claimTimeout.toMillis() / 1000.0, limit, leaseName, owner)
                .query((rs, n) -> new OutboxMessage(rs.getLong("id"), rs.getString("tenant_id"),
                        rs.getString("to_number"), json.readValue(rs.getString("body"), OutgoingMessage.class),
                        rs.getObject("idempotency_key", UUID.class), rs.getInt("attempts"),
                        Optional.ofNullable(rs.getTimestamp("last_inbound_at")).map(Timestamp::toInstant).orElse(null)))
                .list();
    }

    /** Records the provider's message id together with the sent state (one statement). */
    public boolean markSent(long id, String owner, String providerMessageId, String sentKind) {
        return jdbc.sql("""
                update outbox set status = 'sent', provider_message_id = ?, kind = ?, sent_at = now(),
                  delivery_status = coalesce(delivery_status, 'sent'), status_at = coalesce(status_at, now()),
                  claimed_by = null, claimed_until = null, last_error = null, error_code = null
                where id = ? and claimed_by = ? and status = 'sending'""")
                .params(providerMessageId, sentKind, id, owner).update() == 1;
    }

    public void reschedule(long id, String owner, Duration delay, String errorCode, String error) {
        jdbc.sql("""
                update outbox set status = 'pending', next_attempt_at = now() + make_interval(secs => ?),
                  claimed_by = null, claimed_until = null, error_code = ?, last_error = ?
                where id = ? and claimed_by = ? and status = 'sending'""")
                .params(delay.toMillis() / 1000.0, errorCode, truncate(error), id, owner).update();
    }

    /**
     * Held back by the send throttle: pending again at {@code now + delay}, and the claim's attempt is
     * given back (a throttled send is not a failed attempt). The row stays its user's oldest open one,
     * so the user's later messages keep waiting behind it.
     */
    public boolean deferThrottled(long id, String owner, Duration delay) {
        return jdbc.sql("""
                update outbox set status = 'pending', next_attempt_at = now() + make_interval(secs => ?),
                  attempts = greatest(attempts - 1, 0), claimed_by = null, claimed_until = null
                where id = ? and claimed_by = ? and status = 'sending'""")
                .params(delay.toMillis() / 1000.0, id, owner).update() == 1;
    }

    public void markFinal(long id, String owner, String status, String errorCode, String error) {
        jdbc.sql("""
                update outbox set status = ?, claimed_by = null, claimed_until = null, error_code = ?, last_error = ?
                where id = ? and claimed_by = ? and status = 'sending'""")
                .params(status, errorCode, truncate(error), id, owner).update();
    }

    /** Rows whose sender died mid-send (claim expired while {@code sending}). */
    public List<StaleRow> staleSending(int limit) {
        return jdbc.sql("""
                select id, tenant_id from outbox where status = 'sending' and claimed_until < now()
                order by id limit ?""").param(limit)
                .query((rs, n) -> new StaleRow(rs.getLong("id"), rs.getString("tenant_id"))).list();
    }

    /** A row left {@code sending} after its claim expired. */
    public record StaleRow(long id, String tenantId) {
    }

    /** Unknown outcome, provider dedupes on our key: send again. */
    public boolean requeueStale(long id) {
        return jdbc.sql("""
                update outbox set status = 'pending', claimed_by = null, claimed_until = null,
                  last_error = 'unknown outcome after a crash or timeout: re-sent with the same idempotency key'
                where id = ? and status = 'sending' and claimed_until < now()""").param(id).update() == 1;
    }

    /** Unknown outcome, provider cannot dedupe: at-most-once, never re-sent. */
    public boolean abandonStale(long id) {
        return jdbc.sql("""
                update outbox set status = 'unknown', claimed_by = null, claimed_until = null, error_code = 'unknown-outcome',
                  last_error = 'unknown outcome after a crash or timeout: not re-sent (at-most-once)'
                where id = ? and status = 'sending' and claimed_until < now()""").param(id).update() == 1;
    }

    /**
     * Applies a provider delivery status (sent < delivered < read; failed wins) to the message with this
     * provider id. Returns the outbox row id when a row changed.
     */
    public Optional<Long> applyDeliveryStatus(String providerMessageId, String status, String errorCode,
            String error, Timestamp at) {
        return jdbc.sql("""
                update outbox set delivery_status = ?, status_at = ?,
                  error_code = coalesce(?, error_code), last_error = coalesce(?, last_error)
                where provider_message_id = ?
                  and (case ? when 'failed' then 9 when 'read' then 3 when 'delivered' then 2 when 'sent' then 1 else 0 end)
                    > (case coalesce(delivery_status, '') when 'failed' then 9 when 'read' then 3 when 'delivered' then 2
                       when 'sent' then 1 else 0 end)
                returning id""").params(status, at, errorCode, truncate(error), providerMessageId, status)
                .query(Long.class).optional();
    }

    public Optional<OutboxRow> find(long id) {
        return jdbc.sql("select * from outbox where id = ?").param(id).query(OutboxRepository::row).optional();
    }

    /** The tenant's latest messages, newest first, with their send and delivery status (console). */
    public java.util.List<OutboxRow> recent(String tenantId, int limit) {
        return jdbc.sql("select * from outbox where tenant_id = ? order by id desc limit ?").params(tenantId, limit)
                .query(OutboxRepository::row).list();
    }

    public long openCount() {
        return jdbc.sql("select count(*) from outbox where status in ('pending', 'sending')").query(Long.class).single();
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 500 ? s : s.substring(0, 500);
    }

    static OutboxRow row(ResultSet rs, int n) throws SQLException {
        Timestamp sent = rs.getTimestamp("sent_at");
        long inbox = rs.getLong("inbox_id");
        Long inboxId = rs.wasNull() ? null : inbox;
        return new OutboxRow(rs.getLong("id"), rs.getString("tenant_id"), inboxId,
                rs.getString("to_number"), rs.getString("kind"), rs.getString("status"),
                rs.getString("provider_message_id"), rs.getString("delivery_status"), rs.getString("error_code"),
                rs.getString("last_error"), rs.getInt("attempts"), rs.getObject("idempotency_key", UUID.class),
                rs.getTimestamp("created_at").toInstant(), sent == null ? null : sent.toInstant());
    }
}
