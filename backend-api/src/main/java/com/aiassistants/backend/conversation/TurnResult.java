package com.aiassistants.backend.conversation;

import com.aiassistants.backend.assistant.AssistantReply;

/**
 * The outcome of a turn.
 *
 * @param text      the reply ({@code ""} when the bot is paused or chose to stay silent)
 * @param duplicate true when the message id had been processed and this is the stored first reply
 */
public record TurnResult(String conversationId, String messageId, String text, AssistantReply.Interactive interactive,
        boolean duplicate) {
}
