package com.aiassistants.llm.tool;

import com.aiassistants.common.mcp.ToolParam;
import com.aiassistants.llm.chat.AssistantMessage;
import com.aiassistants.llm.chat.FinishReason;
import com.aiassistants.llm.chat.TokenUsage;

/** Result of {@code chat_completion}. */
public record ChatCompletionOutput(
        @ToolParam("The assistant's reply: text and/or tool calls") AssistantMessage message,
        @ToolParam("Why generation stopped: stop, tool_calls, length, content_filter, refusal or other")
        FinishReason finishReason,
        @ToolParam("Tokens read and generated") TokenUsage usage,
        @ToolParam("Milliseconds the provider took, retries included") long latencyMs,
        @ToolParam("Name of the provider that answered") String provider,
        @ToolParam("Model that answered, as the provider reports it (e.g. a dated snapshot or the model behind an "
                + "Azure deployment); the requested model when the provider does not say") String model,
        @ToolParam("Model that was asked for: the caller's choice or the tenant's configured model") String requestedModel) {
}
