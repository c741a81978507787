package com.aiassistants.common.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.aiassistants.common.mcp.client.McpTarget;
import com.aiassistants.common.mcp.client.McpToolClient;
import com.aiassistants.common.tracing.Traces;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The client renews its MCP session after a number of calls (the SDK transport's list of requests in flight keeps
 * some finished ones for the session's life) without failing a call that is still in flight on the old session.
 */
@SpringBootTest(classes = McpRoundTripTest.EchoServer.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"ai-assistants.mcp.server.service-token=renewal-token-0123456789",
                "management.endpoint.health.group.ready.include=ping"})
class McpSessionRenewalTest {

    @LocalServerPort
    int port;

    McpToolClient client(long callsPerSession, SimpleMeterRegistry registry) {
        return new McpToolClient("echo", new McpTarget(URI.create("http://localhost:" + port), "renewal-token-0123456789",
                Duration.ofSeconds(5), 0), "test", registry, Traces.NONE, callsPerSession);
    }

    @Test
    void sessionsAreRenewedUnderConcurrentCallsAndEveryCallIsAnswered() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        // selector threads of HTTP clients made elsewhere (some may still be ending) are not counted
        Set<Thread> elsewhere = httpClientSelectors();
        McpToolClient client = client(25, registry);
        int calls = 1_000;
        List<Future<Map<String, Object>>> answers = new ArrayList<>();
        try (var executor = Executors.newFixedThreadPool(24, Thread.ofVirtual().factory())) {
            for (int i = 0; i < calls; i++) {
                String text = "hola-" + i;
                answers.add(executor.submit(() -> client.callForMap("tenant-a", "echo_text",
                        Map.of("text", text, "day", LocalDate.of(2026, 12, 7).toString()), false)));
            }
        }
        for (int i = 0; i < calls; i++) {
            // a session closed while a call was still in flight on it would fail that call here
            assertThat(answers.get(i).get()).containsEntry("reply", "hola-" + i).containsEntry("tenant_id", "tenant-a");
        }
        double opened = registry.get("mcp.client.sessions").tag("service", "echo").counter().count();
        // every session took at least 25 calls (calls already holding a retired session end on it), so at most 40
        assertThat(opened).isBetween(20.0, 40.0);
        // every retired session was closed once its last call ended; at most the current one is open (none when the
        // last call was the one that retired its session)
        int open = client.openSessions();
        assertThat(open).isLessThanOrEqualTo(1);
        assertThat(registry.get("mcp.client.sessions.open").gauge().value()).isEqualTo(open);
        // each session had an HTTP client of its own; the closed ones were shut down, so their selector threads end
        awaitSelectors(elsewhere, open);
        client.close();
        assertThat(client.openSessions()).isZero();
        awaitSelectors(elsewhere, 0);
    }

    /** Selector threads of the JDK's HTTP clients now running (one per client not yet shut down). */
    private static Set<Thread> httpClientSelectors() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("HttpClient-") && t.getName().endsWith("-SelectorManager"))
                .collect(Collectors.toSet());
    }

    /** Waits until exactly {@code expected} selector threads run that were not running at the start. */
    private static void awaitSelectors(Set<Thread> elsewhere, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (ours(elsewhere) > expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(ours(elsewhere)).isEqualTo(expected);
    }

    private static long ours(Set<Thread> elsewhere) {
        return httpClientSelectors().stream().filter(t -> !elsewhere.contains(t)).count();
    }

    @Test
    void oneCallPerSessionStillAnswersInOrder() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        McpToolClient client = client(1, registry);
        for (int i = 0; i < 5; i++) {
            assertThat(client.callForMap("tenant-a", "echo_text", Map.of("text", "uno-" + i, "day", "2026-12-07"), false))
                    .containsEntry("reply", "uno-" + i);
            assertThat(client.openSessions()).as("the session of a finished call is closed at once").isZero();
        }
        assertThat(registry.get("mcp.client.sessions").counter().count()).isEqualTo(5.0);
        client.close();
    }
}
