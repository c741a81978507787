package com.aiassistants.llm.chat;

import java.util.List;

import com.aiassistants.common.mcp.ToolParam;

/**
 * One message of a conversation, in the OpenAI-style shape every provider is mapped from.
 *
 * @param role       system, user, assistant or tool
 * @param content    the text; optional on an assistant message that only calls tools
 * @param toolCalls  on assistant messages: the tool calls it made
 * @param toolCallId on tool messages: the id of the call this result answers
 * @param name       optional participant name (or the tool's name on tool messages); kept for the
 *                   caller's bookkeeping and read by no provider
 */
public record ChatMessage(
        @ToolParam("Who wrote the message: system, user, assistant or tool") Role role,
        @ToolParam(value = "Text of the message (for tool messages: the tool's result, usually JSON text); "
                + "may be omitted on an assistant message that only calls tools", required = false) String content,
        @ToolParam(value = "Assistant messages only: the tool calls the assistant made", required = false)
        List<ToolCall> toolCalls,
        @ToolParam(value = "Tool messages only: id of the tool call this result answers", required = false)
        String toolCallId,
        @ToolParam(value = "Optional participant name, or the tool's name on tool messages", required = false)
        String name) {

    public ChatMessage {
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
    }

    public static ChatMessage system(String content) {
        return new ChatMessage(Role.system, content, null, null, null);
    }

    public static ChatMessage user(String content) {
        return new ChatMessage(Role.user, content, null, null, null);
    }

    public static ChatMessage assistant(String content, List<ToolCall> toolCalls) {
        return new ChatMessage(Role.assistant, content, toolCalls, null, null);
    }

    public static ChatMessage toolResult(String toolCallId, String name, String content) {
        return new ChatMessage(Role.tool, content, null, toolCallId, name);
    }

    public boolean hasText() {
        return content != null && !content.isBlank();
    }
}
