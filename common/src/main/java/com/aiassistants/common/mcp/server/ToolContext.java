package com.aiassistants.common.mcp.server;

/**
 * Who is calling a tool, taken from the authenticated HTTP request (never from tool arguments):
 * the tenant from {@code X-Tenant-Id}, the request id from {@code X-Request-Id}, and the calling
 * service's name from {@code X-Caller}.
 */
public record ToolContext(String tenantId, String requestId, String caller) {

    public String requireTenant() {
        if (tenantId == null || tenantId.isBlank()) {
            throw new ToolException("missing X-Tenant-Id header: every tool call is scoped to one tenant");
        }
        return tenantId;
    }
}
