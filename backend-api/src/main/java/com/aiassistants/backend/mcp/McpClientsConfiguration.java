package com.aiassistants.backend.mcp;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import com.aiassistants.common.mcp.client.McpTarget;
import com.aiassistants.common.mcp.client.McpToolClient;
import com.aiassistants.common.tracing.Traces;

import io.micrometer.core.instrument.MeterRegistry;

/** Builds {@link McpClients} from {@link McpProperties}: the only place backend-api opens MCP clients. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(McpProperties.class)
public class McpClientsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(McpClientsConfiguration.class);
    static final String CALLER = "backend-api";

    @Bean(destroyMethod = "close")
    McpClients mcpClients(McpProperties properties, Environment environment,
            ObjectProvider<MeterRegistry> meterRegistry, ObjectProvider<Traces> tracing) {
        MeterRegistry registry = meterRegistry.getIfAvailable();
        Traces traces = tracing.getIfAvailable(() -> Traces.NONE);
        return new McpClients(client("mcp-llm", properties.llm(), environment, registry, traces),
                client("mcp-professionals", properties.professionals(), environment, registry, traces),
                client("mcp-calendar", properties.calendar(), environment, registry, traces),
                client("mcp-booking-log", properties.bookingLog(), environment, registry, traces));
    }

    private static McpToolClient client(String service, McpProperties.Endpoint endpoint, Environment environment,
            MeterRegistry registry, Traces traces) {
        String token = endpoint.token();
        if (token == null || token.isBlank()) {
            token = environment.getProperty("AI_ASSISTANTS_MCP_TOKEN", "");
        }
        if (token.isBlank()) {
            log.warn("no service token for {} (set AI_ASSISTANTS_MCP_TOKEN): its calls will be refused", service);
            token = "unset";
        }
        return new McpToolClient(service, new McpTarget(endpoint.url(), token, endpoint.timeout(), endpoint.retries()),
                CALLER, registry, traces);
    }
}
