package com.aiassistants.backend.agent;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.PropertySource;
import org.springframework.core.env.Environment;

import com.aiassistants.backend.assistant.Assistant;
import com.aiassistants.common.mcp.client.McpTarget;
import com.aiassistants.common.mcp.client.McpToolClient;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Wires the LLM agent as the primary {@link Assistant}, with the deterministic engine (bean
 * {@code deterministicAssistant}) as its router target and fallback. Off with
 * {@code ai-assistants.backend.agent.enabled=false}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "ai-assistants.backend.agent", name = "enabled", havingValue = "true",
        matchIfMissing = true)
@EnableConfigurationProperties({AgentProperties.class, AgentMcpProperties.class})
@PropertySource("classpath:com/aiassistants/backend/agent/agent-defaults.properties")
public class AgentConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AgentConfiguration.class);

    /** The agent's own MCP clients (closed with the context). */
    record AgentClients(McpToolClient llm, McpToolClient professionals, McpToolClient calendar) implements AutoCloseable {

        @Override
        public void close() {
            llm.close();
            professionals.close();
            calendar.close();
        }
    }

    @Bean(destroyMethod = "close")
    AgentClients agentMcpClients(AgentMcpProperties mcp, Environment environment,
            ObjectProvider<MeterRegistry> meterRegistry) {
        MeterRegistry registry = meterRegistry.getIfAvailable();
        return new AgentClients(client("mcp-llm", mcp.llm(), environment, registry),
                client("mcp-professionals", mcp.professionals(), environment, registry),
                client("mcp-calendar", mcp.calendar(), environment, registry));
    }

    @Bean(destroyMethod = "close")
    @Primary
    AgentAssistant agentAssistant(AgentProperties properties, AgentClients clients,
            @Qualifier("deterministicAssistant") ObjectProvider<Assistant> deterministic,
            ObjectProvider<MeterRegistry> meterRegistry) {
        MeterRegistry meters = meterRegistry.getIfAvailable(SimpleMeterRegistry::new);
        AgentTurnRunner runner = new AgentTurnRunner(properties, new McpLlmChat(clients.llm()),
                new McpSchedulingTools(clients.professionals(), clients.calendar()), meters);
        ProviderTypes providers = new ProviderTypes(clients.llm(), properties.providerCacheTtl(), Clock.systemUTC());
        return new AgentAssistant(properties, runner, providers, deterministic, meters);
    }

    private static McpToolClient client(String service, AgentMcpProperties.Endpoint endpoint, Environment environment,
            MeterRegistry registry) {
        String token = endpoint.token();
        if (token == null || token.isBlank()) {
            token = environment.getProperty("AI_ASSISTANTS_MCP_TOKEN", "");
        }
        if (token.isBlank()) {
            log.warn("no service token for {} (set AI_ASSISTANTS_MCP_TOKEN): the agent's calls will be refused", service);
            token = "unset";
        }
        return new McpToolClient(service, new McpTarget(endpoint.url(), token, endpoint.timeout(), endpoint.retries()),
                "backend-api-agent", registry);
    }
}
