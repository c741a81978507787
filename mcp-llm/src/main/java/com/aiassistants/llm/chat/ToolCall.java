package com.aiassistants.llm.chat;

import java.util.Map;

import com.aiassistants.common.mcp.ToolParam;

/**
 * A call of one tool requested by the model.
 *
 * @param id        provider-issued id; a later {@code tool} message answers it by {@code tool_call_id}
 * @param name      the tool's name
 * @param arguments the arguments as a JSON object (as the model produced them: validate before use)
 */
public record ToolCall(
        @ToolParam("Id of this call; answer it with a tool message carrying the same tool_call_id") String id,
        @ToolParam("Name of the tool to run") String name,
        @ToolParam("Arguments for the tool as a JSON object, exactly as the model produced them") Map<String, Object> arguments) {

    public ToolCall {
        arguments = arguments == null ? Map.of() : arguments;
    }
}
