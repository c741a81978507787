package com.aiassistants.bookinglog;



import org.junit.jupiter.api.AfterEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.aiassistants.common.mcp.client.McpToolClient;
import com.aiassistants.common.mcp.client.McpToolError;
import com.aiassistants.common.testsupport.LocalMcpClient;
import com.aiassistants.common.testsupport.PostgresTestProperties;

/** One Spring context (real PostgreSQL, random port) for the module's tests, and an MCP client to it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "ai-assistants.mcp.server.service-token=" + McpTestBase.TOKEN)
public abstract class McpTestBase {

    static final String TOKEN = "test-service-token-0123456789";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgresTestProperties.register(registry, "booking_log");
    }

    @LocalServerPort
    protected int port;

    private LocalMcpClient mcp;

    private LocalMcpClient mcp() {
        if (mcp == null) {
            mcp = new LocalMcpClient("mcp-booking-log", port, TOKEN);
        }
        return mcp;
    }

    protected McpToolClient client() {
        return mcp().client();
    }

    @AfterEach
    void closeClient() {
        if (mcp != null) {
            mcp.close();
            mcp = null;
        }
    }

    protected static String newTenant() {
        return LocalMcpClient.newTenant();
    }

    protected <T> T call(String tenant, String tool, Object arguments, Class<T> resultType) {
        return mcp().call(tenant, tool, arguments, resultType);
    }

    /** Calls the tool expecting a tool error with this code; returns it for more checks. */
    protected McpToolError callFails(String tenant, String tool, Object arguments, String expectedCode) {
        return mcp().callFails(tenant, tool, arguments, expectedCode);
    }
}
