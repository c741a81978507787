/**
 * The scheduling contract: tool names and the input/output records of the MCP tools served by
 * mcp-professionals, mcp-calendar and mcp-booking-log. Servers build their {@code McpTool}s from
 * these records, callers (backend-api) pass them to {@code McpToolClient.call}; one definition,
 * so both sides cannot drift. JSON on the wire is snake_case; times are ISO-8601.
 */
package com.aiassistants.common.scheduling;
