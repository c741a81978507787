package com.aiassistants.backend.assistant.scheduling;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import com.aiassistants.backend.mcp.McpClients;
import com.aiassistants.backend.mcp.McpClientsConfiguration;
import com.aiassistants.backend.mcp.McpProperties;

/** The {@link SchedulingGateway} over backend-api's MCP clients of mcp-professionals and mcp-calendar. */
@Configuration(proxyBeanMethods = false)
@Import(McpClientsConfiguration.class)
public class AssistantSchedulingConfiguration {

    @Bean
    McpSchedulingGateway schedulingGateway(McpClients clients, McpProperties properties) {
        return new McpSchedulingGateway(clients.professionals(), clients.calendar(), properties.catalogTtl());
    }
}
