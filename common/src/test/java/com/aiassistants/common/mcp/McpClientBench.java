package com.aiassistants.common.mcp;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Executors;

import com.aiassistants.common.mcp.client.McpTarget;
import com.aiassistants.common.mcp.client.McpToolClient;

/**
 * What an MCP tool call costs its caller: this process's CPU per call and the calls' latencies, calling a running MCP
 * service through common's McpToolClient from virtual threads. The service's own CPU is not counted, so two builds of
 * the client can be compared against the same service, one after the other.
 *
 * A benchmark harness, not a test. Usage, with the stack of scripts/run-local.sh running (it writes
 * .local/common.classpath):
 *   ./mvnw -q -pl common test-compile
 *   java -cp "common/target/test-classes:common/target/classes:$(cat .local/common.classpath)" \
 *       com.aiassistants.common.mcp.McpClientBench [url=http://localhost:8091] [callers=8] [calls=20000] [warm-up=20000]
 * It calls mcp-professionals' list_services for the demo tenant.
 */
public class McpClientBench {

    public static void main(String[] args) throws Exception {
        String url = args.length > 0 ? args[0] : "http://localhost:8091";
        int callers = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int calls = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
        int warmUp = args.length > 3 ? Integer.parseInt(args[3]) : 20_000;
        String token = System.getenv().getOrDefault("MCP_TOKEN", "local-dev-mcp-token-0123456789");
        try (McpToolClient client = new McpToolClient("bench", new McpTarget(URI.create(url), token,
                Duration.ofSeconds(5), 0), "bench", null)) {
            run(client, callers, warmUp);
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long cpu = os.getProcessCpuTime();
            long started = System.nanoTime();
            long[] latencies = run(client, callers, calls);
            double seconds = (System.nanoTime() - started) / 1e9;
            double cpuMs = (os.getProcessCpuTime() - cpu) / 1e6;
            Arrays.sort(latencies);
            System.out.printf("%d calls by %d callers in %.1f s (%.0f calls/s): caller CPU %.3f ms/call, "
                    + "latency p50 %.2f ms p99 %.2f ms%n", calls, callers, seconds, calls / seconds, cpuMs / calls,
                    latencies[calls / 2] / 1e6, latencies[(int) (calls * 0.99)] / 1e6);
        }
    }

    static long[] run(McpToolClient client, int callers, int calls) throws InterruptedException {
        long[] latencies = new long[calls];
        try (var executor = Executors.newFixedThreadPool(callers, Thread.ofVirtual().factory())) {
            for (int i = 0; i < calls; i++) {
                int n = i;
                executor.submit(() -> {
                    long t0 = System.nanoTime();
                    client.callForMap("demo", "list_services", Map.of(), true);
                    latencies[n] = System.nanoTime() - t0;
                });
            }
        }
        return latencies;
    }
}
