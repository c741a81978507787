package com.aiassistants.llm.chat;

import java.util.Map;

import com.aiassistants.common.mcp.ToolParam;

/**
 * A tool the model may call (e.g. an MCP tool the agent allowlisted).
 *
 * @param name        snake_case name, 1-64 of [a-zA-Z0-9_-]
 * @param description what the tool does, written for the model
 * @param inputSchema JSON Schema (an object schema) of its arguments
 */
public record ToolSpec(
        @ToolParam("Tool name, 1-64 characters of letters, digits, '_' or '-'") String name,
        @ToolParam(value = "What the tool does, written for the model", required = false) String description,
        @ToolParam(value = "JSON Schema of the tool's arguments (type object); an empty object schema when omitted",
                required = false) Map<String, Object> inputSchema) {

    public ToolSpec {
        inputSchema = inputSchema == null || inputSchema.isEmpty()
                ? Map.of("type", "object", "properties", Map.of()) : inputSchema;
    }
}
