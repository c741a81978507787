package com.aiassistants.backend.agent;

import java.util.Map;

/**
 * Calls one tool of a scheduling MCP service for a tenant. Domain refusals throw
 * {@code McpToolError}; an unreachable service throws {@code McpUnavailableException}.
 */
public interface SchedulingTools {

    enum Service { PROFESSIONALS, CALENDAR }

    Map<String, Object> call(Service service, String tenantId, String tool, Map<String, Object> arguments,
            boolean retryable);
}
