package com.aiassistants.llm.chat;

/**
 * A provider's answer, mapped to the common shape.
 *
 * @param answeredBy the model id the provider says produced the answer (e.g. a dated snapshot, or the model
 *                   behind an Azure deployment or a Bedrock prompt router); null when it does not say
 */
public record ChatResult(AssistantMessage message, FinishReason finishReason, TokenUsage usage, String answeredBy) {

    public ChatResult(AssistantMessage message, FinishReason finishReason, TokenUsage usage) {
        this(message, finishReason, usage, null);
    }
}
