package com.aiassistants.llm.tool;

import java.util.List;

import com.aiassistants.common.mcp.ToolParam;
import com.aiassistants.llm.chat.ChatMessage;
import com.aiassistants.llm.chat.ToolSpec;

/**
 * Arguments of {@code chat_completion}. The tenant comes from the X-Tenant-Id header, never from here.
 * Tool calls in {@code messages} may come without ids (as some providers sent them); they are paired by position.
 */
public record ChatCompletionInput(
        @ToolParam("The conversation, oldest first: system, user, assistant and tool messages") List<ChatMessage> messages,
        @ToolParam(value = "Tools the model may call, each with a JSON Schema of its arguments", required = false)
        List<ToolSpec> tools,
        @ToolParam(value = "Sampling temperature from 0 to 2; the provider's default when omitted", required = false)
        Double temperature,
        @ToolParam(value = "Most tokens to generate; the provider's default when omitted", required = false)
        Integer maxTokens,
        @ToolParam(value = "Model id; the tenant's configured model when omitted (others must be enabled for the provider)",
                required = false) String model,
        @ToolParam(value = "Provider name; the tenant's configured provider when omitted. 'offline' is always allowed",
                required = false) String provider,
        @ToolParam(value = "Milliseconds the caller will wait for this answer (1-300000). Timeouts and retries "
                + "towards the provider stay within it: no request is sent once it has run out. The "
                + "provider's configured timeouts alone apply when omitted", required = false) Integer timeoutMs) {

    public ChatCompletionInput {
        messages = messages == null ? List.of() : messages;
        tools = tools == null ? List.of() : tools;
    }

    public ChatCompletionInput(List<ChatMessage> messages, List<ToolSpec> tools, Double temperature, Integer maxTokens,
            String model, String provider) {
        this(messages, tools, temperature, maxTokens, model, provider, null);
    }
}
