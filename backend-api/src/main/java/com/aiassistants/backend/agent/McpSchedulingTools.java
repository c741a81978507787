package com.aiassistants.backend.agent;

import java.util.Map;

import com.aiassistants.common.mcp.client.McpToolClient;

/** {@link SchedulingTools} over the MCP clients of mcp-professionals and mcp-calendar. */
final class McpSchedulingTools implements SchedulingTools {

    private final McpToolClient professionals;
    private final McpToolClient calendar;

    McpSchedulingTools(McpToolClient professionals, McpToolClient calendar) {
        this.professionals = professionals;
        this.calendar = calendar;
    }

    @Override
    public Map<String, Object> call(Service service, String tenantId, String tool, Map<String, Object> arguments,
            boolean retryable) {
        McpToolClient client = service == Service.PROFESSIONALS ? professionals : calendar;
        return client.callForMap(tenantId, tool, arguments, retryable);
    }
}
