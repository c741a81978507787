package com.aiassistants.llm.chat;

import java.util.List;

/**
 * What a provider is asked: a validated conversation, the tools, and the model already chosen.
 *
 * @param temperature null for the provider's default
 * @param maxTokens   null for the provider's default
 */
public record ChatRequest(List<ChatMessage> messages, List<ToolSpec> tools, Double temperature, Integer maxTokens,
        String model) {

    public ChatRequest {
        messages = List.copyOf(messages);
        tools = tools == null ? List.of() : List.copyOf(tools);
    }
}
