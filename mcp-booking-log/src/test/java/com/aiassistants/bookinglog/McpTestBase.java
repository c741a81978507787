package com.aiassistants.bookinglog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.aiassistants.common.mcp.client.McpTarget;
import com.aiassistants.common.mcp.client.McpToolClient;
import com.aiassistants.common.mcp.client.McpToolError;
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

    private McpToolClient client;

    protected McpToolClient client() {
        if (client == null) {
            client = new McpToolClient("mcp-booking-log",
                    new McpTarget(URI.create("http://localhost:" + port), TOKEN, Duration.ofSeconds(10), 0), "test", null);
        }
        return client;
    }

    @AfterEach
    void closeClient() {
        if (client != null) {
            client.close();
            client = null;
        }
    }

    protected static String newTenant() {
        return "t-" + UUID.randomUUID().toString().substring(0, 8);
    }

    protected <T> T call(String tenant, String tool, Object arguments, Class<T> resultType) {
        return client().call(tenant, tool, arguments, resultType, false);
    }

    protected McpToolError callFails(String tenant, String tool, Object arguments, String expectedCode) {
        McpToolError[] error = new McpToolError[1];
        assertThatThrownBy(() -> client().callForMap(tenant, tool, arguments, false))
                .isInstanceOfSatisfying(McpToolError.class, e -> {
                    assertThat(e.code()).as(e.getMessage()).isEqualTo(expectedCode);
                    error[0] = e;
                });
        return error[0];
    }
}
