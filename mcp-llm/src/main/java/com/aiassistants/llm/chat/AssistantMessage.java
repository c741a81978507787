package com.aiassistants.llm.chat;

import java.util.List;

import com.aiassistants.common.mcp.ToolParam;

/**
 * The model's reply: text, tool calls, or both; or a refusal.
 *
 * @param role      always {@code assistant} (so the message can be appended to the history as is)
 * @param content   the text, absent when the model only called tools or refused
 * @param toolCalls tool calls to run, in order; empty when none
 * @param refusal   the model's own explanation when it declined to answer (finish reason {@code refusal});
 *                  never part of {@code content}
 */
public record AssistantMessage(
        @ToolParam("Always 'assistant'") Role role,
        @ToolParam(value = "The reply text; absent when the model only called tools or refused", required = false)
        String content,
        @ToolParam("Tool calls the model wants run, in order (empty when none)") List<ToolCall> toolCalls,
        @ToolParam(value = "Why the model declined to answer, when it did (finish_reason 'refusal')", required = false)
        String refusal) {

    public AssistantMessage {
        role = Role.assistant;
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
    }

    public AssistantMessage(String content, List<ToolCall> toolCalls) {
        this(Role.assistant, content, toolCalls, null);
    }

    public AssistantMessage withToolCalls(List<ToolCall> calls) {
        return new AssistantMessage(role, content, calls, refusal);
    }
}
