package com.aiassistants.backend.job;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import com.aiassistants.backend.channel.InboundRequests;
import com.aiassistants.backend.channel.WhatsAppReplies;
import com.aiassistants.backend.conversation.InboundMessage;
import com.aiassistants.backend.conversation.TurnResult;
import com.aiassistants.common.channel.GatewayReply;
import com.aiassistants.common.web.ApiProblem;
import com.aiassistants.backend.support.Inputs;

import tools.jackson.databind.json.JsonMapper;

/**
 * Async jobs in PostgreSQL: a small {@code FOR UPDATE SKIP LOCKED} queue with leases. A job whose
 * worker died (lease expired) is taken again; the turn it runs is deduplicated by the job's
 * message id (or {@code job:<id>}), so a re-run never produces a second turn.
 */
@Service
public class JobService {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final JobSignals signals;

    public JobService(JdbcClient jdbc, JsonMapper json, JobSignals signals) {
        this.jdbc = jdbc;
        this.json = json;
        this.signals = signals;
    }

    public UUID submit(InboundRequests.Checked checked) {
        return submit(checked, null);
    }

    /**
     * Queues a message. Its turn is de-duplicated by {@code message_id}; without one, by the caller's
     * {@code Idempotency-Key} (validated like an opaque id): a retry with the same key gets the first job's id
     * back and runs no second turn. Without either, every submit is a new turn.
     */
    public UUID submit(InboundRequests.Checked checked, String idempotencyKey) {
        UUID id = UUID.randomUUID();
        InboundMessage original = checked.message();
        String key = original.messageId() == null ? Inputs.optionalOpaqueId("Idempotency-Key", idempotencyKey) : null;
        String dedupeKey = original.messageId() != null ? original.messageId()
                : key != null ? "idempotency:" + key : "job:" + id;
        InboundMessage stored = new InboundMessage(original.projectId(), original.conversationId(), original.channel(),
                original.customerId(), original.customerName(), original.text(), original.replyId(), dedupeKey);
        int inserted = jdbc.sql("""
                insert into job (id, project_id, channel, conversation_id, message_id, dedupe_key, request, status, callback_url)
                values (?, ?, ?, ?, ?, ?, ?::jsonb, 'pending', ?)
                on conflict (project_id, dedupe_key) where dedupe_key like 'idempotency:%' do nothing""")
                .params(id, original.projectId(), original.channel(), original.conversationId(), original.messageId(),
                        dedupeKey, json.writeValueAsString(stored), checked.callbackUrl())
                .update();
        if (inserted == 0) {
            return jdbc.sql("select id from job where project_id = ? and dedupe_key = ?")
                    .params(original.projectId(), dedupeKey).query(UUID.class).single();
        }
        signals.jobQueued();
        return id;
    }

    public JobView find(String projectId, UUID id) {
        return view(projectId, id).orElseThrow(() -> ApiProblem.notFound("job"));
    }

    Optional<JobView> view(String projectId, UUID id) {
        return jdbc.sql("""
                select id, status, conversation_id, message_id, response_text, response::text as response, error_text
                from job where id = ? and project_id = ?""")
                .params(id, projectId)
                .query((rs, n) -> {
                    String response = rs.getString("response");
                    GatewayReply reply = response == null ? null : json.readValue(response, GatewayReply.class);
                    return new JobView(rs.getString("id"), rs.getString("status"), rs.getString("conversation_id"),
                            rs.getString("message_id"), rs.getString("response_text"), rs.getString("error_text"),
                            reply == null ? null : reply.interactiveType(), reply == null ? null : reply.buttons(),
                            reply == null ? null : reply.listTitle(), reply == null ? null : reply.listItems());
                })
                .optional();
    }

    /** A job taken by a worker. */
    record Claimed(UUID id, String projectId, InboundMessage message, int attempts) {
    }

    Optional<Claimed> claim(Duration lease) {
        return jdbc.sql("""
                update job set status = 'running', attempts = attempts + 1,
                  lease_until = now() + make_interval(secs => ?), updated_at = now()
                where id = (select id from job
                            where status = 'pending' or (status = 'running' and lease_until < now())
                            order by created_at
                            for update skip locked
                            limit 1)
                returning id, project_id, request::text as request, attempts""")
                .param(lease.toMillis() / 1000.0)
                .query((rs, n) -> new Claimed(rs.getObject("id", UUID.class), rs.getString("project_id"),
                        json.readValue(rs.getString("request"), InboundMessage.class), rs.getInt("attempts")))
                .optional();
    }

    void succeeded(UUID id, TurnResult result) {
        GatewayReply reply = WhatsAppReplies.of(result);
        String response = reply.interactiveType() == null ? null : json.writeValueAsString(reply);
        jdbc.sql("""
                update job set status = 'succeeded', response_text = ?, response = ?::jsonb, error_text = null,
                  lease_until = null, updated_at = now(),
                  callback_status = case when callback_url is null then null else 'pending' end,
                  callback_next_at = case when callback_url is null then null else now() end
                where id = ?""")
                .params(result.text(), response, id).update();
        signals.callbackQueued();
    }

    void failed(UUID id, String error) {
        jdbc.sql("""
                update job set status = 'failed', error_text = ?, lease_until = null, updated_at = now(),
                  callback_status = case when callback_url is null then null else 'pending' end,
                  callback_next_at = case when callback_url is null then null else now() end
                where id = ?""")
                .params(error, id).update();
        signals.callbackQueued();
    }

    /** Leaves the job running with a lease that ends at the retry time. */
    void retryLater(UUID id, Duration delay, String error) {
        jdbc.sql("update job set lease_until = now() + make_interval(secs => ?), error_text = ?, updated_at = now() where id = ?")
                .params(delay.toMillis() / 1000.0, error, id).update();
    }
}
