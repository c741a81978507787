package com.aiassistants.bookinglog;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.aiassistants.common.testsupport.McpClientTests;
import com.aiassistants.common.testsupport.PostgresTestProperties;

/** One Spring context (real PostgreSQL, random port) for the module's tests, and an MCP client to it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "ai-assistants.mcp.server.service-token=" + McpTestBase.TOKEN)
public abstract class McpTestBase extends McpClientTests {

    static final String TOKEN = "test-service-token-0123456789";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgresTestProperties.register(registry, "booking_log");
    }

    @LocalServerPort
    protected int port;

    protected McpTestBase() {
        super("mcp-booking-log", TOKEN);
    }

    @Override
    protected int mcpPort() {
        return port;
    }
}
