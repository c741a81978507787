package com.aiassistants.llm.tool;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.aiassistants.common.mcp.server.McpTool;
import com.aiassistants.llm.provider.LlmProperties;
import com.aiassistants.llm.provider.ProviderHealth;
import com.aiassistants.llm.provider.ProviderRegistry;
import com.aiassistants.llm.provider.ProviderSelection;
import com.aiassistants.llm.provider.TenantRouting;

/** The MCP tools of mcp-llm, served at /mcp by common's MCP server support. */
@Configuration(proxyBeanMethods = false)
class LlmTools {

    @Bean
    McpTool<ChatCompletionInput, ChatCompletionOutput> chatCompletionTool(ChatCompletionService service) {
        return McpTool.query("chat_completion",
                "Asks the calling tenant's language model for the next assistant message. Give the conversation "
                        + "(system, user, assistant and tool messages) and the tools the model may call (name, "
                        + "description, JSON Schema). Returns the assistant message (text and/or tool calls with "
                        + "JSON arguments), the finish reason, token usage, latency, provider and model. Tool "
                        + "calls are only requests: validate their arguments before running them.",
                ChatCompletionInput.class, ChatCompletionOutput.class,
                (context, input) -> service.complete(context.requireTenant(), input));
    }

    @Bean
    McpTool<ListModelsInput, ListModelsOutput> listModelsTool(LlmProperties properties, ProviderRegistry registry,
            TenantRouting routing, ProviderHealth health) {
        return McpTool.query("list_models",
                "Lists the configured LLM providers and models (no secrets), the provider and model the calling "
                        + "tenant gets by default, and whether each provider's recent calls succeeded.",
                ListModelsInput.class, ListModelsOutput.class, (context, input) -> {
                    ProviderSelection mine = routing.defaultsFor(context.requireTenant());
                    List<ListModelsOutput.ProviderInfo> providers = registry.all().stream().map(provider -> {
                        ProviderHealth.Snapshot snapshot = health.of(provider.name());
                        return new ListModelsOutput.ProviderInfo(provider.name(),
                                provider.type().name().toLowerCase(), provider.defaultModel(),
                                provider.models().stream().sorted().toList(), snapshot.status(),
                                snapshot.consecutiveFailures(), snapshot.lastError(), snapshot.lastChangeAt());
                    }).toList();
                    return new ListModelsOutput(mine.provider().name(), mine.model(), properties.defaultProvider(),
                            providers);
                });
    }
}
