package com.aiassistants.infra.catalog;

import static com.aiassistants.infra.catalog.AppSecret.GATEWAY_ADMIN_TOKEN;
import static com.aiassistants.infra.catalog.AppSecret.JWT_SECRET;
import static com.aiassistants.infra.catalog.AppSecret.LLM_API_KEY;
import static com.aiassistants.infra.catalog.AppSecret.MCP_TOKEN;
import static com.aiassistants.infra.catalog.AppSecret.WEBHOOK_SECRET;
import static com.aiassistants.infra.catalog.AppSecret.WHATSAPP_CLOUD;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The six services, in deployment order: MCP servers first (callees before callers), then the
 * backend, and the WhatsApp gateway last so its single connection moves only once the rest is live.
 */
public final class ServiceCatalog {

    public static final String REPOSITORY_PREFIX = "ai-assistants/";
    public static final String METRICS_NAMESPACE = "AiAssistants";
    public static final String SERVICE_CONNECT_NAMESPACE = "ai-assistants.internal";
    public static final String HEALTH_PATH = "/health";
    /** Gauge the gateway publishes (1 connected, 0 not); alarmed on in the observability stack. */
    public static final String GATEWAY_CONNECTED_METRIC = "whatsapp.gateway.connected";
    /** mcp-llm's {@code llm.alerts} counter (quota used up, credentials refused) as Micrometer exports it. */
    public static final String LLM_ALERTS_METRIC = "llm.alerts.count";
    public static final String GATEWAY_SESSION_DIR = "/data/whatsapp-session";

    public static final ServiceSpec MCP_PROFESSIONALS = new ServiceSpec("mcp-professionals", 8091, List.of(), 0,
            List.of("backend-api", "mcp-calendar"), Set.of(MCP_TOKEN), false, false, "professionals");
    public static final ServiceSpec MCP_BOOKING_LOG = new ServiceSpec("mcp-booking-log", 8093, List.of(), 0,
            List.of("backend-api", "mcp-calendar"), Set.of(MCP_TOKEN), false, false, "booking_log");
    public static final ServiceSpec MCP_CALENDAR = new ServiceSpec("mcp-calendar", 8092, List.of(), 0,
            List.of("backend-api"), Set.of(MCP_TOKEN), false, false, "calendar");
    public static final ServiceSpec MCP_LLM = new ServiceSpec("mcp-llm", 8094, List.of(), 0,
            List.of("backend-api"), Set.of(MCP_TOKEN, LLM_API_KEY), false, false, "llm");
    public static final ServiceSpec BACKEND_API = new ServiceSpec("backend-api", 8080, List.of("/v1/*", HEALTH_PATH), 20,
            List.of("whatsapp-gateway"), Set.of(MCP_TOKEN, GATEWAY_ADMIN_TOKEN, WEBHOOK_SECRET, JWT_SECRET), true, false, "backend");
    public static final ServiceSpec WHATSAPP_GATEWAY = new ServiceSpec("whatsapp-gateway", 8081,
            List.of("/webhooks/whatsapp/*"), 10, List.of("backend-api"),
            Set.of(GATEWAY_ADMIN_TOKEN, WEBHOOK_SECRET, WHATSAPP_CLOUD), true, true, "gateway");

    public static final List<ServiceSpec> ALL = List.of(
            MCP_PROFESSIONALS, MCP_BOOKING_LOG, MCP_CALENDAR, MCP_LLM, BACKEND_API, WHATSAPP_GATEWAY);

    private ServiceCatalog() {
    }

    public static Optional<ServiceSpec> find(String name) {
        return ALL.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public static String clusterName(String env) {
        return "ai-assistants-" + env;
    }

    /** Non-secret environment variables telling a service where its peers are (Service Connect names). */
    public static Map<String, String> peerEnvironment(ServiceSpec spec) {
        Map<String, String> env = new LinkedHashMap<>();
        switch (spec.name()) {
            case "backend-api" -> {
                env.put("AI_ASSISTANTS_MCP_PROFESSIONALS_URL", MCP_PROFESSIONALS.internalUrl() + "/mcp");
                env.put("AI_ASSISTANTS_MCP_CALENDAR_URL", MCP_CALENDAR.internalUrl() + "/mcp");
                env.put("AI_ASSISTANTS_MCP_BOOKING_LOG_URL", MCP_BOOKING_LOG.internalUrl() + "/mcp");
                env.put("AI_ASSISTANTS_MCP_LLM_URL", MCP_LLM.internalUrl() + "/mcp");
                env.put("AI_ASSISTANTS_GATEWAY_URL", WHATSAPP_GATEWAY.internalUrl());
            }
            case "mcp-calendar" -> {
                env.put("AI_ASSISTANTS_MCP_PROFESSIONALS_URL", MCP_PROFESSIONALS.internalUrl() + "/mcp");
                env.put("AI_ASSISTANTS_MCP_BOOKING_LOG_URL", MCP_BOOKING_LOG.internalUrl() + "/mcp");
            }
            case "whatsapp-gateway" -> {
                env.put("AI_ASSISTANTS_BACKEND_URL", BACKEND_API.internalUrl());
                env.put("AI_ASSISTANTS_GATEWAY_SESSION_DIR", GATEWAY_SESSION_DIR);
            }
            default -> {
            }
        }
        return env;
    }
}
