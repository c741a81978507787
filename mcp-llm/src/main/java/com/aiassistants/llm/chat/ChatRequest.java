package com.aiassistants.llm.chat;

import java.util.List;

/**
 * What a provider is asked: a validated conversation, the tools, and the model already chosen.
 *
 * @param temperature null for the provider's default
 * @param maxTokens   null for the provider's default
 * @param deadline    when the caller stops waiting ({@link Deadline#NONE} when it gave no budget)
 */
public record ChatRequest(List<ChatMessage> messages, List<ToolSpec> tools, Double temperature, Integer maxTokens,
        String model, Deadline deadline) {

    public ChatRequest {
        messages = List.copyOf(messages);
        tools = tools == null ? List.of() : List.copyOf(tools);
        deadline = deadline == null ? Deadline.NONE : deadline;
    }

    public ChatRequest(List<ChatMessage> messages, List<ToolSpec> tools, Double temperature, Integer maxTokens,
            String model) {
        this(messages, tools, temperature, maxTokens, model, Deadline.NONE);
    }
}
