package com.aiassistants.professionals;


import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.aiassistants.common.testsupport.JdbcRoundTrips;
import com.aiassistants.common.testsupport.McpClientTests;
import com.aiassistants.common.testsupport.PostgresTestProperties;

/**
 * One Spring context for every test of the module (real PostgreSQL, random port, the demo clinic
 * loaded into tenant {@code demo}), an MCP client speaking Streamable HTTP to it, and a per-thread
 * SQL statement counter for the no-N+1 checks. Tests use fresh tenant ids so they never collide.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ai-assistants.mcp.server.service-token=" + McpTestBase.TOKEN,
        "ai-assistants.professionals.demo-tenant=demo"})
@Import(JdbcRoundTrips.class)
public abstract class McpTestBase extends McpClientTests {

    static final String TOKEN = "test-service-token-0123456789";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgresTestProperties.register(registry, "professionals");
    }

    @LocalServerPort
    int port;

    protected McpTestBase() {
        super("mcp-professionals", TOKEN);
    }

    @Override
    protected int mcpPort() {
        return port;
    }

    /** The JDBC statements {@code work} prepares on the current thread ({@link JdbcRoundTrips}). */
    protected static int countStatements(Runnable work) {
        return JdbcRoundTrips.during(work).statements();
    }
}
