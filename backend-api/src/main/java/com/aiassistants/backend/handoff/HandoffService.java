package com.aiassistants.backend.handoff;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Service;

import com.aiassistants.backend.conversation.ConversationStore;
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

    private final ConversationStore store;
    private final LiveEvents events;
    private final GatewayClient gateway;
    private final java.time.Clock clock;

    public HandoffService(ConversationStore store, LiveEvents events, GatewayClient gateway, java.time.Clock clock) {
        this.clock = clock;
        this.store = store;
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
        if (!store.setPaused(projectId, conversationId, paused, by)) {
            throw ApiProblem.notFound("conversation");
        }
        events.publish(projectId, conversationId, Frame.handoff(conversationId, paused, clock.instant()));
    }

    public MessageView reply(String projectId, String conversationId, String text) {
        ConversationStore.Origin conversation = store.origin(projectId, conversationId)
                .orElseThrow(() -> ApiProblem.notFound("conversation"));
        if ("whatsapp".equals(conversation.channel())) {
            gateway.send(projectId, conversationId.substring("whatsapp:".length()), text);
        }
        Instant now = clock.instant();
        long id = store.insertMessage(projectId, conversationId, "staff", text, now);
        store.touch(projectId, conversationId);
        events.publish(projectId, conversationId, Frame.message(conversationId, "staff", text, now));
        return MessageView.text(id, "staff", text, now);
    }

    public List<MessageView> messages(String projectId, String conversationId, int limit, Long beforeId) {
        if (!store.exists(projectId, conversationId)) {
            throw ApiProblem.notFound("conversation");
        }
        return store.messagesNewestFirst(projectId, conversationId, limit, beforeId).reversed().stream()
                .map(m -> new MessageView(m.id(), m.role(), m.kind(), m.text(), m.createdAt(), m.bookingIds()))
                .toList();
    }
}
