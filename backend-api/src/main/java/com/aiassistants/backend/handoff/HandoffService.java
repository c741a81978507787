package com.aiassistants.backend.handoff;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import com.aiassistants.backend.realtime.Frame;
import com.aiassistants.backend.realtime.LiveEvents;
import com.aiassistants.common.web.ApiProblem;

/**
 * Human take-over: pause/resume the bot on a conversation and send staff replies through the
 * conversation's channel (WhatsApp via the gateway; web via the live socket).
 */
@Service
public class HandoffService {

    private final JdbcClient jdbc;
    private final LiveEvents events;
    private final GatewayClient gateway;

    public HandoffService(JdbcClient jdbc, LiveEvents events, GatewayClient gateway) {
        this.jdbc = jdbc;
        this.events = events;
        this.gateway = gateway;
    }

    public record ConversationSummary(String id, String channel, String customerId, String customerName, boolean paused,
            Instant updatedAt, String lastMessage) {
    }

    public record MessageView(long id, String role, String text, Instant createdAt) {
    }

    public void setPaused(String projectId, String conversationId, boolean paused, String by) {
        int updated = jdbc.sql("update conversation set paused = ?, paused_by = ?, updated_at = now() where project_id = ? and id = ?")
                .params(paused, paused ? by : null, projectId, conversationId).update();
        if (updated == 0) {
            throw ApiProblem.notFound("conversation");
        }
        events.publish(projectId, conversationId, Frame.handoff(conversationId, paused));
    }

    public MessageView reply(String projectId, String conversationId, String text) {
        var conversation = jdbc.sql("select channel, customer_id from conversation where project_id = ? and id = ?")
                .params(projectId, conversationId)
                .query((rs, n) -> new String[] {rs.getString("channel"), rs.getString("customer_id")})
                .optional()
                .orElseThrow(() -> ApiProblem.notFound("conversation"));
        if ("whatsapp".equals(conversation[0])) {
            gateway.send(conversationId.substring("whatsapp:".length()), text);
        }
        Instant now = Instant.now();
        long id = jdbc.sql("""
                insert into message (project_id, conversation_id, role, text, created_at) values (?, ?, 'staff', ?, ?)
                returning id""")
                .params(projectId, conversationId, text, Timestamp.from(now))
                .query(Long.class).single();
        jdbc.sql("update conversation set updated_at = now() where project_id = ? and id = ?")
                .params(projectId, conversationId).update();
        events.publish(projectId, conversationId, Frame.message(conversationId, "staff", text, now));
        return new MessageView(id, "staff", text, now);
    }

    public List<ConversationSummary> list(String projectId, int limit, int offset) {
        return jdbc.sql("""
                select c.id, c.channel, c.customer_id, c.customer_name, c.paused, c.updated_at,
                       (select m.text from message m where m.project_id = c.project_id and m.conversation_id = c.id
                        order by m.id desc limit 1) as last_message
                from conversation c where c.project_id = ? order by c.updated_at desc limit ? offset ?""")
                .params(projectId, limit, offset)
                .query((rs, n) -> new ConversationSummary(rs.getString("id"), rs.getString("channel"),
                        rs.getString("customer_id"), rs.getString("customer_name"), rs.getBoolean("paused"),
                        rs.getTimestamp("updated_at").toInstant(), rs.getString("last_message")))
                .list();
    }

    public List<MessageView> messages(String projectId, String conversationId, int limit, Long beforeId) {
        boolean exists = jdbc.sql("select count(*) from conversation where project_id = ? and id = ?")
                .params(projectId, conversationId).query(Integer.class).single() > 0;
        if (!exists) {
            throw ApiProblem.notFound("conversation");
        }
        List<MessageView> newestFirst = jdbc.sql("""
                select id, role, text, created_at from message where project_id = ? and conversation_id = ? and id < ?
                order by id desc limit ?""")
                .params(projectId, conversationId, beforeId == null ? Long.MAX_VALUE : beforeId, limit)
                .query((rs, n) -> new MessageView(rs.getLong("id"), rs.getString("role"), rs.getString("text"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
        return newestFirst.reversed();
    }
}
