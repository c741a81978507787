package com.aiassistants.backend.conversation;

/**
 * One authenticated, validated inbound message, whatever the channel.
 *
 * @param messageId the channel's message id (dedupe key within the project), or null when the caller sent none
 */
public record InboundMessage(String projectId, String conversationId, String channel, String customerId,
        String customerName, String text, String replyId, String messageId) {
}
