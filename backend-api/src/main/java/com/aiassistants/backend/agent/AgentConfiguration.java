package com.aiassistants.backend.agent;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

import com.aiassistants.backend.assistant.Assistant;
import com.aiassistants.backend.assistant.orders.OrderDesk;
import com.aiassistants.backend.mcp.McpClients;
import com.aiassistants.backend.mcp.McpClientsConfiguration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Wires the LLM agent as the primary {@link Assistant}, with the deterministic engine (bean
 * {@code deterministicAssistant}) as its router target and fallback, and the projects' orders hooks
 * ({@link OrderDesk}, none without one) behind its order tools. Off with
 * {@code ai-assistants.backend.agent.enabled=false}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "ai-assistants.backend.agent", name = "enabled", havingValue = "true",
        matchIfMissing = true)
@EnableConfigurationProperties(AgentProperties.class)
@Import(McpClientsConfiguration.class)
public class AgentConfiguration {

    @Bean(destroyMethod = "close")
    @Primary
    AgentAssistant agentAssistant(AgentProperties properties, McpClients clients,
            @Qualifier("deterministicAssistant") ObjectProvider<Assistant> deterministic,
            ObjectProvider<MeterRegistry> meterRegistry, Clock clock, ObjectProvider<OrderDesk> orders) {
        MeterRegistry meters = meterRegistry.getIfAvailable(SimpleMeterRegistry::new);
        AgentTurnRunner runner = new AgentTurnRunner(properties, new McpLlmChat(clients.llm()),
                new McpSchedulingTools(clients.professionals(), clients.calendar()),
                orders.getIfAvailable(() -> OrderDesk.NONE), meters);
        ProviderTypes providers = new ProviderTypes(clients.llm(), properties.providerCacheTtl(), clock);
        return new AgentAssistant(properties, runner, providers, deterministic, meters);
    }
}
