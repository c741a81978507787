package com.aiassistants.backend.linkaccess;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The accesses not yet in mcp-booking-log (table {@code link_access_outbox}, migration V9): written in the
 * transaction that stores the patient's message, claimed by {@link LinkAccessRelay} with a lease
 * ({@code FOR UPDATE SKIP LOCKED}, so several instances never send the same row at once), deleted once delivered.
 */
@Repository
public class LinkAccessOutbox {

    /** An access waiting for delivery; {@code id} is the booking-log event id. */
    public record PendingAccess(UUID id, String projectId, String code, String action, String channel,
            String customerId, Instant accessedAt, int attempts) {
    }

    private final JdbcClient jdbc;

    public LinkAccessOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(String projectId, String code, String action, String channel, String customerId, Instant at) {
        jdbc.sql("""
                insert into link_access_outbox (id, project_id, code, action, channel, customer_id, accessed_at,
                                                next_attempt_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), projectId, code, action, channel, customerId, Timestamp.from(at),
                        Timestamp.from(at))
                .update();
    }

    /** Due accesses, oldest first, leased until {@code now + lease} (a crashed sender's rows come back after it). */
    public List<PendingAccess> claimDue(Instant now, Duration lease, int limit) {
        return jdbc.sql("""
                update link_access_outbox set next_attempt_at = ?
                 where id in (select id from link_access_outbox where next_attempt_at <= ?
                               order by accessed_at limit ? for update skip locked)
                returning id, project_id, code, action, channel, customer_id, accessed_at, attempts""")
                .params(Timestamp.from(now.plus(lease)), Timestamp.from(now), limit)
                .query((rs, n) -> new PendingAccess(rs.getObject("id", UUID.class), rs.getString("project_id"),
                        rs.getString("code"), rs.getString("action"), rs.getString("channel"),
                        rs.getString("customer_id"), rs.getTimestamp("accessed_at").toInstant(), rs.getInt("attempts")))
                .list()
                .stream().sorted(java.util.Comparator.comparing(PendingAccess::accessedAt)).toList();
    }

    public void delivered(UUID id) {
        jdbc.sql("delete from link_access_outbox where id = ?").params(id).update();
    }

    public void failed(UUID id, Instant nextAttempt, String error) {
        jdbc.sql("update link_access_outbox set attempts = attempts + 1, next_attempt_at = ?, last_error = ? where id = ?")
                .params(Timestamp.from(nextAttempt), error == null ? null : error.substring(0, Math.min(500, error.length())),
                        id)
                .update();
    }

    public long pending() {
        return jdbc.sql("select count(*) from link_access_outbox").query(Long.class).single();
    }

    /** A patient's erasure: accesses not yet delivered get the anonymous id too. */
    public int eraseCustomer(String projectId, String customerId, String replacementId) {
        return jdbc.sql("update link_access_outbox set customer_id = ? where project_id = ? and customer_id = ?")
                .params(replacementId, projectId, customerId).update();
    }
}
