package com.aiassistants.backend.assistant.scheduling;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import com.aiassistants.common.mcp.client.McpTarget;
import com.aiassistants.common.mcp.client.McpToolClient;

import io.micrometer.core.instrument.MeterRegistry;

/** Two MCP clients (professionals, calendar) behind one {@link SchedulingGateway}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AssistantMcpProperties.class)
public class AssistantSchedulingConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AssistantSchedulingConfiguration.class);

    @Bean
    McpSchedulingGateway schedulingGateway(AssistantMcpProperties properties, Environment environment,
            ObjectProvider<MeterRegistry> meterRegistry) {
        MeterRegistry registry = meterRegistry.getIfAvailable();
        return new McpSchedulingGateway(
                client("mcp-professionals", properties.professionals(), environment, registry),
                client("mcp-calendar", properties.calendar(), environment, registry),
                properties.catalogTtl());
    }

    private static McpToolClient client(String service, AssistantMcpProperties.Endpoint endpoint, Environment environment,
            MeterRegistry registry) {
        String token = endpoint.token();
        if (token == null || token.isBlank()) {
            token = environment.getProperty("AI_ASSISTANTS_MCP_TOKEN", "");
        }
        if (token.isBlank()) {
            log.warn("no service token for {} (set AI_ASSISTANTS_MCP_TOKEN): its calls will be refused", service);
            token = "unset";
        }
        return new McpToolClient(service, new McpTarget(endpoint.url(), token, endpoint.timeout(), endpoint.retries()),
                "backend-api", registry);
    }
}
