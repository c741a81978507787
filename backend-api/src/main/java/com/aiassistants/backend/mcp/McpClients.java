package com.aiassistants.backend.mcp;

import com.aiassistants.common.mcp.client.McpToolClient;

/**
 * The one set of MCP clients of backend-api (closed with the context): the deterministic engine uses
 * professionals and calendar, the LLM agent llm too, the console's calendar and catalogue also the
 * booking log (a booking's history).
 */
public record McpClients(McpToolClient llm, McpToolClient professionals, McpToolClient calendar,
        McpToolClient bookingLog) implements AutoCloseable {

    @Override
    public void close() {
        llm.close();
        professionals.close();
        calendar.close();
        bookingLog.close();
    }
}
