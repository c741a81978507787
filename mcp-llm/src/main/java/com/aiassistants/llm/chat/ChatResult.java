package com.aiassistants.llm.chat;

/** A provider's answer, mapped to the common shape. */
public record ChatResult(AssistantMessage message, FinishReason finishReason, TokenUsage usage) {
}
