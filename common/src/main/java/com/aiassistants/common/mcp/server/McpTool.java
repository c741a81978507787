package com.aiassistants.common.mcp.server;

import java.util.Objects;

/**
 * One MCP tool: a snake_case verb, a description written for an LLM, an input record (its JSON
 * Schema is generated), an output record (its schema becomes the tool's output schema), and the
 * handler. Declare tools as beans; {@link McpToolServerAutoConfiguration} serves them at /mcp.
 */
public record McpTool<I, O>(String name, String description, Class<I> input, Class<O> output, boolean readOnly,
        Handler<I, O> handler) {

    public McpTool {
        Objects.requireNonNull(name);
        Objects.requireNonNull(description);
        Objects.requireNonNull(input);
        Objects.requireNonNull(output);
        Objects.requireNonNull(handler);
    }

    @FunctionalInterface
    public interface Handler<I, O> {
        O handle(ToolContext context, I input);
    }

    public static <I, O> McpTool<I, O> query(String name, String description, Class<I> input, Class<O> output,
            Handler<I, O> handler) {
        return new McpTool<>(name, description, input, output, true, handler);
    }

    public static <I, O> McpTool<I, O> command(String name, String description, Class<I> input, Class<O> output,
            Handler<I, O> handler) {
        return new McpTool<>(name, description, input, output, false, handler);
    }
}
