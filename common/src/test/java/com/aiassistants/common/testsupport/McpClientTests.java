package com.aiassistants.common.testsupport;

import org.junit.jupiter.api.AfterEach;

import com.aiassistants.common.mcp.client.McpToolClient;
import com.aiassistants.common.mcp.client.McpToolError;

/**
 * The MCP-client half of an MCP service's test base: one {@link LocalMcpClient} per test, opened on first
 * use against {@link #mcpPort()} and closed after the test.
 */
public abstract class McpClientTests {

    private final String service;
    private final String token;
    private LocalMcpClient mcp;

    /** {@code service}: its name as MCP clients call it (e.g. {@code mcp-booking-log}); {@code token}: the one the test context configured. */
    protected McpClientTests(String service, String token) {
        this.service = service;
        this.token = token;
    }

    /** The port the service under test listens on (known once the context has started). */
    protected abstract int mcpPort();

    private LocalMcpClient mcp() {
        if (mcp == null) {
            mcp = new LocalMcpClient(service, mcpPort(), token);
        }
        return mcp;
    }

    public McpToolClient client() {
        return mcp().client();
    }

    @AfterEach
    void closeMcpClient() {
        if (mcp != null) {
            mcp.close();
            mcp = null;
        }
    }

    protected static String newTenant() {
        return LocalMcpClient.newTenant();
    }

    public <T> T call(String tenant, String tool, Object arguments, Class<T> resultType) {
        return mcp().call(tenant, tool, arguments, resultType);
    }

    /** Calls the tool expecting a tool error with this code; returns it for more checks. */
    public McpToolError callFails(String tenant, String tool, Object arguments, String expectedCode) {
        return mcp().callFails(tenant, tool, arguments, expectedCode);
    }
}
