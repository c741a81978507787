package com.aiassistants.backend.assistant;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything the assistant may use to answer one message.
 *
 * @param tenant         the project (time zone, locale, flow settings)
 * @param conversationId e.g. {@code whatsapp:+5491122334455} or a web conversation id
 * @param customerId     the end user (E.164 phone for WhatsApp), taken from the authenticated request
 * @param customerName   display name the channel knows, may be null
 * @param channel        {@code whatsapp}, {@code web}
 * @param text           the message text (may be blank when only a reply id is present)
 * @param replyId        id of a WhatsApp button/list row the user tapped, or null
 * @param state          the conversation's dialogue state as the assistant last returned it (JSON), or null for a new conversation
 * @param memory         the customer's remembered key/values (e.g. {@code name})
 * @param history        recent messages, oldest first (bounded)
 * @param now            the instant of the turn (from the injectable clock)
 */
public record AssistantTurn(TenantProfile tenant, String conversationId, String customerId, String customerName,
        String channel, String text, String replyId, String state, Map<String, String> memory,
        List<HistoryEntry> history, Instant now) {

    public record HistoryEntry(String role, String text, Instant at) {
    }
}
