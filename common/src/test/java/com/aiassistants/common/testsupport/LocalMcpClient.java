package com.aiassistants.common.testsupport;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;

import com.aiassistants.common.mcp.client.McpTarget;
import com.aiassistants.common.mcp.client.McpToolClient;
import com.aiassistants.common.mcp.client.McpToolError;

/**
 * An MCP client for tests of a service running on a local port: calls without retries, and
 * {@link #callFails} for expected tool errors. One per test; close it afterwards.
 */
public final class LocalMcpClient implements AutoCloseable {

    private final McpToolClient client;

    public LocalMcpClient(String service, int port, String token) {
        this.client = new McpToolClient(service,
                new McpTarget(URI.create("http://localhost:" + port), token, Duration.ofSeconds(10), 0), "test", null);
    }

    /** A fresh tenant id, so tests never see each other's data. */
    public static String newTenant() {
        return "t-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public McpToolClient client() {
        return client;
    }

    public <T> T call(String tenant, String tool, Object arguments, Class<T> resultType) {
        return client.call(tenant, tool, arguments, resultType, false);
    }

    /** Calls the tool expecting a tool error with {@code expectedCode}; returns it for more checks. */
    public McpToolError callFails(String tenant, String tool, Object arguments, String expectedCode) {
        try {
            client.callForMap(tenant, tool, arguments, false);
        } catch (McpToolError e) {
            if (!expectedCode.equals(e.code())) {
                throw new AssertionError("expected tool error " + expectedCode + " but got " + e.code() + ": "
                        + e.getMessage(), e);
            }
            return e;
        }
        throw new AssertionError("expected tool error " + expectedCode + " from " + tool + ", but the call succeeded");
    }

    @Override
    public void close() {
        client.close();
    }
}
