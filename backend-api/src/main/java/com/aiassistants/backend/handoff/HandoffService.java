package com.aiassistants.backend.handoff;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import com.aiassistants.backend.realtime.Frame;
import com.aiassistants.backend.realtime.LiveEvents;
import com.aiassistants.common.web.ApiProblem;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Human take-over: pause/resume the bot on a conversation and send staff replies through the
 * conversation's channel (WhatsApp via the gateway; web via the live socket).
 */
@Service
public class HandoffService {

    private final JdbcClient jdbc;
    private final LiveEvents events;
    private final GatewayClient gateway;
    private final java.time.Clock clock;

    public HandoffService(JdbcClient jdbc, LiveEvents events, GatewayClient gateway, java.time.Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.events = events;
        this.gateway = gateway;
    }

    /**
     * One thread entry: a patient ({@code user}), bot ({@code assistant}) or {@code staff} message, or a
     * {@code system} entry of kind {@code booking} listing the bookings a turn made or changed.
     */
    public record MessageView(long id,
            @Schema(allowableValues = {"user", "assistant", "staff", "system"}) String role,
            @Schema(allowableValues = {"text", "booking"}) String kind,
            String text, Instant createdAt,
            @Schema(types = {"array", "null"}) List<String> bookingIds) {

        static MessageView text(long id, String role, String text, Instant createdAt) {
            return new MessageView(id, role, "text", text, createdAt, null);
        }
    }

    public void setPaused(String projectId, String conversationId, boolean paused, String by) {
        // taking over or handing back answers a patient's request for a person
        int updated = jdbc.sql("""
                update conversation set paused = ?, paused_by = ?, needs_human_since = null, updated_at = now()
                where project_id = ? and id = ?""")
                .params(paused, paused ? by : null, projectId, conversationId).update();
        if (updated == 0) {
            throw ApiProblem.notFound("conversation");
        }
        events.publish(projectId, conversationId, Frame.handoff(conversationId, paused, clock.instant()));
    }

    public MessageView reply(String projectId, String conversationId, String text) {
        var conversation = jdbc.sql("select channel, customer_id from conversation where project_id = ? and id = ?")
                .params(projectId, conversationId)
                .query((rs, n) -> new String[] {rs.getString("channel"), rs.getString("customer_id")})
                .optional()
                .orElseThrow(() -> ApiProblem.notFound("conversation"));
        if ("whatsapp".equals(conversation[0])) {
            gateway.send(projectId, conversationId.substring("whatsapp:".length()), text);
        }
        Instant now = clock.instant();
        long id = jdbc.sql("""
                insert into message (project_id, conversation_id, role, text, created_at) values (?, ?, 'staff', ?, ?)
                returning id""")
                .params(projectId, conversationId, text, Timestamp.from(now))
                .query(Long.class).single();
        jdbc.sql("update conversation set updated_at = now() where project_id = ? and id = ?")
                .params(projectId, conversationId).update();
        events.publish(projectId, conversationId, Frame.message(conversationId, "staff", text, now));
        return MessageView.text(id, "staff", text, now);
    }

    public List<MessageView> messages(String projectId, String conversationId, int limit, Long beforeId) {
        boolean exists = jdbc.sql("select count(*) from conversation where project_id = ? and id = ?")
                .params(projectId, conversationId).query(Integer.class).single() > 0;
        if (!exists) {
            throw ApiProblem.notFound("conversation");
        }
        List<MessageView> newestFirst = jdbc.sql("""
                select id, role, kind, text, created_at, booking_ids from message
                where project_id = ? and conversation_id = ? and id < ?
                order by id desc limit ?""")
                .params(projectId, conversationId, beforeId == null ? Long.MAX_VALUE : beforeId, limit)
                .query((rs, n) -> new MessageView(rs.getLong("id"), rs.getString("role"), rs.getString("kind"),
                        rs.getString("text"), rs.getTimestamp("created_at").toInstant(), bookingIds(rs.getArray("booking_ids"))))
                .list();
        return newestFirst.reversed();
    }

    private static List<String> bookingIds(java.sql.Array array) throws java.sql.SQLException {
        return array == null ? null : List.of((String[]) array.getArray());
    }
}
