package com.aiassistants.common.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.aiassistants.common.mcp.client.McpTarget;
import com.aiassistants.common.mcp.client.McpToolClient;
import com.aiassistants.common.tracing.Traces;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Many callers on one client: every call gets its own answer, all on one MCP session, over connections the client
 * keeps alive and shares rather than one per call.
 */
@SpringBootTest(classes = McpRoundTripTest.EchoServer.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"ai-assistants.mcp.server.service-token=concurrent-token-0123456789",
                "management.endpoint.health.group.ready.include=ping"})
class McpConcurrentCallsTest {

    static final int CALLERS = 24;

    @LocalServerPort
    int port;

    @Test
    void concurrentCallsAreAnsweredOnOneSessionOverKeptAliveConnections() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        McpToolClient client = new McpToolClient("echo", new McpTarget(URI.create("http://localhost:" + port),
                "concurrent-token-0123456789", Duration.ofSeconds(5), 0), "test", registry, Traces.NONE);
        int calls = 1_000;
        List<Future<Map<String, Object>>> answers = new ArrayList<>();
        try (var executor = Executors.newFixedThreadPool(CALLERS, Thread.ofVirtual().factory())) {
            for (int i = 0; i < calls; i++) {
                String text = "hola-" + i;
                String tenant = "tenant-" + (i % 7);
                answers.add(executor.submit(() -> client.callForMap(tenant, "echo_text",
                        Map.of("text", text, "day", LocalDate.of(2026, 12, 7).toString()), false)));
            }
        }
        for (int i = 0; i < calls; i++) {
            assertThat(answers.get(i).get()).containsEntry("reply", "hola-" + i)
                    .containsEntry("tenant_id", "tenant-" + (i % 7));
        }
        assertThat(registry.get("mcp.client.sessions").tag("service", "echo").counter().count()).isEqualTo(1.0);
        assertThat(client.openSessions()).isEqualTo(1);
        assertThat(registry.get("mcp.client.sessions.open").gauge().value()).isEqualTo(1.0);
        // the connections stayed open for the next calls, at most one per caller (a client without keep-alive would
        // have none left, one that opened a connection per call would have hundreds)
        double idle = registry.get("mcp.client.connections").tag("state", "idle").gauge().value();
        assertThat(idle).isBetween(1.0, (double) CALLERS);
        assertThat(registry.get("mcp.client.connections").tag("state", "leased").gauge().value()).isZero();
        client.close();
        assertThat(client.openSessions()).isZero();
        assertThat(registry.get("mcp.client.connections").tag("state", "idle").gauge().value()).isZero();
    }
}
