package com.aiassistants.backend.mcp;

import com.aiassistants.common.mcp.client.McpToolClient;

/**
 * The one set of MCP clients of backend-api (closed with the context): the deterministic engine uses
 * professionals and calendar, the LLM agent all three.
 */
public record McpClients(McpToolClient llm, McpToolClient professionals, McpToolClient calendar)
        implements AutoCloseable {

    @Override
    public void close() {
        llm.close();
        professionals.close();
        calendar.close();
    }
}
