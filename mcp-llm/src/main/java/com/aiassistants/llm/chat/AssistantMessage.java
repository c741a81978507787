package com.aiassistants.llm.chat;

import java.util.List;

import com.aiassistants.common.mcp.ToolParam;

/**
 * The model's reply: text, tool calls, or both.
 *
 * @param role      always {@code assistant} (so the message can be appended to the history as is)
 * @param content   the text, absent when the model only called tools
 * @param toolCalls tool calls to run, in order; empty when none
 */
public record AssistantMessage(
        @ToolParam("Always 'assistant'") Role role,
        @ToolParam(value = "The reply text; absent when the model only called tools", required = false) String content,
        @ToolParam("Tool calls the model wants run, in order (empty when none)") List<ToolCall> toolCalls) {

    public AssistantMessage {
        role = Role.assistant;
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
    }

    public AssistantMessage(String content, List<ToolCall> toolCalls) {
        this(Role.assistant, content, toolCalls);
    }
}
