package com.aiassistants.backend.assistant.golden;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import com.aiassistants.common.mcp.client.McpTarget;
import com.aiassistants.common.mcp.client.McpToolClient;
import com.aiassistants.common.testsupport.ServiceProcess;
import com.aiassistants.common.testsupport.TestPostgres;

/**
 * The real scheduling side for golden dialogues: mcp-professionals, mcp-calendar and
 * mcp-booking-log started from their exec jars as child processes, on one fresh database, all with
 * the same fixed clock start ({@code ai-assistants.clock.start-at}). The services reach each other,
 * and backend-api reaches them, through an {@link OutageProxy} (so its port can be configured before
 * the processes are up, letting the three start in parallel, and one tenant can be cut off).
 * Fixtures and checks use direct clients.
 */
final class RealSchedulingStack implements AutoCloseable {

    static final String TOKEN = "golden-http-mcp-token-0123456789";

    private final TestPostgres.Database database;
    private final Instant clockStart;
    private final OutageProxy proxy;
    private final List<ServiceProcess> processes = new ArrayList<>();
    private final McpToolClient professionals;
    private final McpToolClient calendar;

    private RealSchedulingStack(Instant clockStart) {
        this.clockStart = clockStart;
        this.database = TestPostgres.createDatabase("golden_http");
        this.proxy = new OutageProxy();
        try {
            Map<String, String> env = new HashMap<>();
            env.put("AI_ASSISTANTS_MCP_TOKEN", TOKEN);
            env.put("AI_ASSISTANTS_MCP_PROFESSIONALS_URL", proxy.url("professionals"));
            env.put("AI_ASSISTANTS_MCP_BOOKING_LOG_URL", proxy.url("booking-log"));
            List<String> args = List.of("--ai-assistants.clock.start-at=" + clockStart,
                    "--logging.level.root=WARN");
            Map<String, CompletableFuture<ServiceProcess>> starting = new HashMap<>();
            for (String module : List.of("mcp-professionals", "mcp-calendar", "mcp-booking-log")) {
                starting.put(module, CompletableFuture.supplyAsync(() -> ServiceProcess.start(module, database, env, args)));
            }
            RuntimeException failure = null;
            Map<String, ServiceProcess> started = new HashMap<>();
            for (Map.Entry<String, CompletableFuture<ServiceProcess>> entry : starting.entrySet()) {
                try {
                    ServiceProcess process = entry.getValue().join();
                    processes.add(process);
                    started.put(entry.getKey(), process);
                } catch (CompletionException e) {
                    failure = e.getCause() instanceof RuntimeException r ? r : e;
                }
            }
            if (failure != null) {
                throw failure;
            }
            ServiceProcess professionalsProcess = started.get("mcp-professionals");
            ServiceProcess calendarProcess = started.get("mcp-calendar");
            ServiceProcess bookingLogProcess = started.get("mcp-booking-log");
            proxy.route("professionals", professionalsProcess.baseUrl());
            proxy.route("calendar", calendarProcess.baseUrl());
            proxy.route("booking-log", bookingLogProcess.baseUrl());
            this.professionals = client("mcp-professionals", professionalsProcess.baseUrl());
            this.calendar = client("mcp-calendar", calendarProcess.baseUrl());
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    static RealSchedulingStack start(Instant clockStart) {
        return new RealSchedulingStack(clockStart);
    }

    private static McpToolClient client(String service, URI url) {
        return new McpToolClient(service, new McpTarget(url, TOKEN, Duration.ofSeconds(10), 1), "golden-http", null);
    }

    TestPostgres.Database database() {
        return database;
    }

    Instant clockStart() {
        return clockStart;
    }

    /** URL backend-api uses for mcp-professionals (through the outage proxy). */
    String professionalsUrl() {
        return proxy.url("professionals");
    }

    /** URL backend-api uses for mcp-calendar (through the outage proxy). */
    String calendarUrl() {
        return proxy.url("calendar");
    }

    McpToolClient professionals() {
        return professionals;
    }

    McpToolClient calendar() {
        return calendar;
    }

    void setOutage(String tenantId, boolean down) {
        proxy.setDown(tenantId, down);
    }

    @Override
    public void close() {
        if (professionals != null) {
            professionals.close();
        }
        if (calendar != null) {
            calendar.close();
        }
        processes.reversed().forEach(ServiceProcess::close);
        proxy.close();
    }
}
