package com.aiassistants.backend.assistant;

/**
 * Answers one inbound message of a conversation. The conversation layer authenticates, dedupes,
 * serialises the turns of a conversation, loads {@link AssistantTurn#state()} and memory, calls
 * this, then persists {@link AssistantReply#state()} and the memory updates in the same
 * transaction as the messages. Implementations must be safe to call concurrently for different
 * conversations and must never be called concurrently for the same one.
 */
public interface Assistant {

    AssistantReply reply(AssistantTurn turn);
}
